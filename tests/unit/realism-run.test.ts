// The realism run shared by `pqrst realism` and the studio's Realism view: the windows of one class of a
// dataset with their records as groups, even thinning, the run without a classifier equal to the
// statistics alone, the synthetic side's recipe (studio parameters or a preset, at the real windows'
// rate and length) whose set is the synthesizer's output row by row, and the report's files and zip.
import { describe, expect, it } from 'vitest';
import {
  classCountsText,
  classSet,
  realismFiles,
  realismFigures,
  realismRecipe,
  realismRun,
  realismStatistics,
  realismZip,
  recipeSet,
  thinSet,
  windowOf,
  type EcgSet,
} from '../../src/analysis/realism/index.ts';
import { RecipeError } from '../../src/dataset/recipe-validate.ts';
import { readZipDirectory, zipEntryData } from '../../src/io/zip-read.ts';
import { DEFAULT_PARAMS, NONAKA2026_PARAMS, synthesize } from '../../src/synth/index.ts';
import type { RealDataset } from '../../src/train/experiment/real-dataset.ts';

/** Four windows of 3 samples: window i holds i, i + 0.1, i + 0.2. */
function dataset(): RealDataset {
  const x = Float32Array.from({ length: 12 }, (_, k) => Math.floor(k / 3) + (k % 3) / 10);
  const windows = [
    { record: 'r1', patient: 'p1', className: 'nsr' as const },
    { record: 'r1', patient: 'p1', className: 'af' as const },
    { record: 'r2', patient: 'p2', className: 'nsr' as const },
    { record: 'r3', patient: 'p3', className: 'nsr' as const },
  ];
  return { fsHz: 250, windowSamples: 3, x, windows };
}

describe('classSet and thinSet', () => {
  it('keeps the windows of the class in order, with their records as groups', () => {
    const set = classSet(dataset(), 'nsr')!;
    expect(set.fsHz).toBe(250);
    expect(set.groups).toEqual(['r1', 'r2', 'r3']);
    expect(Array.from(set.x)).toEqual(Array.from(Float32Array.from([0, 0.1, 0.2, 2, 2.1, 2.2, 3, 3.1, 3.2])));
    expect(classSet(dataset(), 'wpw')).toBeNull();
    expect(classCountsText(dataset())).toBe('nsr 3, af 1');
  });

  it('thins evenly to at most max windows (window floor(k·n/max)), leaving a small set as it is', () => {
    const n = 10;
    const set: EcgSet = {
      fsHz: 100,
      windowSamples: 2,
      x: Float32Array.from({ length: 2 * n }, (_, k) => Math.floor(k / 2)),
      groups: Array.from({ length: n }, (_, i) => `g${i}`),
    };
    const thin = thinSet(set, 4);
    expect(Array.from({ length: 4 }, (_, k) => windowOf(thin, k)[0])).toEqual([0, 2, 5, 7]);
    expect(thin.groups).toEqual(['g0', 'g2', 'g5', 'g7']);
    expect(thinSet(set, 10)).toBe(set);
    const unnamed = thinSet({ ...set, groups: undefined }, 2);
    expect(unnamed.groups).toEqual(['#0', '#5']);
  });
});

