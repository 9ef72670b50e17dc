/**
 * The URL-hash schema: `#preset=<built-in>&<key>=<value>…`, listing only the parameters that differ
 * from the preset, in PARAM_SPECS order (e.g. `#preset=default&rAmpMv=1.4`). Numbers are written in
 * JavaScript's shortest round-trip form, so decoding gives back the identical values.
 */
import {
  PARAM_SPECS,
  PRESETS,
  ParamError,
  paramSpec,
  validateParams,
  type PresetName,
  type SynthParams,
} from '../synth/index.ts';

/** The hash key that names the built-in preset. */
export const PRESET_HASH_KEY = 'preset';

/** A decoded hash. */
export interface HashState {
  presetName: PresetName;
  params: SynthParams;
}

/** Encode `params` as differences from the built-in preset `presetName` (without the leading `#`). */
export function encodeHash(params: Readonly<SynthParams>, presetName: PresetName): string {
  const base = PRESETS[presetName] as Readonly<Record<string, unknown>>;
  const values = params as Readonly<Record<string, unknown>>;
  const parts = [`${PRESET_HASH_KEY}=${encodeURIComponent(presetName)}`];
  for (const spec of PARAM_SPECS) {
    const value = values[spec.key];
    if (value !== base[spec.key]) parts.push(`${spec.key}=${encodeURIComponent(String(value))}`);
  }
  return parts.join('&');
}

function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

/** Convert one hash value to the type its parameter's spec asks for. */
function parseValue(key: string, raw: string): unknown {
  const spec = paramSpec(key);
  if (!spec) throw new ParamError(key, 'unknown parameter');
  if (spec.kind === 'number') {
    const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(value)) throw new ParamError(key, `expected a number, got ${JSON.stringify(raw)}`);
    return value;
  }
  if (spec.kind === 'switch') {
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    throw new ParamError(key, `expected true or false, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

/**
 * Decode a URL hash (with or without `#`). An empty hash gives the `default` preset. Throws
 * `ParamError` naming the offending parameter (`preset` for an unknown preset, `(hash)` for garbage).
 */
export function decodeHash(hash: string): HashState {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  let presetName: PresetName = 'default';
  const values: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new ParamError('(hash)', `expected key=value, got ${JSON.stringify(part)}`);
    let key: string;
    let raw: string;
    try {
      key = decodeURIComponent(part.slice(0, eq));
      raw = decodeURIComponent(part.slice(eq + 1));
    } catch {
      throw new ParamError('(hash)', `malformed percent-encoding in ${JSON.stringify(part)}`);
    }
    if (seen.has(key)) throw new ParamError(key, 'given twice');
    seen.add(key);
    if (key === PRESET_HASH_KEY) {
      if (!isPresetName(raw)) {
        const known = Object.keys(PRESETS).join(', ');
        throw new ParamError(key, `unknown preset ${JSON.stringify(raw)} (known: ${known})`);
      }
      presetName = raw;
    } else {
      values[key] = parseValue(key, raw);
    }
  }
  return { presetName, params: validateParams(values, PRESETS[presetName]) };
}
