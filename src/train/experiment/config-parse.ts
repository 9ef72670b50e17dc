/**
 * Validation of `exp.json`: every field is checked with a message naming it (`budgets[2]: expected an
 * integer from 1 to 100000, got 2.5`), unknown fields are refused (a typo would otherwise be silently
 * ignored), and missing fields take the defaults of config.ts.
 */
import { CLASS_NAMES, type ClassName } from '../../core/units.ts';
import { PRESETS, validateParams, type PresetName } from '../../synth/index.ts';
import { ARCH_NAMES } from '../types.ts';
import { BUDGET_MODES } from './budget.ts';
import {
  DEFAULT_CONFIG,
  REGIME_NAMES,
  type ExperimentConfig,
  type ModelChoice,
  type SyntheticSpec,
} from './config.ts';
import { ExperimentError } from './experiment-error.ts';
import { TASK_NAMES, taskClasses } from './tasks.ts';

type Obj = Record<string, unknown>;

const PRESET_NAMES: readonly PresetName[] = Object.keys(PRESETS) as PresetName[];

function show(v: unknown): string {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function object(v: unknown, field: string, allowed: readonly string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new ExperimentError(field, `expected an object, got ${show(v)}`);
  }
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key)) {
      const path = field === '(config)' ? key : `${field}.${key}`;
      throw new ExperimentError(
        path,
        `unknown field (known: ${allowed.filter((k) => k !== '$schema').join(', ')})`,
      );
    }
  }
  return v as Obj;
}

function num(v: unknown, field: string, min: number, max: number, integer = false, above = false): number {
  const what = `${integer ? 'an integer' : 'a number'} ${above ? `above ${min} and up to` : `from ${min} to`} ${max}`;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ExperimentError(field, `expected ${what}, got ${show(v)}`);
  if ((integer && !Number.isInteger(v)) || v > max || v < min || (above && v === min)) {
    throw new ExperimentError(field, `expected ${what}, got ${v}`);
  }
  return v;
}

function choice<T extends string>(v: unknown, field: string, options: readonly T[]): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    throw new ExperimentError(field, `expected one of ${options.join(', ')}, got ${show(v)}`);
  }
  return v as T;
}

function list<T>(
  v: unknown,
  field: string,
  item: (x: unknown, f: string) => T,
  key: (x: T) => string = String,
): T[] {
  if (!Array.isArray(v)) throw new ExperimentError(field, `expected a list, got ${show(v)}`);
  if (v.length === 0) throw new ExperimentError(field, 'must not be empty');
  const seen = new Set<string>();
  return v.map((x, i) => {
    const out = item(x, `${field}[${i}]`);
    if (seen.has(key(out))) throw new ExperimentError(`${field}[${i}]`, `${key(out)} is listed twice`);
    seen.add(key(out));
    return out;
  });
}

function field<T>(obj: Obj, key: string, fallback: T, parse: (v: unknown) => T): T {
  return obj[key] === undefined ? fallback : parse(obj[key]);
}

function model(v: unknown, f: string): ModelChoice {
  const o = object(v, f, ['arch', 'depth', 'width']);
  const d = DEFAULT_CONFIG.models[0];
  return {
    arch: field(o, 'arch', d.arch, (x) => choice(x, `${f}.arch`, ARCH_NAMES)),
    depth: field(o, 'depth', d.depth, (x) => num(x, `${f}.depth`, 1, 16, true)),
    width: field(o, 'width', d.width, (x) => num(x, `${f}.width`, 4, 512, true)),
  };
}

const FIXED_PARAMS = ['className', 'seed', 'fsHz', 'durationS'];

function synthetic(v: unknown, fsHz: number, windowS: number): SyntheticSpec {
  const f = 'synthetic';
  const keys = [
    'countPerClass',
    'validationPerClass',
    'seed',
    'preset',
    'noise',
    'fsHz',
    'seconds',
    'params',
  ];
  const o = object(v ?? {}, f, keys);
  const d = DEFAULT_CONFIG.synthetic;
  const preset = field(o, 'preset', d.preset, (x) => choice(x, `${f}.preset`, PRESET_NAMES));
  const params = field(o, 'params', {}, (x) => {
    const p = object(x, `${f}.params`, Object.keys(typeof x === 'object' && x !== null ? x : {}));
    for (const key of FIXED_PARAMS) {
      if (key in p) throw new ExperimentError(`${f}.params.${key}`, 'is set by the experiment, not here');
    }
    try {
      validateParams(p, PRESETS[preset]);
    } catch (e) {
      const key = (e as { key?: string }).key ?? '';
      throw new ExperimentError(`${f}.params.${key}`, (e as Error).message);
    }
    return p as SyntheticSpec['params'];
  });
  return {
    countPerClass: field(o, 'countPerClass', d.countPerClass, (x) =>
      num(x, `${f}.countPerClass`, 2, 1_000_000, true),
    ),
    validationPerClass: field(o, 'validationPerClass', d.validationPerClass, (x) =>
      num(x, `${f}.validationPerClass`, 1, 1_000_000, true),
    ),
    seed: field(o, 'seed', d.seed, (x) => num(x, `${f}.seed`, 0, 4294967295, true)),
    preset,
    noise: field(o, 'noise', d.noise, (x) => choice(x, `${f}.noise`, ['default', 'none'] as const)),
    fsHz: field(o, 'fsHz', Math.max(100, fsHz), (x) => num(x, `${f}.fsHz`, 100, 1000, true)),
    seconds: field(o, 'seconds', windowS, (x) => num(x, `${f}.seconds`, windowS, 600)),
    params,
  };
}

