/** Checking a number typed into a box against its spec, before it is applied. */
import type { NumberSpec } from '../synth/index.ts';

/** The number typed, or the reason it is refused (shown inline next to the box). */
export type NumberCheck = { ok: true; value: number } | { ok: false; reason: string };

/** Check `text` (an input's value; `badInput` from its validity) against `spec`. */
export function checkTypedNumber(text: string, badInput: boolean, spec: NumberSpec): NumberCheck {
  const unit = spec.unit ? ` ${spec.unit}` : '';
  if (badInput || text.trim() === '') return { ok: false, reason: 'Enter a number.' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: 'Enter a finite number.' };
  if (value < spec.min || value > spec.max) {
    return { ok: false, reason: `${value}${unit} is outside ${spec.min}…${spec.max}${unit}.` };
  }
  if (spec.integer && !Number.isInteger(value)) return { ok: false, reason: 'Enter a whole number.' };
  return { ok: true, value };
}
