// The parameter schema validates input and names the bad parameter.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  NONAKA2026_PARAMS,
  PARAM_SPECS,
  ParamError,
  validateParams,
} from '../../src/synth/index.ts';

describe('parameter schema', () => {
  it('every preset value is inside its parameter range', () => {
    expect(validateParams({ ...DEFAULT_PARAMS })).toEqual(DEFAULT_PARAMS);
    expect(validateParams({ ...NONAKA2026_PARAMS })).toEqual(NONAKA2026_PARAMS);
  });

  it('every parameter has a label and a unit field, and numbers have a sane range and step', () => {
    for (const spec of PARAM_SPECS) {
      expect(spec.label.length).toBeGreaterThan(0);
      if (spec.kind === 'number') {
        expect(spec.min).toBeLessThan(spec.max);
        expect(spec.step).toBeGreaterThan(0);
      }
    }
    expect(new Set(PARAM_SPECS.map((s) => s.key)).size).toBe(PARAM_SPECS.length);
  });

  const bad: [string, unknown, RegExp][] = [
    ['fsHz', 0, /fsHz.*outside 100…1000 Hz/],
    ['fsHz', 250.5, /fsHz.*integer/],
    ['durationS', 601, /durationS.*outside/],
    ['rAmpMv', Number.NaN, /rAmpMv.*finite number/],
    ['rAmpMv', '1.2', /rAmpMv.*finite number/],
    ['beatModel', 'stretchy', /beatModel.*one of rr-adaptive, stretch-1s/],
    ['wanderOn', 'yes', /wanderOn.*true or false/],
    ['noSuchThing', 1, /noSuchThing.*unknown parameter/],
  ];
  for (const [key, value, message] of bad) {
    it(`refuses ${key} = ${String(value)} with a message naming it`, () => {
      expect(() => validateParams({ [key]: value })).toThrow(ParamError);
      expect(() => validateParams({ [key]: value })).toThrow(message);
    });
  }

  it('refuses a non-object', () => {
    expect(() => validateParams([1, 2])).toThrow(/expected an object/);
    expect(() => validateParams(null)).toThrow(/expected an object/);
  });
});
