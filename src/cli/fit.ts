/**
 * `pqrst fit FILE [--lead II] [--json] [--class C] [--preset-out FILE] [--templates-only]
 * [--min-beats N] [--fs HZ] [--max-bytes N]`: fits the synthesizer's beat model to a real record
 * (src/analysis/fit) and prints the templates' parameters; `--preset-out` writes a preset file of the
 * class (`--class`, else the class with the most fitted normal beats, else nsr) that the studio's preset
 * loader opens.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { classPreset, fitRecord, FitInputError, type RecordFit } from '../analysis/fit/index.ts';
import { CLASS_NAMES, type ClassName } from '../core/units.ts';
import { RecordLoader } from '../dataset/record-bytes.ts';
import { DEFAULT_MAX_INPUT_BYTES } from '../io/input-size.ts';
import { IoError } from '../io/io-error.ts';
import { presetFileText } from '../state/preset-file.ts';
import { choiceFlag, numberFlag, parseFlags } from './args.ts';
import { CliError } from './cli-error.ts';
import { splitFileArgs } from './file-args.ts';
import { reportJson, reportText, templateReport } from './fit-report.ts';
import { cliErrorOf, diskLookup, readInputFile, resolveInput } from './inspect-load.ts';

const VALUE_FLAGS = ['--lead', '--class', '--preset-out', '--min-beats', '--fs', '--max-bytes'];
const BOOLEAN_FLAGS = ['--json', '--templates-only'];
const USAGE = 'pqrst fit FILE [--lead II] [--json] [--class C] [--preset-out FILE]';

/** The class a preset is made for when `--class` is not given: most fitted normal beats, else nsr. */
function presetClass(fit: RecordFit): ClassName {
  const beats = new Map<ClassName, number>();
  for (const t of fit.templates) {
    if (t.className !== null && t.beatType === 'N')
      beats.set(t.className, (beats.get(t.className) ?? 0) + t.nBeats);
  }
  return [...beats.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'nsr';
}

/** Runs `pqrst fit` (see the module comment); returns the exit code. Bad input throws `CliError` (exit 2). */
export async function runFit(argv: string[]): Promise<number> {
  const { files, flags: rest } = splitFileArgs(argv, VALUE_FLAGS, 'FILE', USAGE);
  if (files.length > 1) throw new CliError(files[1], 'unexpected argument: fit takes one FILE');
  const flags = parseFlags(rest, VALUE_FLAGS, BOOLEAN_FLAGS);
  const file = files[0];
  const maxBytes = numberFlag(
    flags,
    '--max-bytes',
    DEFAULT_MAX_INPUT_BYTES,
    0,
    Number.MAX_SAFE_INTEGER,
    true,
    'bytes',
  );
  const className = flags.has('--class') ? choiceFlag(flags, '--class', 'nsr', CLASS_NAMES) : undefined;
  const minBeats = numberFlag(flags, '--min-beats', 5, 1, 1e6, true);
  const csvFsHz = flags.has('--fs') ? numberFlag(flags, '--fs', 0, 1, 1e6, false, 'Hz') : undefined;
  const presetOut = flags.get('--preset-out');
  if (presetOut !== undefined && flags.has('--templates-only')) {
    throw new CliError('--preset-out', 'needs the per-beat fits: drop --templates-only');
  }

  const input = resolveInput(file);
  const loader = new RecordLoader(diskLookup(maxBytes), {
    lead: flags.get('--lead') ?? 'II',
    maxBytes,
    csvFsHz,
  });
  let fit: RecordFit;
  try {
    const base = input.path.slice(0, input.path.length - path.extname(input.path).length);
    const record = loader.load(
      { kind: input.kind, file: { name: input.path, bytes: readInputFile(input.path, maxBytes) }, base },
      file,
    );
    for (const w of record.warnings) process.stderr.write(`pqrst fit: warning: ${w}\n`);
    fit = fitRecord(record, { className, minBeats, perBeat: !flags.has('--templates-only') });
  } catch (e) {
    if (e instanceof IoError) throw cliErrorOf(e, file);
    if (e instanceof FitInputError) throw new CliError(file, e.message);
    throw e;
  }
  if (fit.templates.length === 0) {
    throw new CliError(
      file,
      `no template: every group of beats has fewer than ${minBeats} beats (--min-beats)`,
    );
  }
  const templates = fit.templates.map(templateReport);
  process.stdout.write(flags.has('--json') ? reportJson(templates) : reportText(file, fit, templates));
  if (presetOut !== undefined) {
    const cls = className ?? presetClass(fit);
    let preset;
    try {
      preset = classPreset(cls, [fit]);
    } catch (e) {
      throw new CliError('--preset-out', (e as Error).message);
    }
    try {
      writeFileSync(presetOut, presetFileText(preset.params));
    } catch (e) {
      throw new CliError('--preset-out', `cannot write ${presetOut}: ${(e as Error).message}`);
    }
    process.stderr.write(`pqrst fit: wrote the ${cls} preset ${presetOut} (${preset.notes.join('; ')})\n`);
  }
  return 0;
}
