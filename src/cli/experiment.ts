/**
 * `pqrst experiment --config exp.json --train DIR [--test DIR] --out DIR`: the training lab's experiment
 * in Node (EXPERIMENT.md): real-data budgets trained from scratch and after synthetic pre-training, on
 * a test split fixed by patient before training. Writes results.json and results.csv into a temporary
 * folder renamed into place at the end, so an interrupted run (exit 130) leaves nothing complete-looking.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LABEL_RULE, parseLabelRule } from '../dataset/label-rule.ts';
import { parsePatientMap } from '../dataset/patient-map.ts';
import { IoError } from '../io/io-error.ts';
import { parseExperimentConfig } from '../train/experiment/config-parse.ts';
import type { ExperimentConfig } from '../train/experiment/config.ts';
import { canonicalJson, datasetDigestParts } from '../train/experiment/digest.ts';
import { ExperimentError } from '../train/experiment/experiment-error.ts';
import type { RealDataset } from '../train/experiment/real-dataset.ts';
import { resultsCsv, resultsJson } from '../train/experiment/results-files.ts';
import { prepareTasks } from '../train/experiment/prepare.ts';
import { planRuns } from '../train/experiment/runs.ts';
import {
  experimentSyntheticSource,
  runExperiment,
  type ExperimentProgress,
  type Provenance,
} from '../train/experiment/runner.ts';
import { sourceFromRecipe, type SyntheticSource } from '../train/experiment/synthetic-source.ts';
import { parseRecipe, RecipeError } from '../dataset/recipe-validate.ts';
import type { Trainer } from '../train/types.ts';
import { choiceFlag, parseFlags } from './args.ts';
import { CliError } from './cli-error.ts';
import { flagFile, parsedFile, parsedFlag } from './file-args.ts';
import { loadExperimentFolder, type LoadedDataset } from './experiment-load.ts';
import { durationText, progressLine, resultLine, summaryTable } from './experiment-text.ts';
import { createFolderSink } from './folder-sink.ts';

const VALUE_FLAGS = [
  '--config',
  '--train',
  '--test',
  '--out',
  '--recipe',
  '--backend',
  '--patients',
  '--label-rule',
  '--lead',
];
const BOOLEAN_FLAGS = ['--force', '--quiet'];
const BACKENDS = ['auto', 'wasm', 'cpu'] as const;

/** SHA-256 (hex) of parts hashed in order (strings as UTF-8). */
export function sha256Hex(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

/** The Node trainer of the engine (tf-node.ts), loaded only when an experiment runs (TensorFlow.js is big). */
async function nodeTrainer(backend: (typeof BACKENDS)[number]): Promise<Trainer> {
  const { createNodeTrainer } = await import('./tf-node.ts');
  return createNodeTrainer(backend);
}

/** The config in `file`, and whether it has its own `synthetic` block. */
function readConfig(file: string): { config: ExperimentConfig; hasSynthetic: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(
      '--config',
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError('--config', `${file} is not JSON: ${(e as Error).message}`);
  }
  try {
    const hasSynthetic = typeof json === 'object' && json !== null && 'synthetic' in json;
    return { config: parseExperimentConfig(json), hasSynthetic };
  } catch (e) {
    if (e instanceof ExperimentError) throw new CliError('--config', `${file}: ${e.message}`);
    throw e;
  }
}

function describe(flag: string, dir: string, l: LoadedDataset): string {
  const counts = new Map<string, number>();
  for (const w of l.dataset.windows) counts.set(w.className, (counts.get(w.className) ?? 0) + 1);
  const patients = new Set(l.dataset.windows.map((w) => w.patient)).size;
  const what = l.kind === 'import-folder' ? 'pqrst import folder' : `${l.records} records imported`;
  const classes = [...counts].map(([c, n]) => `${c} ${n}`).join(', ');
  const skipped = l.skipped.length > 0 ? `; ${l.skipped.length} records skipped` : '';
  return `pqrst: ${flag} ${dir}: ${what}, ${l.dataset.windows.length} windows (${classes}) from ${patients} patients at ${l.dataset.fsHz} Hz${skipped}\n`;
}

/**
 * Runs `pqrst experiment` with `argv`; returns the exit code (0, or 130 when interrupted). Bad flags, a
 * bad config or data that cannot make an honest experiment throw `CliError` (exit 2).
 */
export async function runExperimentCommand(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, VALUE_FLAGS, BOOLEAN_FLAGS);
  const required = (name: string) => {
    const v = flags.get(name);
    if (v === undefined || v.trim() === '') throw new CliError(name, 'required');
    return v;
  };
  const configPath = flags.get('--config');
  const { config, hasSynthetic } =
    configPath === undefined
      ? { config: parseExperimentConfig({}), hasSynthetic: false }
      : readConfig(configPath);
  const recipeFile = flagFile(flags, '--recipe');
  if (recipeFile !== undefined && hasSynthetic) {
    throw new CliError(
      '--recipe',
      'the config has a synthetic block too: give the synthetic records one way',
    );
  }
  let source: SyntheticSource = experimentSyntheticSource(config);
  if (recipeFile !== undefined) {
    try {
      source = sourceFromRecipe(parseRecipe(recipeFile.text), path.basename(recipeFile.path));
    } catch (e) {
      if (e instanceof RecipeError) throw new CliError('--recipe', `${recipeFile.path}: ${e.message}`);
      throw e;
    }
  }
  const trainDir = required('--train');
  const testDir = flags.get('--test');
  const outDir = path.resolve(required('--out'));
  const backend = choiceFlag(flags, '--backend', 'auto', BACKENDS);
  const quiet = flags.has('--quiet');
  const force = flags.has('--force');
  const rule = parsedFlag(flags, '--label-rule', parseLabelRule) ?? parseLabelRule(DEFAULT_LABEL_RULE);
  const patientsFile = flagFile(flags, '--patients');
  const patients = patientsFile && parsedFile(patientsFile, parsePatientMap);
  if (existsSync(outDir) && !force)
    throw new CliError('--out', `${outDir} already exists (add --force to replace it)`);
  const say = (text: string) => {
    if (!quiet) process.stderr.write(text);
  };
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const tty = process.stderr.isTTY === true;
  try {
    const load = async (flag: string, dir: string): Promise<RealDataset> => {
      const loaded = await loadExperimentFolder(flag, dir, {
        fsHz: config.fsHz,
        windowS: config.windowS,
        lead: flags.get('--lead') ?? 'II',
        rule,
        patients,
        signal: controller.signal,
      }).catch((e: unknown) => {
        if (e instanceof ExperimentError || e instanceof IoError)
          throw new CliError(flag, (e as Error).message);
        throw e;
      });
      say(describe(flag, dir, loaded));
      if (loaded.kind === 'records' && patients === undefined) {
        say(`pqrst: ${flag}: no --patients table, so each record counts as its own patient\n`);
      }
      return loaded.dataset;
    };
    const train = await load('--train', trainDir);
    const test = testDir === undefined ? undefined : await load('--test', testDir);
    const provenance: Provenance = {
      recipeSha256: sha256Hex([canonicalJson(source.hashed)]),
      trainSha256: sha256Hex(datasetDigestParts(train)),
      ...(test === undefined ? {} : { testSha256: sha256Hex(datasetDigestParts(test)) }),
    };
    // Refuse a split that cannot be honest before the engine starts (runExperiment checks it again).
    try {
      prepareTasks(config, { train, test });
    } catch (e) {
      if (e instanceof ExperimentError) throw new CliError(e.field, e.message.slice(e.field.length + 2));
      throw e;
    }
    const trainer = await nodeTrainer(backend);
    say(`pqrst: training on TensorFlow.js ${trainer.backend}\n`);
    const startMs = performance.now();
    let lastDraw = 0;
    let runsAtStart = -1;
    let resultsDone = 0;
    const runsTotal = planRuns(config).length;
    const leftS = (p: ExperimentProgress) => {
      if (runsAtStart < 0) runsAtStart = p.runsDone;
      const doneHere = p.runsDone - runsAtStart;
      return doneHere > 0
        ? (((performance.now() - startMs) / 1000) * (p.runsTotal - p.runsDone)) / doneHere
        : NaN;
    };
    const report = await runExperiment(config, { train, test }, trainer, {
      provenance,
      synthetic: source,
      signal: controller.signal,
      onProgress: (p) => {
        const now = performance.now();
        if (quiet || !tty || now - lastDraw < 250) return;
        lastDraw = now;
        process.stderr.write(
          `\r${progressLine(p, leftS(p)).slice(0, (process.stderr.columns ?? 120) - 1)}\x1b[K`,
        );
      },
      onResult: (r) => {
        if (tty && !quiet) process.stderr.write('\r\x1b[K');
        say(resultLine(r, ++resultsDone, runsTotal));
      },
    }).catch((e: unknown) => {
      if (e instanceof ExperimentError) throw new CliError(e.field, e.message.slice(e.field.length + 2));
      throw e;
    });
    const sink = createFolderSink(outDir);
    try {
      const sources = {
        train: path.resolve(trainDir),
        test: testDir === undefined ? null : path.resolve(testDir),
      };
      await sink.writeFile('results.csv', resultsCsv(report.results));
      await sink.writeFile('results.json', resultsJson({ config, provenance, report, sources }));
      controller.signal.throwIfAborted();
      if (force) rmSync(outDir, { recursive: true, force: true });
      sink.commit();
    } catch (e) {
      sink.discard();
      throw e;
    }
    say(summaryTable(report.summary, report.gains));
    say(
      `pqrst: wrote results.json and results.csv (${report.results.length} runs) to ${outDir} in ${durationText((performance.now() - startMs) / 1000)}\n`,
    );
    return 0;
  } catch (e) {
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
