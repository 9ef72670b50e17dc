// The studio's Dataset builder without a browser: the form becomes the recipe (errors name the control),
// a loaded recipe fills the form back and regenerates the same recipe, the studio's parameters are
// taken into a class, refused recipe files name the field, and the preview's records are exactly the
// dataset's rows.
import { describe, expect, it } from 'vitest';
import { encodeRows } from '../../src/dataset/encode-rows.ts';
import { exportDatasetZip } from '../../src/dataset/export-zip.ts';
import { buildRecipe } from '../../src/dataset/recipe-build.ts';
import { presetClassParams } from '../../src/dataset/recipe-class-params.ts';
import { recipeJson } from '../../src/dataset/recipe-validate.ts';
import type { SyntheticRecipe } from '../../src/dataset/recipe.ts';
import { loadRecipeText } from '../../src/state/dataset-actions.ts';
import {
  defaultDatasetForm,
  formOfRecipe,
  recipeOfForm,
  type DatasetForm,
} from '../../src/state/dataset-form.ts';
import { currentRecipe, datasetStore } from '../../src/state/dataset-store.ts';
import { DEFAULT_PARAMS, GENERATOR_VERSION, NONAKA2026_PARAMS } from '../../src/synth/index.ts';
import { computePreview } from '../../src/workers/export-preview.ts';

function withClasses(form: DatasetForm, counts: Partial<Record<string, string>>): DatasetForm {
  const classes = { ...form.classes };
  for (const c of Object.keys(classes) as (keyof typeof classes)[]) {
    classes[c] = { ...classes[c], include: counts[c] !== undefined, countText: counts[c] ?? '0' };
  }
  return { ...form, classes };
}

function errorOf(form: DatasetForm): string | null {
  const { error } = recipeOfForm(form);
  return error && `${error.control}: ${error.message}`;
}

