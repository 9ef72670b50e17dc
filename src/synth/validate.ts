/** Validation of parameter input (URL hash, preset files, CLI, worker messages) against the schema. */
import { PARAM_SPECS, type SynthParams } from './params.ts';
import { DEFAULT_PARAMS } from './presets.ts';

/** A parameter that is unknown, of the wrong type or out of range; `key` names it. */
export class ParamError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`parameter '${key}': ${reason}`);
    this.name = 'ParamError';
  }
}

/**
 * Check `input` (a partial or whole parameter object) against the schema and return a complete
 * `SynthParams`, missing keys taken from `base`. Throws `ParamError` naming the first bad parameter.
 */
export function validateParams(input: unknown, base: Readonly<SynthParams> = DEFAULT_PARAMS): SynthParams {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ParamError('(root)', 'expected an object of parameters');
  }
  const known = new Set(PARAM_SPECS.map((s) => s.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) throw new ParamError(key, 'unknown parameter');
  }
  const out: Record<string, unknown> = { ...base };
  const record = input as Record<string, unknown>;
  for (const spec of PARAM_SPECS) {
    if (!(spec.key in record)) continue;
    const value = record[spec.key];
    if (spec.kind === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new ParamError(spec.key, `expected a finite number, got ${JSON.stringify(value)}`);
      }
      if (value < spec.min || value > spec.max) {
        throw new ParamError(
          spec.key,
          `${value} ${spec.unit} is outside ${spec.min}…${spec.max} ${spec.unit}`.trim(),
        );
      }
      if (spec.integer && !Number.isInteger(value))
        throw new ParamError(spec.key, `expected an integer, got ${value}`);
    } else if (spec.kind === 'choice') {
      if (typeof value !== 'string' || !spec.options.includes(value)) {
        throw new ParamError(
          spec.key,
          `expected one of ${spec.options.join(', ')}, got ${JSON.stringify(value)}`,
        );
      }
    } else if (typeof value !== 'boolean') {
      throw new ParamError(spec.key, `expected true or false, got ${JSON.stringify(value)}`);
    }
    out[spec.key] = value;
  }
  return out as unknown as SynthParams;
}
