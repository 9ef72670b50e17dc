/** The `pqrst` command line: the same pure modules as the studio, run in Node. */
import { ParamError } from '../synth/validate.ts';
import { GENERATOR_VERSION } from '../synth/version.ts';
import { CliError } from './cli-error.ts';
import { runExperimentCommand } from './experiment.ts';
import { runFit } from './fit.ts';
import { runGenerate } from './generate.ts';
import { runImport } from './import.ts';
import { runInspect } from './inspect.ts';
import { runRealism } from './realism.ts';

const USAGE = `Usage: pqrst <command> [flags]

Commands:
  generate   write a reproducible synthetic dataset folder (or .zip)
             --class nsr|af|afl|pvc|wpw  class, or several: nsr,af,pvc (default nsr)
             --count N            records of each class (default 10)
             --seconds S          duration per record, 1-600 s (default 10)
             --fs HZ              sampling rate, 100-1000 Hz (default 500)
             --seed K             run seed, 0-4294967295 (default 1); record k of a class has seed K + k
             --noise default|none default noise sources, or exactly none
             --preset default|nonaka2026
             --format wfdb|npy|csv (default wfdb)
             --split F            put a fraction F of each class in validation (labels.csv split column)
             --recipe FILE        take all of the above from a recipe.json (no other dataset flags)
             --recipe-out FILE    also write the recipe as JSON (alone: write only the recipe)
             --out DIR            the folder to create (written to a temporary folder, then renamed)
             --zip                write DIR.zip, the archive the studio makes (also: --out NAME.zip)
             --shard i/n          only rows of the i-th of n contiguous blocks (job arrays)
             --workers W          worker threads (default: one per core); never changes the bytes
             --force              replace DIR if it exists
             --quiet              print nothing on success
  inspect    describe a real ECG file: npx pqrst inspect FILE --json
             FILE: a WFDB .hea (or record path), a .mat with its header, .edf or .csv
             --fs HZ, --units auto|mV|uV, --column NAME (CSV); --max-bytes N; --ignore-skew
  import     window real ECG files into a labelled dataset folder (signals.npy + labels.csv)
             npx pqrst import FILES... --lead II --fs 500 --window 10 [--stride S]
               [--label-rule R] [--patients CSV] [--reference REFERENCE.csv] [--bandpass 0.5-40] --out DIR
             FILES: records, .mat, .edf, .csv or folders; see README.md "Importing real ECGs"
  experiment train from scratch and after synthetic pre-training on real-data budgets; test by patient
             npx pqrst experiment --config exp.json --train DIR [--test DIR] --out DIR
               [--recipe recipe.json] [--backend auto|wasm|cpu] [--patients CSV] [--label-rule R] [--lead II]
               [--force] [--quiet]
             DIR: a pqrst import folder or WFDB/EDF/CSV records; see README.md "Training experiment"
  fit        fit the beat model (P, Q, R, S, T Gaussians; WPW delta wave; AF f-waves) to a real record
             npx pqrst fit FILE --lead II [--json] [--class C] [--preset-out FILE] [--templates-only]
               [--min-beats N] [--fs HZ] [--max-bytes N]; see README.md "Fitting real ECGs"
  realism    how real a synthetic set looks next to a real one of the same class
             npx pqrst realism --class af --synthetic DIR --real DIR --out DIR [--no-classifier]
               [--seed K] [--epochs N] [--max-windows N] [--backend auto|wasm|cpu] [--force] [--quiet]
             DIR: signals.npy + labels.csv folders; writes report.json and SVG figures
  help       this text
  version    the generator version

Exit codes: 0 success, 1 unexpected error, 2 bad arguments, 130 interrupted.`;

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'generate') return await runGenerate(rest);
    if (command === 'inspect') return await runInspect(rest);
    if (command === 'import') return await runImport(rest);
    if (command === 'experiment') return await runExperimentCommand(rest);
    if (command === 'fit') return await runFit(rest);
    if (command === 'realism') return await runRealism(rest);
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === 'version' || command === '--version') {
      process.stdout.write(`pqrst generator ${GENERATOR_VERSION}\n`);
      return 0;
    }
    throw new CliError(command, 'unknown command (try: pqrst help)');
  } catch (e) {
    if (e instanceof CliError || e instanceof ParamError) {
      process.stderr.write(`pqrst: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`pqrst: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
