/** `pqrst inspect FILE [--json]`: what a real ECG file holds, read with the pure readers. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readCsvSignalsBytes } from '../io/csv-table.ts';
import { readEdf } from '../io/edf.ts';
import { DEFAULT_MAX_INPUT_BYTES } from '../io/input-size.ts';
import { IoError } from '../io/io-error.ts';
import { decodeAnnotations, type WfdbAnnotation } from '../io/wfdb-annotation.ts';
import { parseHeaderBytes } from '../io/wfdb-header-bytes.ts';
import { readWfdbRecord } from '../io/wfdb-record.ts';
import { choiceFlag, numberFlag, parseFlags } from './args.ts';
import { CliError } from './cli-error.ts';
import { splitFileArgs } from './file-args.ts';
import { cliErrorOf, readInputFile, resolveInput } from './inspect-load.ts';
import { csvReport, edfReport, wfdbReport, type InspectReport } from './inspect-report.ts';

/** Flags that take a value (everything else but FILE is a boolean flag). */
const VALUE_FLAGS = ['--fs', '--units', '--column', '--max-bytes'] as const;
const BOOLEAN_FLAGS = ['--json', '--ignore-skew'] as const;

/** Splits argv into the one positional FILE and the flags. */
function splitArgs(argv: string[]): { file: string; flags: string[] } {
  const { files, flags } = splitFileArgs(argv, VALUE_FLAGS, 'FILE', 'pqrst inspect FILE [--json]');
  if (files.length > 1) throw new CliError(files[1], 'unexpected argument: inspect takes one FILE');
  return { file: files[0], flags };
}

interface InspectOptions {
  maxBytes: number;
  ignoreSkew: boolean;
  fsHz?: number;
  units: 'auto' | 'mV' | 'uV';
  column?: string;
}

function inspectWfdb(headerPath: string, o: InspectOptions): InspectReport {
  const headerName = path.basename(headerPath);
  const header = parseHeaderBytes(readInputFile(headerPath, o.maxBytes), headerName, o.maxBytes);
  const dir = path.dirname(headerPath);
  const files = new Map<string, Uint8Array>();
  for (const s of header.signals) {
    if (s.format !== 0 && !files.has(s.fileName)) {
      files.set(s.fileName, readInputFile(path.join(dir, s.fileName), o.maxBytes));
    }
  }
  const rec = readWfdbRecord(header, files, {
    maxInputBytes: o.maxBytes,
    ignoreSkew: o.ignoreSkew,
    headerFileName: headerName,
  });
  const atrPath = headerPath.replace(/\.hea$/i, '.atr');
  const warnings: string[] = [];
  let anns: WfdbAnnotation[] | undefined;
  if (existsSync(atrPath)) {
    try {
      anns = decodeAnnotations(readInputFile(atrPath, o.maxBytes), path.basename(atrPath));
    } catch (e) {
      if (!(e instanceof IoError)) throw e;
      warnings.push(`annotations not read: ${e.message}`);
    }
  }
  return wfdbReport(rec, anns, warnings);
}

/** A short human-readable summary (without --json). */
function textSummary(file: string, r: InspectReport): string {
  const lines = [
    `${file}: ${r.signals.length} signals, ${r.nSamples} samples at ${r.fs} Hz (${(r.nSamples / r.fs).toFixed(1)} s)`,
  ];
  for (const s of r.signals) {
    lines.push(
      `  ${s.name} [${s.fmt}] ${s.gain}/${s.units} baseline ${s.baseline}: ${s.firstMv.join(', ')} ...`,
    );
  }
  const beats = Object.entries(r.annotations.beats).map(([k, v]) => `${k} ${v}`);
  const rhythms = Object.entries(r.annotations.rhythms).map(([k, v]) => `${k} ${v} s`);
  if (beats.length > 0) lines.push(`  beats: ${beats.join(', ')}`);
  if (rhythms.length > 0) lines.push(`  rhythms: ${rhythms.join(', ')}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}

/**
 * Runs `pqrst inspect FILE [--json] [--fs HZ] [--units auto|mV|uV] [--column NAME] [--max-bytes N]
 * [--ignore-skew]`: FILE is a WFDB `.hea` (or the record path without extension, or its `.mat`/`.dat`
 * with the header beside), an `.edf` or a `.csv`. Prints the report (JSON with --json) and returns 0;
 * bad arguments, unreadable or malformed files throw `CliError` naming the file and reason (exit 2).
 */
export async function runInspect(argv: string[]): Promise<number> {
  const { file, flags: rest } = splitArgs(argv);
  const flags = parseFlags(rest, VALUE_FLAGS, BOOLEAN_FLAGS);
  const options: InspectOptions = {
    maxBytes: numberFlag(
      flags,
      '--max-bytes',
      DEFAULT_MAX_INPUT_BYTES,
      0,
      Number.MAX_SAFE_INTEGER,
      true,
      'bytes',
    ),
    ignoreSkew: flags.has('--ignore-skew'),
    units: choiceFlag(flags, '--units', 'auto', ['auto', 'mV', 'uV'] as const),
    column: flags.get('--column'),
  };
  if (flags.has('--fs')) options.fsHz = numberFlag(flags, '--fs', 0, 1e-6, 1e9, false, 'Hz');
  const input = resolveInput(file);
  let report: InspectReport;
  try {
    if (input.kind === 'wfdb') report = inspectWfdb(input.path, options);
    else {
      const bytes = readInputFile(input.path, options.maxBytes);
      const fileName = path.basename(input.path);
      if (input.kind === 'edf')
        report = edfReport(readEdf(bytes, { fileName, maxInputBytes: options.maxBytes }));
      else {
        const columns = options.column === undefined ? undefined : [options.column];
        const csv = {
          fileName,
          fsHz: options.fsHz,
          units: options.units,
          columns,
          maxInputBytes: options.maxBytes,
        };
        report = csvReport(readCsvSignalsBytes(bytes, csv));
      }
    }
  } catch (e) {
    if (e instanceof IoError) throw cliErrorOf(e, file);
    throw e;
  }
  process.stdout.write(
    flags.has('--json') ? `${JSON.stringify(report, null, 2)}\n` : `${textSummary(file, report)}\n`,
  );
  return 0;
}
