// Recipe v2: validation naming the field, version refusal, v1 conversion, row order and seeds, the
// seeded split, shards and batches, and the pure export (zip and folder) giving the same bytes.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../src/core/units.ts';
import { estimateDatasetBytes } from '../../src/dataset/dataset-size.ts';
import { labelsChunks, recordsChunks } from '../../src/dataset/labels-chunks.ts';
import { labelsSizes } from '../../src/dataset/labels-size.ts';
import { encodeRows } from '../../src/dataset/encode-rows.ts';
import { exportDataset } from '../../src/dataset/export-dataset.ts';
import { exportDatasetZip } from '../../src/dataset/export-zip.ts';
import { buildRecipe, type RecipeChoices } from '../../src/dataset/recipe-build.ts';
import { planBatches, rowInfo, shardRows, totalRows } from '../../src/dataset/recipe-rows.ts';
import { parseRecipe, recipeJson, RecipeError, validateRecipe } from '../../src/dataset/recipe-validate.ts';
import { classSplit } from '../../src/dataset/split-assign.ts';
import { folderTarget, type DatasetSink } from '../../src/dataset/write-synthetic.ts';
import { decodeNpy } from '../../src/io/npy.ts';
import { readZipDirectory, zipEntryData } from '../../src/io/zip-read.ts';
import { DEFAULT_PARAMS, GENERATOR_VERSION, synthesize, withoutNoise } from '../../src/synth/index.ts';

const CHOICES: RecipeChoices = {
  classes: [
    { className: 'pvc', count: 3, params: { pvcBurdenPct: 20 } },
    { className: 'nsr', count: 4 },
    { className: 'af', count: 2 },
  ],
  seed: 4294967294,
  durationS: 2,
  fsHz: 250,
  preset: 'default',
  noise: 'default',
  output: 'npy',
  split: { validationFraction: 0.25, seed: 9 },
};

/** A recipe as parsed JSON, for editing one field. */
type RecipeJson = Record<string, unknown> & {
  classes: { className: string; count: number; params: Record<string, unknown> }[];
  split: { validationFraction: number };
};

/** The recipe as parsed JSON. */
function json(choices: Partial<RecipeChoices> = {}): RecipeJson {
  return JSON.parse(recipeJson(buildRecipe({ ...CHOICES, ...choices })));
}

function refusal(input: unknown): RecipeError {
  try {
    validateRecipe(input);
  } catch (e) {
    if (e instanceof RecipeError) return e;
    throw e;
  }
  throw new Error('the recipe was accepted');
}

/** A folder sink in memory. */
function memoryFolder(): DatasetSink & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const bytes = (d: Uint8Array | string) => (typeof d === 'string' ? new TextEncoder().encode(d) : d);
  return {
    files,
    writeFile(path, data) {
      files.set(path, bytes(data).slice());
    },
    appendFile(path, data) {
      files.set(path, Buffer.concat([files.get(path) ?? new Uint8Array(0), bytes(data)]));
    },
  };
}

async function zipFiles(recipe: Parameters<typeof exportDatasetZip>[0], options = {}) {
  const chunks: Uint8Array[] = [];
  await exportDatasetZip(recipe, { write: (c) => void chunks.push(c) }, options);
  const archive = new Uint8Array(Buffer.concat(chunks));
  const dir = readZipDirectory(archive);
  return { archive, files: new Map(dir.entries.map((e) => [e.path, zipEntryData(archive, e)])) };
}

