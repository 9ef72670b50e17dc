/**
 * The preset file format: `{ "format": "pqrst-preset", "generatorVersion": "1.1.0", "params": {…} }`
 * with every parameter. Parsing is strict: a malformed file is refused with an error naming the file
 * and the field, never partly applied. Files of another generator major version are refused, since
 * their parameters may mean something else.
 */
import {
  GENERATOR_VERSION,
  PARAM_SPECS,
  ParamError,
  validateParams,
  type SynthParams,
} from '../synth/index.ts';

/** The `format` tag of preset files. */
export const PRESET_FORMAT = 'pqrst-preset';

/** The JSON object of a preset file. */
export interface PresetFile {
  format: typeof PRESET_FORMAT;
  generatorVersion: string;
  params: SynthParams;
}

/** A refused preset file: `fileName` and `field` (e.g. `params.rAmpMv`) name what is wrong. */
export class PresetFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly field: string,
    reason: string,
  ) {
    super(`preset file '${fileName}': field '${field}': ${reason}`);
    this.name = 'PresetFileError';
  }
}

/** The preset file object of `params`. */
export function presetFile(params: Readonly<SynthParams>): PresetFile {
  return { format: PRESET_FORMAT, generatorVersion: GENERATOR_VERSION, params: { ...params } };
}

/** The text of a preset file of `params` (pretty-printed JSON). */
export function presetFileText(params: Readonly<SynthParams>): string {
  return `${JSON.stringify(presetFile(params), null, 2)}\n`;
}

function majorOf(version: string): string {
  return version.split('.')[0];
}

/** Check an already parsed preset object; throws `PresetFileError`. */
export function presetFromObject(fileName: string, data: unknown): SynthParams {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PresetFileError(fileName, '(root)', 'expected a JSON object');
  }
  const file = data as Record<string, unknown>;
  for (const key of Object.keys(file)) {
    if (!['format', 'generatorVersion', 'params'].includes(key)) {
      throw new PresetFileError(fileName, key, 'unknown field');
    }
  }
  if (file.format !== PRESET_FORMAT) {
    throw new PresetFileError(
      fileName,
      'format',
      `expected "${PRESET_FORMAT}", got ${JSON.stringify(file.format)}`,
    );
  }
  const version = file.generatorVersion;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new PresetFileError(
      fileName,
      'generatorVersion',
      `expected "x.y.z", got ${JSON.stringify(version)}`,
    );
  }
  if (majorOf(version) !== majorOf(GENERATOR_VERSION)) {
    throw new PresetFileError(
      fileName,
      'generatorVersion',
      `${version} is incompatible with ${GENERATOR_VERSION}`,
    );
  }
  const params = file.params;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new PresetFileError(fileName, 'params', 'expected an object of parameters');
  }
  const missing = PARAM_SPECS.find((s) => !(s.key in params));
  if (missing) throw new PresetFileError(fileName, `params.${missing.key}`, 'missing');
  try {
    return validateParams(params);
  } catch (err) {
    if (err instanceof ParamError) throw new PresetFileError(fileName, `params.${err.key}`, reasonOf(err));
    throw err;
  }
}

function reasonOf(err: ParamError): string {
  const prefix = `parameter '${err.key}': `;
  return err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
}

/** Parse the text of a preset file named `fileName`; throws `PresetFileError` naming the field. */
export function parsePresetFile(fileName: string, text: string): SynthParams {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new PresetFileError(fileName, '(json)', `not valid JSON (${(err as Error).message})`);
  }
  return presetFromObject(fileName, data);
}
