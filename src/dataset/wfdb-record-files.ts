/**
 * The WFDB files of one synthetic record: `NAME.hea`, `NAME.dat` (format 16, 1000 adu/mV, i.e. 1 µV
 * steps), `NAME.atr` (beats and rhythm notes only, MIT format) and `NAME.fid` (wave fiducials in WFDB's
 * wave-boundary convention: `(` onset and `)` offset with num 0 = P, 1 = QRS, 2 = T, and the peaks `p`,
 * `N`, `t`; atrial flutter F-waves as `p` with num 3 at each F-wave trough).
 */
import type { WfdbAnnotation } from '../io/wfdb-annotation.ts';
import { formatHeader } from '../io/wfdb-header.ts';
import type { SynthRecord } from '../synth/index.ts';
import { encodeBeatAnnotations, encodeFiducialAnnotations } from './wfdb-record-annotations.ts';

/** ADC units per mV of written records. */
export const GAIN_ADC_PER_MV = 1000;

/** The four files of a record, by extension. */
export interface WfdbRecordFiles {
  hea: string;
  dat: Uint8Array;
  atr: Uint8Array;
  fid: Uint8Array;
}

function annotation(sample: number, symbol: string, num = 0, aux = ''): WfdbAnnotation {
  return { sample, symbol, subtype: 0, chan: 0, num, aux };
}

function byTime(anns: WfdbAnnotation[]): WfdbAnnotation[] {
  // Stable sort keeps an onset before its peak and the rhythm note before a beat at the same sample.
  return anns.sort((a, b) => a.sample - b.sample);
}

/**
 * Beat (`N`, `V`, ...) and rhythm-note (`+` with aux such as `(N`) annotations of a record, as objects
 * (`.atr` is written from the arrays directly by wfdb-record-annotations.ts, with the same bytes).
 */
export function beatAnnotations(record: SynthRecord): WfdbAnnotation[] {
  const anns = record.rhythm.map((r) => annotation(r.sample, '+', 0, r.aux));
  record.rPeak.forEach((s, i) => anns.push(annotation(s, record.beatSymbol[i])));
  return byTime(anns);
}

/**
 * Wave-boundary annotations (`(`, `p`, `)`, `N`, `t`, F-waves) of a record, as objects; points before
 * it are left out (`.fid` is written by wfdb-record-annotations.ts, with the same bytes).
 */
export function fiducialAnnotations(record: SynthRecord): WfdbAnnotation[] {
  const f = record.fiducials;
  const anns: WfdbAnnotation[] = [];
  const add = (s: number, symbol: string, num: number) => {
    if (s >= 0) anns.push(annotation(s, symbol, num));
  };
  for (let i = 0; i < record.rPeak.length; i++) {
    add(f.pOn[i], '(', 0);
    add(f.pPeak[i], 'p', 0);
    add(f.pOff[i], ')', 0);
    add(f.qrsOn[i], '(', 1);
    add(record.rPeak[i], record.beatSymbol[i], 1);
    add(f.qrsOff[i], ')', 1);
    add(f.tPeak[i], 't', 2);
    add(f.tOff[i], ')', 2);
  }
  for (const s of record.atrialWaves) add(s, 'p', 3);
  return byTime(anns);
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const INT16_MAX = 32767;

/**
 * The format-16 `.dat` bytes of a signal in mV at `gainAdcPerMv`, its first sample and its WFDB
 * checksum, in one pass. The same bytes as `encodeFormat16([mvToAdc(signalMv, gain)])` (io/wfdb-signal):
 * rounding half away from zero, ±32767 clamping, NaN as -32768. Adding ±0.5 and truncating is exact
 * here: x = float32 · 1000 is exact in a double, and is never within 2^-31 of a half-integer without
 * being one, far above a double's rounding error at |x| < 32768. Writes into `out` when given (2n
 * bytes at an even offset).
 */
export function encodeDat16(
  signalMv: Float32Array,
  gainAdcPerMv: number,
  out?: Uint8Array,
): { dat: Uint8Array; firstAdc: number; checksum: number } {
  const n = signalMv.length;
  const dat = out ?? new Uint8Array(n * 2);
  if (dat.length !== n * 2 || dat.byteOffset % 2 !== 0) {
    throw new RangeError(`encodeDat16: out must be ${n * 2} bytes at an even offset`);
  }
  const adc = LITTLE_ENDIAN_HOST ? new Int16Array(dat.buffer, dat.byteOffset, n) : new Int16Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = signalMv[i] * gainAdcPerMv;
    let r: number;
    if (x > INT16_MAX) r = INT16_MAX;
    else if (x < -INT16_MAX) r = -INT16_MAX;
    else if (x >= 0) r = (x + 0.5) | 0;
    else if (x < 0) r = (x - 0.5) | 0;
    else r = -32768; // NaN
    adc[i] = r;
    sum = (sum + r) | 0;
  }
  if (!LITTLE_ENDIAN_HOST) {
    const view = new DataView(dat.buffer, dat.byteOffset, n * 2);
    for (let i = 0; i < n; i++) view.setInt16(2 * i, adc[i], true);
  }
  return { dat, firstAdc: n > 0 ? adc[0] : 0, checksum: (sum << 16) >> 16 };
}

/**
 * Build the WFDB files of `record` under the record name `name`; with `alloc`, the byte arrays are
 * views it allocates (an arena), else new arrays.
 */
export function wfdbRecordFiles(
  name: string,
  record: SynthRecord,
  alloc?: (n: number) => Uint8Array,
): WfdbRecordFiles {
  const n = record.signalMv.length;
  const { dat, firstAdc, checksum } = encodeDat16(record.signalMv, GAIN_ADC_PER_MV, alloc?.(n * 2));
  const hea = formatHeader({
    recordName: name,
    nSignals: 1,
    fsHz: record.fsHz,
    nSamples: record.signalMv.length,
    signals: [
      {
        fileName: `${name}.dat`,
        format: 16,
        samplesPerFrame: 1,
        skew: 0,
        byteOffset: 0,
        gainAdcPerUnit: GAIN_ADC_PER_MV,
        baselineAdc: 0,
        units: 'mV',
        adcResolutionBits: 16,
        adcZero: 0,
        initialValue: firstAdc,
        checksum,
        blockSizeBytes: 0,
        description: 'II',
      },
    ],
    comments: [],
  });
  return {
    hea,
    dat,
    atr: encodeBeatAnnotations(record, alloc),
    fid: encodeFiducialAnnotations(record, alloc),
  };
}