describe('recipe v2', () => {
  it('round-trips through recipe.json; classes in CLASS_NAMES order with full parameters', () => {
    const recipe = buildRecipe(CHOICES);
    expect(recipe.classes.map((c) => c.className)).toEqual(['nsr', 'af', 'pvc']);
    expect(recipe.classes[2].params).toMatchObject({
      className: 'pvc',
      pvcBurdenPct: 20,
      fsHz: 250,
      seed: 4294967294,
    });
    expect(Object.keys(recipe.classes[0].params).length).toBe(Object.keys(DEFAULT_PARAMS).length);
    const text = recipeJson(recipe);
    expect(recipeJson(parseRecipe(text))).toBe(text);
    expect(totalRows(recipe)).toBe(9);
  });

  const malformed: [string, (j: RecipeJson) => void, RegExp][] = [
    ['format', (j) => (j.format = 'other'), /^format: expected "pqrst-recipe"/],
    ['unknown field', (j) => (j.durationSec = 10), /^durationSec: unknown field$/],
    ['fsHz', (j) => (j.fsHz = 50), /^fsHz: expected an integer from 100 to 1000, got 50$/],
    ['seed', (j) => (j.seed = -1), /^seed: expected an integer/],
    ['output', (j) => (j.output = 'edf'), /^output: expected one of wfdb, npy, csv, got "edf"$/],
    ['classes', (j) => (j.classes = []), /^classes: expected a non-empty array/],
    [
      'count',
      (j) => (j.classes[1].count = -3),
      /^classes\[1\]\.count: expected an integer from 0 to 10000000/,
    ],
    [
      'className',
      (j) => (j.classes[0].className = 'vt'),
      /^classes\[0\]\.className: expected one of nsr, af/,
    ],
    [
      'duplicate',
      (j) => (j.classes[2].className = j.classes[2].params.className = 'nsr'),
      /^classes\[2\]\.className: nsr is listed twice$/,
    ],
    [
      'param range',
      (j) => (j.classes[1].params.pAmpMv = 99),
      /^classes\[1\]\.params\.pAmpMv: 99 mV is outside/,
    ],
    [
      'param unknown',
      (j) => (j.classes[0].params.bogus = 1),
      /^classes\[0\]\.params\.bogus: unknown parameter$/,
    ],
    [
      'param fsHz',
      (j) => (j.classes[0].params.fsHz = 500),
      /^classes\[0\]\.params\.fsHz: 500 differs from fsHz 250$/,
    ],
    [
      'split',
      (j) => (j.split.validationFraction = 1.5),
      /^split\.validationFraction: expected a number from 0 to 1/,
    ],
    ['all zero', (j) => j.classes.forEach((c) => (c.count = 0)), /^classes: every count is 0/],
  ];
  for (const [what, edit, message] of malformed) {
    it(`refuses a malformed recipe naming the field: ${what}`, () => {
      const j = json();
      edit(j);
      expect(refusal(j).message).toMatch(message);
    });
  }

  it('refuses bad JSON and a recipe of another generator version, naming both versions', () => {
    expect(() => parseRecipe('{"format": ')).toThrow(/^\(json\): not valid JSON/);
    const j = json();
    j.generatorVersion = '0.9.0';
    const e = refusal(j);
    expect(e.field).toBe('generatorVersion');
    expect(e.message).toContain('generator version 0.9.0');
    expect(e.message).toContain(`generator version ${GENERATOR_VERSION}`);
  });

  it('loads a version-1 (single-class) recipe as the same dataset', async () => {
    const v1 = {
      format: 'pqrst-recipe',
      generatorVersion: GENERATOR_VERSION,
      className: 'af',
      count: 3,
      seed: 5,
      preset: 'default',
      noise: 'none',
      output: 'npy',
      params: withoutNoise({ ...DEFAULT_PARAMS, className: 'af', seed: 5, durationS: 2, fsHz: 250 }),
    };
    const recipe = validateRecipe(JSON.parse(JSON.stringify(v1)));
    expect(recipe).toMatchObject({
      recipeVersion: 2,
      seed: 5,
      durationS: 2,
      fsHz: 250,
      noise: 'none',
      split: null,
    });
    expect(recipe.classes).toEqual([{ className: 'af', count: 3, params: v1.params }]);
    const { files } = await zipFiles(recipe);
    const npy = decodeNpy(files.get('signals.npy')!);
    expect(npy.shape).toEqual([3, 500]);
    expect(npy.data.subarray(500, 1000)).toEqual(synthesize({ ...v1.params, seed: 6 }).signalMv);
  });
});