describe('realismRecipe and recipeSet', () => {
  const studio = { ...DEFAULT_PARAMS, rAmpMv: 1.7, heartRateBpm: 64 };

  it('studio parameters: a custom recipe carrying them at the real rate and length', () => {
    const recipe = realismRecipe(
      { className: 'nsr', count: 3, seed: 9, source: { kind: 'studio', params: studio } },
      250,
      4,
    );
    expect(recipe).toMatchObject({ preset: 'custom', noise: 'custom', seed: 9, fsHz: 250, durationS: 4 });
    expect(recipe.output).toBe('npy');
    expect(recipe.classes).toHaveLength(1);
    expect(recipe.classes[0]).toMatchObject({ className: 'nsr', count: 3 });
    expect(recipe.classes[0].params).toMatchObject({
      rAmpMv: 1.7,
      heartRateBpm: 64,
      fsHz: 250,
      durationS: 4,
    });
  });

  it('a preset: the recipe names it and the class takes its parameters', () => {
    const recipe = realismRecipe(
      { className: 'af', count: 2, seed: 1, source: { kind: 'preset', preset: 'nonaka2026' } },
      500,
      10,
    );
    expect(recipe).toMatchObject({ preset: 'nonaka2026', noise: 'default' });
    expect(recipe.classes[0].params.className).toBe('af');
    expect(recipe.classes[0].params.rAmpMv).toBe(NONAKA2026_PARAMS.rAmpMv);
  });

  it('refuses a length the synthesizer cannot make, naming the field', () => {
    const choice = {
      className: 'nsr' as const,
      count: 2,
      seed: 1,
      source: { kind: 'preset' as const, preset: 'default' as const },
    };
    expect(() => realismRecipe(choice, 250, 0.5)).toThrow(RecipeError);
    expect(() => realismRecipe(choice, 250, 0.5)).toThrow(/durationS/);
  });

  it("the set is each row's synthesized record (seed + index), named like labels.csv's records", () => {
    const recipe = realismRecipe(
      { className: 'nsr', count: 20, seed: 41, source: { kind: 'studio', params: studio } },
      250,
      3,
    );
    const seen: number[] = [];
    const set = recipeSet(recipe, { onProgress: (done) => seen.push(done) });
    expect(set.windowSamples).toBe(750);
    expect(set.x.length).toBe(20 * 750);
    expect(set.groups![0]).toBe('nsr_000000');
    expect(set.groups![19]).toBe('nsr_000019');
    expect(seen.at(-1)).toBe(20);
    for (const i of [0, 7, 19]) {
      const own = synthesize({ ...recipe.classes[0].params, seed: 41 + i }).signalMv;
      expect(Array.from(windowOf(set, i))).toEqual(Array.from(Float32Array.from(own)));
    }
  });
});

describe('realismRun, realismFiles and realismZip', () => {
  const recipe = (seed: number) =>
    realismRecipe(
      { className: 'nsr', count: 12, seed, source: { kind: 'preset', preset: 'default' } },
      250,
      10,
    );
  const real = recipeSet(recipe(100));
  const synthetic = recipeSet(recipe(1));

  it('without a classifier equals the statistics with the reason; thins to maxWindows', async () => {
    const stages = new Set<string>();
    const report = await realismRun(
      'nsr',
      real,
      synthetic,
      { skipped: 'off' },
      {
        onProgress: (stage) => stages.add(stage),
      },
    );
    expect(report.classifier).toEqual({ skipped: 'off' });
    expect(JSON.stringify(report)).toBe(
      JSON.stringify({ ...realismStatistics('nsr', real, synthetic), classifier: { skipped: 'off' } }),
    );
    expect([...stages]).toEqual(['statistics']);
    const thin = await realismRun('nsr', real, synthetic, { skipped: 'off' }, { maxWindows: 10 });
    expect(thin.real.nWindows).toBe(10);
    expect(thin.synthetic.nWindows).toBe(10);
  });

  it('files are report.json (2-space JSON, one line end) and the figures; the zip holds them and extras', async () => {
    const report = await realismRun('nsr', real, synthetic, { skipped: 'off' });
    const files = realismFiles(report);
    expect(Object.keys(files)).toEqual(['report.json', ...Object.keys(realismFigures(report))]);
    expect(files['report.json']).toBe(`${JSON.stringify(report, null, 2)}\n`);
    const zip = await realismZip({ ...files, 'recipe.json': '{}\n' });
    const dir = readZipDirectory(zip);
    expect(dir.entries.map((e) => e.path)).toEqual([...Object.keys(files), 'recipe.json']);
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    for (const e of dir.entries) {
      const want = e.path === 'recipe.json' ? '{}\n' : files[e.path];
      expect(decode(zipEntryData(zip, e))).toBe(want);
    }
  });
});
