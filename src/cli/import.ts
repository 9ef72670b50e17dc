/**
 * `pqrst import FILES... --out DIR`: builds a labelled real-ECG dataset folder (signals.npy, labels.csv,
 * recipe.json, README.txt, summary.json) from WFDB, MAT, EDF/EDF+ and CSV recordings, with the pure
 * pipeline of src/dataset. Malformed files are listed as skipped; the rest of the batch goes on.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CLASS_NAMES, type ClassName } from '../core/units.ts';
import { parseBandpass, type BandpassSpec } from '../dataset/band-pass.ts';
import { buildImportedDataset } from '../dataset/build-import.ts';
import { formatImportSummary } from '../dataset/import-summary-text.ts';
import { summarizeImport } from '../dataset/import-summary.ts';
import type { ImportSettings } from '../dataset/import-recipe.ts';
import { DEFAULT_LABEL_RULE, formatLabelRule, parseLabelRule } from '../dataset/label-rule.ts';
import { parsePatientMap } from '../dataset/patient-map.ts';
import { parseReferenceLabels } from '../dataset/reference-labels.ts';
import { DEFAULT_RHYTHM_CLASSES, parseRhythmMap } from '../dataset/rhythm-classes.ts';
import { DEFAULT_SNOMED_CLASSES, parseSnomedClasses } from '../dataset/snomed-labels.ts';
import { writeImportedDataset } from '../dataset/write-imported.ts';
import { DEFAULT_MAX_INPUT_BYTES } from '../io/input-size.ts';
import type { RecordLoadContext } from '../dataset/record-bytes.ts';
import { choiceFlag, numberFlag, parseFlags } from './args.ts';
import { CliError } from './cli-error.ts';
import { flagFile, parsedFile, parsedFlag, splitFileArgs } from './file-args.ts';
import { createFolderSink } from './folder-sink.ts';
import { collectImportInputs, importSources } from './import-files.ts';

const VALUE_FLAGS = [
  '--lead',
  '--fs',
  '--window',
  '--stride',
  '--label-rule',
  '--label',
  '--rhythm-map',
  '--patients',
  '--reference',
  '--snomed-map',
  '--bandpass',
  '--annotator',
  '--csv-fs',
  '--label-column',
  '--max-bytes',
  '--out',
] as const;
const BOOLEAN_FLAGS = ['--force', '--json', '--quiet', '--ignore-skew'] as const;

interface ImportPlan {
  files: string[];
  outDir: string;
  force: boolean;
  json: boolean;
  quiet: boolean;
  settings: ImportSettings;
  bandpass?: BandpassSpec;
  context: RecordLoadContext;
}

/** Everything the flags ask for (throws CliError naming the first bad flag). */
function planFromArgs(argv: string[]): ImportPlan {
  const { files, flags: rest } = splitFileArgs(argv, VALUE_FLAGS, 'FILES', 'pqrst import FILES... --out DIR');
  const flags = parseFlags(rest, VALUE_FLAGS, BOOLEAN_FLAGS);
  const lead = (flags.get('--lead') ?? 'II').trim();
  if (lead === '') throw new CliError('--lead', 'needs a lead name, e.g. II');
  const fsHz = numberFlag(flags, '--fs', 500, 100, 1000, true, 'Hz');
  const windowS = numberFlag(flags, '--window', 10, 0.1, 3600, false, 's');
  const strideS = numberFlag(flags, '--stride', windowS, 0.01, 3600, false, 's');
  const handLabel = flags.has('--label')
    ? choiceFlag<ClassName>(flags, '--label', 'nsr', CLASS_NAMES)
    : undefined;
  const defaultRule = handLabel === undefined ? DEFAULT_LABEL_RULE : 'record';
  const rule = parsedFlag(flags, '--label-rule', parseLabelRule) ?? parseLabelRule(defaultRule);
  const rhythmClasses = parsedFlag(flags, '--rhythm-map', (t) => parseRhythmMap(t)) ?? {
    ...DEFAULT_RHYTHM_CLASSES,
  };
  const bandpass = parsedFlag(flags, '--bandpass', parseBandpass);
  if (bandpass !== undefined && !(bandpass.highHz < fsHz / 2)) {
    throw new CliError(
      '--bandpass',
      `${bandpass.highHz} Hz is not below the Nyquist frequency ${fsHz / 2} Hz`,
    );
  }
  const annotator = flags.get('--annotator') ?? 'atr';
  if (!/^[A-Za-z0-9_]+$/.test(annotator))
    throw new CliError('--annotator', `expected a file extension such as atr, got '${annotator}'`);
  const out = flags.get('--out');
  if (out === undefined || out.trim() === '')
    throw new CliError('--out', 'required: the dataset folder to create');
  const patientsFile = flagFile(flags, '--patients');
  const referenceFile = flagFile(flags, '--reference');
  const snomedFile = flagFile(flags, '--snomed-map');
  const patients = patientsFile && parsedFile(patientsFile, parsePatientMap);
  const reference =
    referenceFile &&
    parsedFile(referenceFile, (t) => parseReferenceLabels(t, path.basename(referenceFile.path)));
  const snomedClasses = (snomedFile && parsedFile(snomedFile, parseSnomedClasses)) ?? DEFAULT_SNOMED_CLASSES;
  const recordLabelSources =
    handLabel !== undefined
      ? [`given by hand: ${handLabel}`]
      : [
          referenceFile ? `REFERENCE labels from ${referenceFile.path}` : 'REFERENCE.csv beside each record',
          `#Dx: SNOMED-CT codes (${snomedFile ? snomedFile.path : 'default table'}: ${Object.entries(
            snomedClasses,
          )
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')})`,
        ];
  const maxBytes = numberFlag(
    flags,
    '--max-bytes',
    DEFAULT_MAX_INPUT_BYTES,
    0,
    Number.MAX_SAFE_INTEGER,
    true,
    'bytes',
  );
  const csvFsHz = flags.has('--csv-fs')
    ? numberFlag(flags, '--csv-fs', 0, 1e-3, 1e6, false, 'Hz')
    : undefined;
  return {
    files,
    outDir: path.resolve(out),
    force: flags.has('--force'),
    json: flags.has('--json'),
    quiet: flags.has('--quiet'),
    bandpass,
    settings: {
      inputs: files,
      lead,
      fsHz,
      windowS,
      strideS,
      labelRule: formatLabelRule(rule),
      rhythmClasses,
      recordLabelSources,
      patientSource: patientsFile ? `${patientsFile.path} (else the record name)` : 'record name',
      bandpass,
    },
    context: {
      lead,
      maxBytes,
      ignoreSkew: flags.has('--ignore-skew'),
      annotator,
      patients,
      reference,
      snomedClasses,
      handLabel,
      csvFsHz,
      labelColumn: flags.get('--label-column'),
    },
  };
}

