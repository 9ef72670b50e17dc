/**
 * The `.atr` and `.fid` annotation files of a synthetic record, encoded straight from the record's
 * arrays: the same bytes as `encodeAnnotations(beatAnnotations(r))` and `encodeAnnotations(
 * fiducialAnnotations(r))` (io/wfdb-annotation, MIT format), without an object per annotation. Dataset
 * export writes a hundred annotations per record, so this is on its hot path.
 */
import { annotationCode } from '../io/wfdb-annotation-codes.ts';
import type { SynthRecord } from '../synth/index.ts';

const CODE_SHIFT = 10;
const MAX_INTERVAL = 1023;
const SKIP = 59;
const NUM = 60;
const AUX = 63;
const ORDER_BITS = 2 ** 20;

const codes = new Map<string, number>();

/** The MIT code of a symbol the synthesizer writes. */
function codeOf(symbol: string): number {
  let code = codes.get(symbol);
  if (code === undefined) {
    code = annotationCode(symbol);
    if (code === undefined || code === 0) throw new RangeError(`no annotation code for "${symbol}"`);
    codes.set(symbol, code);
  }
  return code;
}

/** Annotations gathered in insertion order, then written sorted by sample (stable). */
class AnnotationList {
  private samples: number[] = [];
  private codes: number[] = [];
  private nums: number[] = [];
  private auxes: string[] = [];
  private auxBytes = 0;

  add(sample: number, symbol: string, num: number, aux = ''): void {
    this.samples.push(sample);
    this.codes.push(codeOf(symbol));
    this.nums.push(num);
    this.auxes.push(aux);
    this.auxBytes += aux.length;
  }

  /** The MIT-format bytes: SKIP for intervals over 1023, NUM when num changes, AUX, then the 0 word. */
  encode(): Uint8Array {
    const n = this.samples.length;
    if (n >= ORDER_BITS) throw new RangeError(`${n} annotations are too many for one record`);
    // Sort keys: sample, then insertion order (a stable sort by sample).
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = this.samples[i] * ORDER_BITS + i;
    keys.sort();
    const out = new Uint8Array(n * 13 + this.auxBytes + 2); // SKIP 6 + word 2 + NUM 2 + AUX 2 + pad 1
    let pos = 0;
    const word = (code: number, data: number) => {
      const w = (code << CODE_SHIFT) | (data & 0x3ff);
      out[pos++] = w & 0xff;
      out[pos++] = w >>> 8;
    };
    let prevSample = 0;
    let prevNum = 0;
    for (let k = 0; k < n; k++) {
      const i = keys[k] % ORDER_BITS;
      const sample = this.samples[i];
      const delta = sample - prevSample;
      if (delta > MAX_INTERVAL || delta < 0) {
        word(SKIP, 0);
        const v = delta >>> 0;
        out[pos++] = (v >>> 16) & 0xff;
        out[pos++] = v >>> 24;
        out[pos++] = v & 0xff;
        out[pos++] = (v >>> 8) & 0xff;
        word(this.codes[i], 0);
      } else {
        word(this.codes[i], delta);
      }
      const num = this.nums[i];
      if (num !== prevNum) word(NUM, num);
      const aux = this.auxes[i];
      if (aux.length > 0) {
        word(AUX, aux.length);
        for (let c = 0; c < aux.length; c++) out[pos++] = aux.charCodeAt(c);
        if (aux.length % 2 === 1) out[pos++] = 0;
      }
      prevSample = sample;
      prevNum = num;
    }
    word(0, 0);
    return out.slice(0, pos);
  }
}

/** `.atr`: the rhythm notes (`+` with aux) and the beats (N, V) of a record. */
export function encodeBeatAnnotations(record: SynthRecord): Uint8Array {
  const list = new AnnotationList();
  for (const r of record.rhythm) list.add(r.sample, '+', 0, r.aux);
  for (let i = 0; i < record.rPeak.length; i++) list.add(record.rPeak[i], record.beatSymbol[i], 0);
  return list.encode();
}

/** `.fid`: wave onsets `(`, peaks and offsets `)` (num 0 P, 1 QRS, 2 T) and F-wave troughs (`p`, num 3). */
export function encodeFiducialAnnotations(record: SynthRecord): Uint8Array {
  const f = record.fiducials;
  const list = new AnnotationList();
  const add = (s: number, symbol: string, num: number) => {
    if (s >= 0) list.add(s, symbol, num);
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
  return list.encode();
}