const TOP_KEYS = [
  '$schema',
  'tasks',
  'models',
  'regimes',
  'budgets',
  'budgetMode',
  'seeds',
  'epochs',
  'pretrainEpochs',
  'batchSize',
  'learningRate',
  'patience',
  'validationFraction',
  'augmentation',
  'synthetic',
  'fsHz',
  'windowS',
  'test',
  'bootstrap',
];

/**
 * The resolved configuration of `input` (parsed JSON): defaults for missing fields; throws
 * `ExperimentError` naming the first bad field.
 */
export function parseExperimentConfig(input: unknown): ExperimentConfig {
  const o = object(input, '(config)', TOP_KEYS);
  const d = DEFAULT_CONFIG;
  const fsHz = field(o, 'fsHz', d.fsHz, (x) => num(x, 'fsHz', 50, 1000, true));
  const windowS = field(o, 'windowS', d.windowS, (x) => num(x, 'windowS', 1, 60));
  if (!Number.isInteger(Math.round(windowS * fsHz * 1e6) / 1e6)) {
    throw new ExperimentError('windowS', `${windowS} s at ${fsHz} Hz is not a whole number of samples`);
  }
  const regimes = field(o, 'regimes', [...d.regimes], (x) =>
    list(x, 'regimes', (y, f) => choice(y, f, REGIME_NAMES)),
  );
  const budgets = field(o, 'budgets', [...d.budgets], (x) =>
    list(x, 'budgets', (y, f) => num(y, f, 1, 100_000, true)),
  ).sort((a, b) => a - b);
  const aug = object(o.augmentation ?? {}, 'augmentation', ['maskFraction', 'shiftFraction']);
  const test = object(o.test ?? {}, 'test', ['fraction', 'seed']);
  const boot = object(o.bootstrap ?? {}, 'bootstrap', ['resamples', 'seed', 'level']);
  return {
    tasks: field(o, 'tasks', [...d.tasks], (x) => list(x, 'tasks', (y, f) => choice(y, f, TASK_NAMES))),
    models: field(
      o,
      'models',
      d.models.map((m) => ({ ...m })),
      (x) => list(x, 'models', model, (m) => m.arch),
    ),
    regimes: REGIME_NAMES.filter((r) => regimes.includes(r)),
    budgets,
    budgetMode: field(o, 'budgetMode', d.budgetMode, (x) => choice(x, 'budgetMode', BUDGET_MODES)),
    seeds: field(o, 'seeds', [...d.seeds], (x) => list(x, 'seeds', (y, f) => num(y, f, 0, 4294967295, true))),
    epochs: field(o, 'epochs', d.epochs, (x) => num(x, 'epochs', 1, 1000, true)),
    pretrainEpochs: field(o, 'pretrainEpochs', d.pretrainEpochs, (x) =>
      num(x, 'pretrainEpochs', 1, 1000, true),
    ),
    batchSize: field(o, 'batchSize', d.batchSize, (x) => num(x, 'batchSize', 1, 4096, true)),
    learningRate: field(o, 'learningRate', d.learningRate, (x) => num(x, 'learningRate', 0, 1, false, true)),
    patience: field(o, 'patience', d.patience, (x) => num(x, 'patience', 0, 1000, true)),
    validationFraction: field(o, 'validationFraction', d.validationFraction, (x) =>
      num(x, 'validationFraction', 0, 0.5, false, true),
    ),
    augmentation: {
      maskFraction: field(aug, 'maskFraction', d.augmentation.maskFraction, (x) =>
        num(x, 'augmentation.maskFraction', 0, 0.9),
      ),
      shiftFraction: field(aug, 'shiftFraction', d.augmentation.shiftFraction, (x) =>
        num(x, 'augmentation.shiftFraction', 0, 1),
      ),
    },
    synthetic: synthetic(o.synthetic, fsHz, windowS),
    fsHz,
    windowS,
    test: {
      fraction: field(test, 'fraction', d.test.fraction, (x) => num(x, 'test.fraction', 0, 0.5, false, true)),
      seed: field(test, 'seed', d.test.seed, (x) => num(x, 'test.seed', 0, 4294967295, true)),
    },
    bootstrap: {
      resamples: field(boot, 'resamples', d.bootstrap.resamples, (x) =>
        num(x, 'bootstrap.resamples', 0, 100_000, true),
      ),
      seed: field(boot, 'seed', d.bootstrap.seed, (x) => num(x, 'bootstrap.seed', 0, 4294967295, true)),
      level: field(boot, 'level', d.bootstrap.level, (x) => num(x, 'bootstrap.level', 0.5, 0.999)),
    },
  };
}

/** The classes a config's tasks use, in CLASS_NAMES order (the synthetic recipe's classes). */
export function configClasses(config: Pick<ExperimentConfig, 'tasks'>): ClassName[] {
  const used = new Set<ClassName>();
  for (const t of config.tasks) for (const c of taskClasses(t)) used.add(c);
  return CLASS_NAMES.filter((c) => used.has(c));
}