describe('rows, split, shards', () => {
  const recipe = buildRecipe(CHOICES);

  it('rows are the classes in order; record k has seed (seed + k) mod 2^32 and name class_k', () => {
    const rows = Array.from({ length: 9 }, (_, r) => rowInfo(recipe, r));
    expect(rows.map((r) => r.name)).toEqual([
      'nsr_000000',
      'nsr_000001',
      'nsr_000002',
      'nsr_000003',
      'af_000000',
      'af_000001',
      'pvc_000000',
      'pvc_000001',
      'pvc_000002',
    ]);
    expect(rows.map((r) => r.seed)).toEqual([
      4294967294, 4294967295, 0, 1, 4294967294, 4294967295, 4294967294, 4294967295, 0,
    ]);
    expect(() => rowInfo(recipe, 9)).toThrow(RangeError);
  });

  it('the split puts exactly round(f·count) of each class in validation, spread over the class', () => {
    for (const count of [1, 2, 7, 100, 1000, 12_345]) {
      for (const f of [0.1, 0.25, 0.5]) {
        const side = classSplit({ validationFraction: f, seed: 3 }, 'af', count);
        const sides = Array.from({ length: count }, (_, k) => side(k));
        expect(sides.filter((s) => s === 'validation').length, `${count} ${f}`).toBe(Math.round(f * count));
        if (count >= 1000) {
          const firstHalf = sides.slice(0, count / 2).filter((s) => s === 'validation').length;
          expect(firstHalf / Math.round(f * count)).toBeGreaterThan(0.4);
          expect(firstHalf / Math.round(f * count)).toBeLessThan(0.6);
        }
      }
    }
    const a = Array.from({ length: 200 }, (_, k) =>
      classSplit({ validationFraction: 0.2, seed: 1 }, 'nsr', 200)(k),
    );
    const b = Array.from({ length: 200 }, (_, k) =>
      classSplit({ validationFraction: 0.2, seed: 2 }, 'nsr', 200)(k),
    );
    expect(a).not.toEqual(b);
  });

  it('shards are contiguous, disjoint and cover every row; batches cover a range', () => {
    for (const rows of [0, 1, 5, 9, 1000, 1001]) {
      for (const n of [1, 2, 3, 7, 16]) {
        let next = 0;
        for (let i = 1; i <= n; i++) {
          const s = shardRows(rows, i, n);
          expect(s.start).toBe(next);
          expect(s.end).toBeGreaterThanOrEqual(s.start);
          next = s.end;
        }
        expect(next).toBe(rows);
      }
    }
    expect(() => shardRows(10, 0, 3)).toThrow(RangeError);
    expect(planBatches({ start: 3, end: 10 }, 3)).toEqual([
      { start: 3, end: 6 },
      { start: 6, end: 9 },
      { start: 9, end: 10 },
    ]);
  });
});