/**
 * Runs `pqrst import FILES... [--lead II] [--fs 500] [--window 10] [--stride S] [--label-rule R]
 * [--label CLASS] [--rhythm-map MAP] [--patients CSV] [--reference CSV] [--snomed-map CSV]
 * [--bandpass LOW-HIGH] [--annotator atr] [--csv-fs HZ] [--label-column NAME] [--max-bytes N]
 * [--ignore-skew] --out DIR [--force] [--json] [--quiet]`. Prints the summary to stderr (as JSON on
 * stdout with --json) and returns 0, or 130 when interrupted; bad arguments, an existing DIR without
 * --force, or no window at all throw `CliError` (exit 2).
 */
export async function runImport(argv: string[]): Promise<number> {
  const plan = planFromArgs(argv);
  const { outDir, force, quiet } = plan;
  if (existsSync(outDir) && !force)
    throw new CliError('--out', `${outDir} already exists (add --force to replace it)`);
  const { inputs, skipped } = collectImportInputs(plan.files);
  if (inputs.length === 0 && skipped.length === 0) throw new CliError('FILES', 'no ECG records found');
  const sources = importSources(inputs, plan.context);
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const startMs = performance.now();
  const progress = (done: number, total: number, name: string) => {
    if (quiet || !process.stderr.isTTY) return;
    process.stderr.write(`\rpqrst: ${done}/${total} records (${path.basename(name)})   `);
    if (done === total) process.stderr.write('\n');
  };
  let sink;
  try {
    const dataset = await buildImportedDataset(sources, {
      fsHz: plan.settings.fsHz,
      windowS: plan.settings.windowS,
      strideS: plan.settings.strideS,
      rule: parseLabelRule(plan.settings.labelRule),
      rhythmClasses: plan.settings.rhythmClasses,
      bandpass: plan.bandpass,
      signal: controller.signal,
      onProgress: progress,
    });
    dataset.skippedRecords.unshift(...skipped);
    if (dataset.rows.length === 0) {
      if (!quiet || plan.json) process.stderr.write(formatImportSummary(summarizeImport(dataset)));
      throw new CliError(
        'FILES',
        'no window could be read and labelled: nothing was written (see the list above)',
      );
    }
    try {
      sink = createFolderSink(outDir);
    } catch (e) {
      throw new CliError('--out', `cannot write into ${outDir}: ${(e as Error).message}`);
    }
    const { summary } = await writeImportedDataset(dataset, plan.settings, sink, {
      signal: controller.signal,
    });
    if (force) rmSync(outDir, { recursive: true, force: true });
    sink.commit();
    if (plan.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else if (!quiet) process.stderr.write(formatImportSummary(summary));
    if (!quiet) {
      const seconds = ((performance.now() - startMs) / 1000).toFixed(2);
      process.stderr.write(
        `pqrst: wrote ${summary.windows} windows of ${plan.settings.windowS} s at ${plan.settings.fsHz} Hz from ${summary.records} records to ${outDir} in ${seconds} s\n`,
      );
    }
    return 0;
  } catch (e) {
    sink?.discard();
    if (controller.signal.aborted) {
      process.stderr.write(`\npqrst: interrupted; nothing was written to ${outDir}\n`);
      return 130;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
