/** Actions that change the parameters: every change is validated against the schema first. */
import { PRESETS, validateParams, type PresetName, type SynthParams } from '../synth/index.ts';
import { clearMessage, reportError } from './messages-actions.ts';
import { studioStore } from './studio-store.ts';

/** Options of `setParams`. */
export interface SetParamsOptions {
  /** `performance.now()` / `Event.timeStamp` of the input event behind the change, ms. */
  inputAtMs?: number;
}

/**
 * Apply `partial` on top of the current parameters, as a control does. Invalid input is refused with
 * a message naming the parameter and the state is kept. Returns whether the change was applied.
 */
export function setParams(
  partial: Partial<Record<keyof SynthParams, unknown>>,
  options: SetParamsOptions = {},
): boolean {
  const { params } = studioStore.getState();
  let next: SynthParams;
  try {
    next = validateParams(partial, params);
  } catch (err) {
    reportError('input', `Refused: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
  clearMessage('input');
  if (sameParams(next, params)) return true;
  studioStore.setState({ params: next, lastInputAtMs: options.inputAtMs ?? performance.now() });
  return true;
}

/** Replace all parameters with an already validated set based on the built-in preset `presetName`. */
export function replaceParams(params: SynthParams, presetName: PresetName): void {
  studioStore.setState({ params: { ...params }, presetName, lastInputAtMs: performance.now() });
}

/** Switch to the built-in preset `name` (all parameters take its values). */
export function choosePreset(name: PresetName): void {
  replaceParams(PRESETS[name], name);
}

/** Reset every parameter to the `default` preset. */
export function resetToDefaults(): void {
  choosePreset('default');
}

/** Draw a new random 32-bit record seed. */
export function newSeed(): void {
  const word = new Uint32Array(1);
  crypto.getRandomValues(word);
  setParams({ seed: word[0] });
}

/** Whether two parameter sets are equal key by key. */
export function sameParams(a: Readonly<SynthParams>, b: Readonly<SynthParams>): boolean {
  return (Object.keys(a) as (keyof SynthParams)[]).every((k) => a[k] === b[k]);
}
