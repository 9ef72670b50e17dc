import { mvPerUnit } from './physical-units.ts';
import type { WfdbFormatInfo } from './wfdb-formats.ts';
import type { WfdbSignalSpec } from './wfdb-header-types.ts';

/** Longest lookup table worth building: one entry per value of a 16-bit format. */
const MAX_TABLE = 65536;

/**
 * A signal's physical values: `(adc - baseline) / gain`, in mV when its units are a voltage (`uV` values
 * divided by 1000 ...), else in its own units; the format's invalid marker gives NaN. For long signals of
 * formats with at most 16-bit values the result is read from a table of every value's conversion (the
 * same float32 numbers, computed once per value instead of once per sample).
 */
export function signalToMv(
  adc: Int32Array,
  s: WfdbSignalSpec,
  info: Pick<WfdbFormatInfo, 'invalidAdc' | 'differences'>,
): Float32Array {
  const gain = s.gainAdcPerUnit / (mvPerUnit(s.units) ?? 1); // ADC units per mV (or per own unit)
  const base = s.baselineAdc;
  const invalid = info.invalidAdc;
  const out = new Float32Array(adc.length);
  const span = -2 * invalid;
  if (!info.differences && span <= MAX_TABLE && adc.length >= 4 * span) {
    const table = new Float32Array(span);
    table[0] = NaN;
    for (let v = invalid + 1; v < -invalid; v++) table[v - invalid] = (v - base) / gain;
    for (let i = 0; i < adc.length; i++) out[i] = table[adc[i] - invalid];
    return out;
  }
  for (let i = 0; i < adc.length; i++) {
    const v = adc[i];
    out[i] = v === invalid ? NaN : (v - base) / gain;
  }
  return out;
}