describe('encoder and export', () => {
  it('an npy batch holds each row as the synthesizer makes it, with its CRC-32', () => {
    const recipe = buildRecipe(CHOICES);
    const batch = encodeRows(recipe, { start: 3, end: 7 });
    if (batch.kind !== 'npy') throw new Error('expected npy');
    expect(batch.crc32).toBe(zlib.crc32(batch.data));
    const samples = new Float32Array(batch.data.buffer);
    for (let row = 3; row < 7; row++) {
      const info = rowInfo(recipe, row);
      const params = {
        ...recipe.classes.find((c) => c.className === info.className)!.params,
        seed: info.seed,
      };
      expect(samples.subarray((row - 3) * 500, (row - 2) * 500)).toEqual(synthesize(params).signalMv);
    }
  });

  for (const output of ['npy', 'wfdb', 'csv'] as const) {
    it(`${output}: the zip holds the folder's files byte for byte, whatever the batch size and lookahead`, async () => {
      const recipe = buildRecipe({ ...CHOICES, output });
      const folder = memoryFolder();
      await exportDataset(recipe, folderTarget(folder), { batchRows: 2 });
      const a = await zipFiles(recipe);
      const b = await zipFiles(recipe, { batchRows: 1, inFlight: 3 });
      expect(Buffer.from(b.archive).equals(Buffer.from(a.archive))).toBe(true);
      expect([...a.files.keys()].sort()).toEqual([...folder.files.keys()].sort());
      for (const [path, data] of folder.files)
        expect(Buffer.from(a.files.get(path)!).equals(Buffer.from(data)), path).toBe(true);
      const expected = { npy: 4, wfdb: 4 + 9 * 4, csv: 3 + 9 }[output];
      expect(a.files.size).toBe(expected);
      const estimate = estimateDatasetBytes(recipe, true);
      expect(Math.abs(estimate.bytes - a.archive.length) / a.archive.length).toBeLessThan(0.1);
      if (output === 'npy')
        expect(estimateDatasetBytes(recipe).bytes).toBe(
          [...folder.files.values()].reduce((s, f) => s + f.length, 0),
        );
    });
  }

  it('shards concatenate to the whole dataset (signals.npy rows and labels.csv rows)', async () => {
    const recipe = buildRecipe(CHOICES);
    const whole = await zipFiles(recipe);
    const parts = await Promise.all(
      [1, 2, 3, 4].map((i) => zipFiles(recipe, { shard: { index: i, count: 4 } })),
    );
    const labels = (f: Map<string, Uint8Array>) =>
      new TextDecoder().decode(f.get('labels.csv')).trim().split('\n');
    expect(parts.flatMap((p) => labels(p.files).slice(1))).toEqual(labels(whole.files).slice(1));
    const rows = parts.map((p) => decodeNpy(p.files.get('signals.npy')!));
    expect(rows.map((r) => r.shape[0])).toEqual([2, 2, 2, 3]);
    const joined = new Float32Array(rows.flatMap((r) => Array.from(r.data)));
    expect(joined).toEqual(decodeNpy(whole.files.get('signals.npy')!).data);
    expect(
      parts.every((p) =>
        Buffer.from(p.files.get('recipe.json')!).equals(Buffer.from(whole.files.get('recipe.json')!)),
      ),
    ).toBe(true);
    expect(new TextDecoder().decode(parts[1].files.get('README.txt'))).toContain('shard 2 of 4: rows 2-3');
  });

  it('the dataset card lists class counts, split, distributions and the Python loaders', async () => {
    const recipe = buildRecipe({ ...CHOICES, output: 'wfdb' });
    const readme = new TextDecoder().decode((await zipFiles(recipe)).files.get('README.txt'));
    expect(readme).toMatch(/^nsr +4 +0-3 +3 +1 +normal sinus rhythm$/m);
    expect(readme).toMatch(/^pvc +3 +6-8 +2 +1 +sinus rhythm with premature/m);
    expect(readme).toMatch(/^ {2}PVC burden +% +20 +4 +-$/m);
    expect(readme).toMatch(/^ {2}Ventricular rate +bpm +100 +15 +-$/m);
    expect(readme).toContain('wfdb.rdann("wfdb/nsr_000000", "atr")');
    expect(readme).toContain('class SyntheticEcg(torch.utils.data.Dataset):');
    expect(readme).toContain('npx pqrst generate --recipe recipe.json --out DIR');
    // pvc's parameters differ from its preset, so no one-record flag command is offered for it.
    expect(readme).toContain('--class nsr --count 1 --seed <seed>');
    expect(readme).not.toContain('--class pvc --count 1');
    expect(CLASS_NAMES.length).toBe(5);
  });
});

describe('labelsSizes', () => {
  it('equals the bytes of labels.csv and RECORDS, across seed wrap-around and digit boundaries', () => {
    const cases: Partial<RecipeChoices>[] = [
      {
        seed: 4294967290,
        classes: [
          { className: 'nsr', count: 13 },
          { className: 'wpw', count: 120 },
        ],
      },
      {
        seed: 95,
        split: null,
        classes: [
          { className: 'af', count: 1005 },
          { className: 'afl', count: 7 },
        ],
      },
      { seed: 0, fsHz: 1000, classes: [{ className: 'pvc', count: 9 }] },
    ];
    for (const c of cases) {
      const recipe = buildRecipe({ ...CHOICES, ...c });
      const rows = { start: 0, end: totalRows(recipe) };
      const sum = (chunks: Iterable<Uint8Array>) => [...chunks].reduce((s, b) => s + b.length, 0);
      expect(labelsSizes(recipe)).toEqual({
        labelsBytes: sum(labelsChunks(recipe, rows)),
        recordsBytes: sum(recordsChunks(recipe, rows)),
      });
    }
  });
});
