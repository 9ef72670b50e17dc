// The Realism view's form: choices for the worker (studio parameters or a preset), refusals that name
// the control, and the imported-window checks that name the class and the counts.
import { describe, expect, it } from 'vitest';
import {
  defaultRealismForm,
  MIN_REAL_WINDOWS,
  realInputProblem,
  realismChoices,
} from '../../src/state/realism-form.ts';
import { DEFAULT_PARAMS } from '../../src/synth/index.ts';

const studio = { ...DEFAULT_PARAMS, rAmpMv: 1.4 };

describe('realismChoices', () => {
  it('the default form: 200 nsr windows from the studio, seed 1, the test on wasm for 3 epochs', () => {
    const c = realismChoices(defaultRealismForm(), studio);
    expect(c.error).toBeNull();
    expect(c.synthetic).toEqual({
      className: 'nsr',
      count: 200,
      seed: 1,
      source: { kind: 'studio', params: studio },
    });
    expect(c.synthetic!.source.kind === 'studio' && c.synthetic!.source.params).not.toBe(studio);
    expect(c.classifier).toEqual({ run: true, backend: 'wasm', seed: 1, epochs: 3 });
  });

  it('a preset source and the class chosen', () => {
    const form = { ...defaultRealismForm(), className: 'af' as const, source: 'nonaka2026' as const };
    expect(realismChoices(form, studio).synthetic).toMatchObject({
      className: 'af',
      source: { kind: 'preset', preset: 'nonaka2026' },
    });
  });

  it('refusals name the control and the range', () => {
    const bad = (patch: object) => realismChoices({ ...defaultRealismForm(), ...patch }, studio).error;
    expect(bad({ countText: '5' })).toEqual({
      control: 'Synthetic windows',
      message: "expected an integer from 10 to 2000, got '5'",
    });
    expect(bad({ countText: '' })).toEqual({
      control: 'Synthetic windows',
      message: 'required: an integer from 10 to 2000',
    });
    expect(bad({ seedText: '1.5' })?.control).toBe('Seed (synthetic set and classifier)');
    expect(bad({ epochsText: '0' })?.control).toBe('Classifier epochs');
    // Epochs are not read when the test is off.
    expect(bad({ epochsText: '0', classifier: false })).toBeNull();
  });
});

describe('realInputProblem', () => {
  it('before an import, with none of the class, with too few, and enough', () => {
    expect(realInputProblem('nsr', null)).toMatch(/^No imported windows: import real records of class nsr/);
    expect(realInputProblem('af', { nsr: 180, af: 0 })).toBe(
      'No imported windows of class af: the import holds nsr 180. Import records of class af or pick another class.',
    );
    expect(realInputProblem('af', { nsr: 180, af: 6 })).toBe(
      `Too few imported windows of class af: 6, at least ${MIN_REAL_WINDOWS} are needed (the import holds nsr 180, af 6).`,
    );
    expect(realInputProblem('nsr', { nsr: 180, af: 6 })).toBeNull();
    expect(realInputProblem('wpw', {})).toMatch(/the import holds no labelled windows/);
  });
});