describe('the builder form', () => {
  it('opens on a valid recipe: 100 nsr and 100 af records, 10 s at 500 Hz, npy, the default preset', () => {
    const { recipe } = recipeOfForm(defaultDatasetForm());
    expect(recipe).not.toBeNull();
    expect(recipe!.classes.map((c) => [c.className, c.count])).toEqual([
      ['nsr', 100],
      ['af', 100],
    ]);
    expect([recipe!.durationS, recipe!.fsHz, recipe!.seed, recipe!.output, recipe!.preset]).toEqual([
      10,
      500,
      1,
      'npy',
      'default',
    ]);
    expect(recipe!.generatorVersion).toBe(GENERATOR_VERSION);
    // The same recipe as the CLI's flags (`--class nsr,af --count 100 --format npy`) give.
    const cli = buildRecipe({
      classes: [
        { className: 'nsr', count: 100 },
        { className: 'af', count: 100 },
      ],
      seed: 1,
      durationS: 10,
      fsHz: 500,
      preset: 'default',
      noise: 'default',
      output: 'npy',
    });
    expect(recipeJson(recipe!)).toBe(recipeJson(cli));
  });

  it('names the control of every refused entry', () => {
    const form = defaultDatasetForm();
    expect(errorOf({ ...form, durationText: 'ten' })).toBe(
      "Duration of each record (s): expected a number from 1 to 600, got 'ten'",
    );
    expect(errorOf({ ...form, fsText: '44100' })).toBe(
      "Sampling rate of the records (Hz): expected an integer from 100 to 1000, got '44100'",
    );
    expect(errorOf({ ...form, seedText: '' })).toBe(
      'Dataset seed: required: an integer from 0 to 4294967295',
    );
    expect(errorOf(withClasses(form, { af: '1.5' }))).toBe(
      "Records of af: expected an integer from 0 to 10000000, got '1.5'",
    );
    expect(errorOf(withClasses(form, {}))).toBe('Classes: include at least one class');
    expect(errorOf(withClasses(form, { nsr: '0', pvc: '0' }))).toMatch(/^Records of nsr: every included/);
    expect(errorOf({ ...form, splitOn: true, splitText: '1' })).toBe(
      "Validation fraction (0-1): expected a number between 0 and 1 (exclusive), got '1'",
    );
    expect(errorOf({ ...form, splitOn: true, splitSeedText: '-1' })).toMatch(
      /^Split seed: expected an integer/,
    );
    // A parameter taken from the studio that the recipe refuses names the class's parameters.
    const params = { ...DEFAULT_PARAMS, className: 'pvc' as const, pvcBurdenPct: 1e9 };
    const bad = withClasses(form, { pvc: '3' });
    bad.classes.pvc = { ...bad.classes.pvc, source: 'studio', params };
    expect(errorOf(bad)).toMatch(/^Parameters of pvc: classes\[0\]\.params\.pvcBurdenPct: /);
  });

  it('takes the studio parameters into one class and keeps the preset for the others', () => {
    const form = withClasses(
      { ...defaultDatasetForm(), preset: 'nonaka2026', seedText: '9' },
      { nsr: '2', pvc: '4' },
    );
    const studio = { ...DEFAULT_PARAMS, className: 'af' as const, rAmpMv: 1.6, seed: 123, fsHz: 360 };
    form.classes.pvc = { ...form.classes.pvc, source: 'studio', params: studio };
    const recipe = recipeOfForm(form).recipe!;
    expect(recipe.preset).toBe('custom');
    expect(recipe.noise).toBe('custom');
    const [nsr, pvc] = recipe.classes;
    const settings = { preset: 'nonaka2026', noise: 'default', fsHz: 500, durationS: 10, seed: 9 } as const;
    expect(nsr.params).toEqual(presetClassParams('nsr', settings));
    expect(nsr.params.rAmpMv).toBe(NONAKA2026_PARAMS.rAmpMv);
    // The studio's parameters, with the dataset's class, rate, duration and seed.
    expect(pvc.params).toEqual({ ...studio, className: 'pvc', fsHz: 500, durationS: 10, seed: 9 });
    // Noise "none" turns the studio's noise sources off as well.
    const quiet = recipeOfForm({ ...form, noise: 'none' }).recipe!;
    expect(quiet.noise).toBe('none');
    expect(quiet.classes[1].params.wanderOn || quiet.classes[1].params.whiteOn).toBe(false);
    expect(quiet.classes[1].params.rAmpMv).toBe(1.6);
  });

  it('fills the form from a recipe and builds the same recipe again', () => {
    const recipes: SyntheticRecipe[] = [
      buildRecipe({
        classes: [
          { className: 'af', count: 7 },
          { className: 'wpw', count: 0 },
        ],
        seed: 4000000000,
        durationS: 12.5,
        fsHz: 360,
        preset: 'nonaka2026',
        noise: 'none',
        output: 'wfdb',
        split: { validationFraction: 0.25, seed: 77 },
      }),
      recipeOfForm(
        (() => {
          const f = withClasses(defaultDatasetForm(), { nsr: '3', afl: '5' });
          f.classes.afl = {
            ...f.classes.afl,
            source: 'studio',
            params: { ...DEFAULT_PARAMS, aflRateBpm: 280 },
          };
          return { ...f, output: 'csv' as const, splitOn: true, splitText: '0.5' };
        })(),
      ).recipe!,
    ];
    for (const recipe of recipes) {
      const form = formOfRecipe(recipe);
      expect(recipeJson(recipeOfForm(form).recipe!)).toBe(recipeJson(recipe));
    }
    const form = formOfRecipe(recipes[0]);
    expect(form.classes.af.source).toBe('preset');
    expect(form.classes.wpw).toMatchObject({ include: true, countText: '0' });
    expect(form.classes.nsr.include).toBe(false);
    expect(form.splitSeedText).toBe('77');
    expect(formOfRecipe(recipes[1]).classes.afl.source).toBe('recipe');
  });
});

