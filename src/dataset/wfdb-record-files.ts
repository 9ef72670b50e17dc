/**
 * The WFDB files of one synthetic record: `NAME.hea`, `NAME.dat` (format 16, 1000 adu/mV, i.e. 1 µV
 * steps), `NAME.atr` (beats and rhythm notes only, MIT format) and `NAME.fid` (wave fiducials in WFDB's
 * wave-boundary convention: `(` onset and `)` offset with num 0 = P, 1 = QRS, 2 = T, and the peaks `p`,
 * `N`, `t`; atrial flutter F-waves as `p` with num 3 at each F-wave trough).
 */
import { encodeAnnotations, type WfdbAnnotation } from '../io/wfdb-annotation.ts';
import { formatHeader } from '../io/wfdb-header.ts';
import { encodeFormat16, mvToAdc, wfdbChecksum } from '../io/wfdb-signal.ts';
import type { SynthRecord } from '../synth/index.ts';

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

/** Beat (`N`, `V`, ...) and rhythm-note (`+` with aux such as `(N`) annotations of a record. */
export function beatAnnotations(record: SynthRecord): WfdbAnnotation[] {
  const anns = record.rhythm.map((r) => annotation(r.sample, '+', 0, r.aux));
  record.rPeak.forEach((s, i) => anns.push(annotation(s, record.beatSymbol[i])));
  return byTime(anns);
}

/** Wave-boundary annotations (`(`, `p`, `)`, `N`, `t`, F-waves) of a record; points outside it are left out. */
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

/** Build the WFDB files of `record` under the record name `name`. */
export function wfdbRecordFiles(name: string, record: SynthRecord): WfdbRecordFiles {
  const adc = mvToAdc(record.signalMv, GAIN_ADC_PER_MV);
  const hea = formatHeader({
    recordName: name,
    nSignals: 1,
    fsHz: record.fsHz,
    nSamples: adc.length,
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
        initialValue: adc.length > 0 ? adc[0] : 0,
        checksum: wfdbChecksum(adc),
        blockSizeBytes: 0,
        description: 'II',
      },
    ],
    comments: [],
  });
  return {
    hea,
    dat: encodeFormat16([adc]),
    atr: encodeAnnotations(beatAnnotations(record)),
    fid: encodeAnnotations(fiducialAnnotations(record)),
  };
}
