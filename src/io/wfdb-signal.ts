import { IoError } from './io-error.ts';

/** WFDB's invalid-sample marker (WFDB_INVALID_SAMPLE): a missing or clipped value. */
export const WFDB_INVALID_SAMPLE = -32768;

const INT16_MAX = 32767;

function checkGain(gainAdcPerMv: number): void {
  if (!Number.isFinite(gainAdcPerMv) || gainAdcPerMv === 0) {
    throw new IoError(`gain ${gainAdcPerMv} must be a finite non-zero number`, { field: 'gainAdcPerMv' });
  }
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Encodes channels as a WFDB format 16 signal file: 16-bit two's complement samples, least significant
 * byte first, interleaved frame by frame (ch0[0], ch1[0], ..., ch0[1], ...). All channels must have the
 * same length; throws `IoError` otherwise.
 */
export function encodeFormat16(samples: Int16Array[]): Uint8Array {
  if (samples.length === 0) throw new IoError('no channels to encode', { field: 'samples' });
  const nSamples = samples[0].length;
  samples.forEach((ch, i) => {
    if (ch.length !== nSamples) {
      throw new IoError(`channel ${i} has ${ch.length} samples, channel 0 has ${nSamples}`, {
        field: 'samples',
      });
    }
  });
  const nSignals = samples.length;
  const out = new Uint8Array(nSamples * nSignals * 2);
  if (nSignals === 1 && LITTLE_ENDIAN_HOST) {
    out.set(new Uint8Array(samples[0].buffer, samples[0].byteOffset, nSamples * 2));
    return out;
  }
  const view = new DataView(out.buffer);
  for (let c = 0; c < nSignals; c++) {
    const ch = samples[c];
    for (let i = 0, pos = c * 2; i < nSamples; i++, pos += nSignals * 2) view.setInt16(pos, ch[i], true);
  }
  return out;
}

/**
 * Decodes a WFDB format 16 signal file holding `nSignals` interleaved channels whose samples start at
 * `byteOffset` (the `+24` of a `16+24` format field, for MAT v4 files). A trailing incomplete frame is
 * ignored, as the WFDB library does at end of file. Returns one Int16Array per channel; -32768 (the WFDB
 * invalid-sample marker) is passed through.
 */
export function decodeFormat16(bytes: Uint8Array, nSignals: number, byteOffset = 0): Int16Array[] {
  if (!Number.isInteger(nSignals) || nSignals < 1) {
    throw new IoError(`nSignals must be a positive integer, got ${nSignals}`, { field: 'nSignals' });
  }
  if (!Number.isInteger(byteOffset) || byteOffset < 0 || byteOffset > bytes.length) {
    throw new IoError(`byte offset ${byteOffset} is outside the ${bytes.length}-byte file`, {
      field: 'byteOffset',
    });
  }
  const frameBytes = nSignals * 2;
  const nFrames = Math.floor((bytes.length - byteOffset) / frameBytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset + byteOffset, nFrames * frameBytes);
  const channels: Int16Array[] = [];
  for (let c = 0; c < nSignals; c++) {
    const ch = new Int16Array(nFrames);
    for (let i = 0, pos = c * 2; i < nFrames; i++, pos += frameBytes) ch[i] = view.getInt16(pos, true);
    channels.push(ch);
  }
  return channels;
}

/**
 * The WFDB signal checksum: the sum of all samples of one signal, as a signed 16-bit value (the sum
 * modulo 2^16, in two's complement). Samples must be integers (ADC units).
 */
export function wfdbChecksum(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum = (sum + samples[i]) | 0;
  return (sum << 16) >> 16;
}

/**
 * Converts a signal in millivolts to ADC units: round(mV * gain + baseline), rounding half away from
 * zero and clamping to [-32767, 32767] so that -32768 stays free as WFDB's invalid-sample marker.
 * NaN (a missing value) becomes -32768.
 */
export function mvToAdc(signalMv: Float32Array, gainAdcPerMv: number, baselineAdc = 0): Int16Array {
  checkGain(gainAdcPerMv);
  if (!Number.isFinite(baselineAdc)) {
    throw new IoError(`baseline ${baselineAdc} must be finite`, { field: 'baselineAdc' });
  }
  const out = new Int16Array(signalMv.length);
  for (let i = 0; i < signalMv.length; i++) {
    const x = signalMv[i] * gainAdcPerMv + baselineAdc;
    if (Number.isNaN(x)) {
      out[i] = WFDB_INVALID_SAMPLE;
      continue;
    }
    const r = x < 0 ? -Math.round(-x) : Math.round(x);
    out[i] = r > INT16_MAX ? INT16_MAX : r < -INT16_MAX ? -INT16_MAX : r;
  }
  return out;
}

/**
 * Converts ADC units to millivolts: (adc - baseline) / gain. The 16-bit invalid-sample marker -32768
 * becomes NaN (for 24- or 32-bit samples, where -32768 is an ordinary value, mask nothing: use the
 * formula directly).
 */
export function adcToMv(samplesAdc: ArrayLike<number>, gainAdcPerMv: number, baselineAdc = 0): Float32Array {
  checkGain(gainAdcPerMv);
  const out = new Float32Array(samplesAdc.length);
  for (let i = 0; i < samplesAdc.length; i++) {
    const v = samplesAdc[i];
    out[i] = v === WFDB_INVALID_SAMPLE ? NaN : (v - baselineAdc) / gainAdcPerMv;
  }
  return out;
}