describe('loading a recipe file', () => {
  const recipe = buildRecipe({
    classes: [{ className: 'nsr', count: 2 }],
    seed: 5,
    durationS: 3,
    fsHz: 250,
    preset: 'default',
    noise: 'default',
    output: 'npy',
  });

  it('uses the loaded recipe verbatim while the form is unchanged, even where the form would differ', () => {
    // A hand-edited recipe: preset "default" with an edited parameter (the builder itself would write "custom").
    const edited = {
      ...recipe,
      classes: [{ ...recipe.classes[0], params: { ...recipe.classes[0].params, rAmpMv: 1.7 } }],
    };
    expect(loadRecipeText('edited.json', recipeJson(edited))).toBe(true);
    const state = datasetStore.getState();
    expect(state.loaded?.fileName).toBe('edited.json');
    expect(recipeJson(currentRecipe(state).recipe!)).toBe(recipeJson(edited));
    expect(recipeOfForm(state.form).recipe!.preset).toBe('custom'); // what an edited form would give
    // An edit ends it: the form's recipe again.
    const changed = { ...state.form, seedText: '6' };
    expect(currentRecipe({ form: changed, loaded: state.loaded }).recipe!.seed).toBe(6);
  });

  it('refuses a malformed recipe or another version, naming the file, the field and both versions', () => {
    const before = datasetStore.getState().form;
    const bad = JSON.parse(recipeJson(recipe));
    bad.classes[0].count = -1;
    expect(loadRecipeText('bad.json', JSON.stringify(bad))).toBe(false);
    expect(datasetStore.getState().loadError).toBe(
      'Refused bad.json: classes[0].count: expected an integer from 0 to 10000000, got -1',
    );
    expect(loadRecipeText('v.json', JSON.stringify({ ...bad, generatorVersion: '0.1.0' }))).toBe(false);
    const message = datasetStore.getState().loadError!;
    expect(message).toMatch(/^Refused v\.json: generatorVersion: /);
    expect(message).toContain('generator version 0.1.0');
    expect(message).toContain(`generator version ${GENERATOR_VERSION}`);
    expect(loadRecipeText('x.json', '{')).toBe(false);
    expect(datasetStore.getState().loadError).toMatch(/^Refused x\.json: \(json\): not valid JSON/);
    expect(datasetStore.getState().form).toBe(before);
  });
});

describe('the preview', () => {
  it("draws each class's first records exactly as the dataset holds them, and the archive's size", async () => {
    const recipe = buildRecipe({
      classes: [
        { className: 'nsr', count: 2 },
        { className: 'af', count: 0 },
        { className: 'pvc', count: 5 },
      ],
      seed: 31,
      durationS: 4,
      fsHz: 250,
      preset: 'default',
      noise: 'default',
      output: 'npy',
    });
    const preview = computePreview({ type: 'preview', id: 1, recipe, perClass: 3, windowS: 2 });
    expect(preview.classes.map((c) => c.names)).toEqual([
      ['nsr_000000', 'nsr_000001'],
      ['pvc_000000', 'pvc_000001', 'pvc_000002'],
    ]);
    const batch = encodeRows(recipe, { start: 0, end: 7 });
    if (batch.kind !== 'npy') throw new Error('expected an npy batch');
    const rows = new Float32Array(batch.data.buffer, batch.data.byteOffset, batch.data.length / 4);
    const rowOf = [0, 1, 2, 3, 4];
    const thumbs = preview.classes.flatMap((c) => c.thumbs);
    thumbs.forEach((t, i) => {
      expect(t.signalMv.length).toBe(500);
      const row = rowOf[i];
      expect(Array.from(t.signalMv)).toEqual(Array.from(rows.subarray(row * 1000, row * 1000 + 500)));
    });
    expect(thumbs.some((t) => t.ventricularPeaks.length > 0)).toBe(true); // PVCs are marked
    expect(preview.rows).toBe(7);
    expect(preview.exact).toBe(true); // npy: known exactly
    let archiveBytes = 0;
    await exportDatasetZip(recipe, { write: (chunk) => void (archiveBytes += chunk.length) });
    expect(preview.estimatedBytes).toBe(archiveBytes);
  });
});
