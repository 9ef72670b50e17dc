// exp.json validation: defaults fill what is missing, and every bad field is refused with its name.
// The JSON schema in docs/ lists the same fields and defaults.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExperimentCommand } from '../../src/cli/experiment.ts';
import { DEFAULT_CONFIG } from '../../src/train/experiment/config.ts';
import { parseExperimentConfig } from '../../src/train/experiment/config-parse.ts';
import { canonicalJson } from '../../src/train/experiment/digest.ts';

const SCHEMA = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../docs/experiment.schema.json', import.meta.url)), 'utf8'),
) as {
  properties: Record<string, { default?: unknown; properties?: Record<string, { default?: unknown }> }>;
};

describe('experiment config', () => {
  it('an empty config takes every default (the synthetic rate and length follow fsHz and windowS)', () => {
    expect(parseExperimentConfig({})).toEqual(DEFAULT_CONFIG);
    const c = parseExperimentConfig({ fsHz: 250, windowS: 5 });
    expect(c.synthetic.fsHz).toBe(250);
    expect(c.synthetic.seconds).toBe(5);
    expect(parseExperimentConfig({ fsHz: 50 }).synthetic.fsHz).toBe(100); // the synthesizer's lowest rate
  });

  it('sorts budgets and keeps the regimes in their canonical order', () => {
    const c = parseExperimentConfig({ budgets: [25, 5, 10], regimes: ['pretrain', 'scratch'] });
    expect(c.budgets).toEqual([5, 10, 25]);
    expect(c.regimes).toEqual(['scratch', 'pretrain']);
  });

  const bad: [unknown, RegExp][] = [
    [{ budget: [5] }, /^budget: unknown field/],
    [{ budgets: [5, 2.5] }, /^budgets\[1\]: expected an integer from 1 to 100000, got 2.5/],
    [{ budgets: [5, 5] }, /^budgets\[1\]: 5 is listed twice/],
    [{ budgets: [] }, /^budgets: must not be empty/],
    [
      { tasks: ['af'] },
      /^tasks\[0\]: expected one of af-vs-nsr, afl-vs-nsr, pvc-vs-nsr, wpw-vs-nsr, multiclass/,
    ],
    [{ models: [{ arch: 'vgg' }] }, /^models\[0\]\.arch: expected one of cnn, resnet, gru, transformer/],
    [{ models: [{ arch: 'cnn' }, { arch: 'cnn', depth: 3 }] }, /^models\[1\]: cnn is listed twice/],
    [{ models: [{ arch: 'cnn', width: 2 }] }, /^models\[0\]\.width: expected an integer from 4 to 512/],
    [{ learningRate: 0 }, /^learningRate: expected a number above 0 and up to 1, got 0/],
    [{ epochs: '10' }, /^epochs: expected an integer from 1 to 1000, got "10"/],
    [{ windowS: 2.555 }, /^windowS: 2.555 s at 100 Hz is not a whole number of samples/],
    [{ augmentation: { mask: 0.1 } }, /^augmentation\.mask: unknown field/],
    [{ synthetic: { preset: 'x' } }, /^synthetic\.preset: expected one of default, nonaka2026/],
    [{ synthetic: { params: { seed: 3 } } }, /^synthetic\.params\.seed: is set by the experiment/],
    [{ synthetic: { params: { lfHz: 9 } } }, /^synthetic\.params\.lfHz: parameter 'lfHz'/],
    [{ synthetic: { seconds: 5 } }, /^synthetic\.seconds: expected a number from 10 to 600, got 5/],
    [{ test: { fraction: 0.9 } }, /^test\.fraction: expected a number above 0 and up to 0.5/],
    [[], /^\(config\): expected an object/],
  ];
  for (const [input, message] of bad) {
    it(`refuses ${JSON.stringify(input)} naming the field`, () => {
      expect(() => parseExperimentConfig(input)).toThrow(message);
    });
  }

  it('the JSON schema documents every field with the same defaults', () => {
    const props = SCHEMA.properties;
    const scalarKeys = Object.keys(DEFAULT_CONFIG) as (keyof typeof DEFAULT_CONFIG)[];
    for (const key of scalarKeys) {
      expect(props[key], key).toBeDefined();
      const value = DEFAULT_CONFIG[key];
      if (typeof value !== 'object' || Array.isArray(value)) {
        expect(canonicalJson(props[key].default), key).toBe(canonicalJson(value));
      } else if (key !== 'synthetic') {
        for (const [sub, v] of Object.entries(value)) {
          expect(canonicalJson(props[key].properties?.[sub]?.default), `${key}.${sub}`).toBe(
            canonicalJson(v),
          );
        }
      }
    }
  });
});

describe('pqrst experiment: usage errors name the flag (before any data is read)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'pqrst-experiment-flags-'));
  const file = (name: string, text: string) => {
    const f = path.join(work, name);
    writeFileSync(f, text);
    return f;
  };
  const withSynthetic = file('syn.json', JSON.stringify({ synthetic: { countPerClass: 10 } }));
  const recipe = file('recipe.json', '{"format":"pqrst-recipe"}');
  const existing = path.join(work, 'exists');
  mkdirSync(existing);
  const cases: [string[], RegExp][] = [
    [['--out', 'x'], /^--train: required/],
    [['--train', work], /^--out: required/],
    [
      ['--config', file('bad.json', '{"seeds": [1, 1]}'), '--train', work, '--out', 'x'],
      /^--config: .*bad\.json: seeds\[1\]: 1 is listed twice/,
    ],
    [
      ['--config', file('broken.json', '{'), '--train', work, '--out', 'x'],
      /^--config: .*broken\.json is not JSON/,
    ],
    [
      ['--config', withSynthetic, '--recipe', recipe, '--train', work, '--out', 'x'],
      /^--recipe: the config has a synthetic block too/,
    ],
    [['--recipe', recipe, '--train', work, '--out', 'x'], /^--recipe: .*recipe\.json: .*generatorVersion/],
    [['--train', work, '--out', existing], /^--out: .* already exists \(add --force to replace it\)/],
    [['--train', work, '--out', 'x', '--backend', 'gpu'], /^--backend: expected one of auto\|wasm\|cpu/],
  ];
  for (const [argv, message] of cases) {
    it(argv.filter((a) => a.startsWith('--')).join(' '), async () => {
      await expect(runExperimentCommand(argv)).rejects.toThrow(message);
    });
  }
});
