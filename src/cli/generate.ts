/** `pqrst generate`: write a reproducible synthetic dataset folder (see README.md, "Command line"). */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { CLASS_NAMES } from '../core/units.ts';
import { OUTPUT_FORMATS, type NoiseSetting, type SyntheticRecipe } from '../dataset/recipe.ts';
import { writeSyntheticDataset } from '../dataset/write-synthetic.ts';
import { GENERATOR_VERSION, PRESETS, validateParams, withoutNoise, type PresetName } from '../synth/index.ts';
import { choiceFlag, numberFlag, parseFlags } from './args.ts';
import { CliError } from './cli-error.ts';
import { createFolderSink } from './folder-sink.ts';

const FLAGS = [
  '--class',
  '--count',
  '--seconds',
  '--fs',
  '--seed',
  '--noise',
  '--format',
  '--out',
  '--preset',
];
const BOOLEANS = ['--force', '--quiet'];

/** Build the recipe the flags describe (throws CliError naming the first bad flag). */
export function recipeFromFlags(argv: string[]): {
  recipe: SyntheticRecipe;
  outDir: string;
  force: boolean;
  quiet: boolean;
} {
  const flags = parseFlags(argv, FLAGS, BOOLEANS);
  const className = choiceFlag(flags, '--class', 'nsr', CLASS_NAMES);
  const count = numberFlag(flags, '--count', 10, 1, 10_000_000, true);
  const seconds = numberFlag(flags, '--seconds', 10, 1, 600, false, 's');
  const fsHz = numberFlag(flags, '--fs', 500, 100, 1000, true, 'Hz');
  const seed = numberFlag(flags, '--seed', 1, 0, 4294967295, true);
  const noise = choiceFlag<NoiseSetting>(flags, '--noise', 'default', ['default', 'none']);
  const output = choiceFlag(flags, '--format', 'wfdb', OUTPUT_FORMATS);
  const preset = choiceFlag<PresetName>(flags, '--preset', 'default', ['default', 'nonaka2026']);
  const out = flags.get('--out');
  if (out === undefined || out.trim() === '')
    throw new CliError('--out', 'required: the dataset folder to create');
  const base = validateParams({ className, fsHz, durationS: seconds, seed }, PRESETS[preset]);
  const params = noise === 'none' ? withoutNoise(base) : base;
  const recipe: SyntheticRecipe = {
    format: 'pqrst-recipe',
    generatorVersion: GENERATOR_VERSION,
    className,
    count,
    seed,
    preset,
    noise,
    output,
    params,
  };
  return { recipe, outDir: resolve(out), force: flags.has('--force'), quiet: flags.has('--quiet') };
}

/** Run `generate` with `argv`; returns the exit code. */
export async function runGenerate(argv: string[]): Promise<number> {
  const { recipe, outDir, force, quiet } = recipeFromFlags(argv);
  if (existsSync(outDir) && !force)
    throw new CliError('--out', `${outDir} already exists (add --force to replace it)`);
  // Handlers first: an interrupt at any point after the temporary folder exists must remove it.
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let sink;
  try {
    sink = createFolderSink(outDir);
  } catch (e) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    throw new CliError('--out', `cannot write into ${outDir}: ${(e as Error).message}`);
  }
  const startMs = performance.now();
  let lastReportMs = startMs;
  const progress = (done: number, total: number) => {
    const now = performance.now();
    if (quiet || !process.stderr.isTTY || (now - lastReportMs < 500 && done < total)) return;
    lastReportMs = now;
    const rate = done / ((now - startMs) / 1000);
    const leftS = Math.ceil((total - done) / rate);
    process.stderr.write(
      `\rpqrst: ${done}/${total} records, ${rate.toFixed(0)} records/s, ${leftS} s left   `,
    );
    if (done === total) process.stderr.write('\n');
  };
  try {
    await writeSyntheticDataset(recipe, sink, { signal: controller.signal, onProgress: progress });
    if (force) rmSync(outDir, { recursive: true, force: true });
    sink.commit();
  } catch (e) {
    sink.discard();
    if (controller.signal.aborted) {
      process.stderr.write(`\npqrst: interrupted; nothing was written to ${outDir}\n`);
      return 130;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (!quiet) {
    const seconds = (performance.now() - startMs) / 1000;
    process.stdout.write(
      `pqrst: wrote ${recipe.count} ${recipe.className} records (${recipe.output}) to ${outDir} in ${seconds.toFixed(2)} s\n`,
    );
  }
  return 0;
}
