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

let scratch = new Uint8Array(1 << 14);

/** A reused work buffer of at least `n` bytes (encoding is synchronous). */
function scratchBytes(n: number): Uint8Array {
  if (scratch.length < n) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
  return scratch;
}

/** Annotations gathered in insertion order, then written sorted by sample (stable). */
class AnnotationList {
  private readonly samples: number[] = [];
  private readonly codes: number[] = [];
  private readonly nums: number[] = [];
  private readonly auxes: string[] = [];
  private auxBytes = 0;
  private keys = new Float64Array(256);

  /** Empty the list (it is reused from record to record). */
  clear(): this {
    this.samples.length = 0;
    this.codes.length = 0;
    this.nums.length = 0;
    this.auxes.length = 0;
    this.auxBytes = 0;
    return this;
  }

  add(sample: number, symbol: string, num: number, aux = ''): void {
    this.samples.push(sample);
    this.codes.push(codeOf(symbol));
    this.nums.push(num);
    this.auxes.push(aux);
    this.auxBytes += aux.length;
  }

  /**
   * The MIT-format bytes: SKIP for intervals over 1023, NUM when num changes, AUX, then the 0 word;
   * built in a reused buffer and copied into `alloc`'s view (or a new array).
   */
  encode(alloc?: (n: number) => Uint8Array): Uint8Array {
    const n = this.samples.length;
    if (n >= ORDER_BITS) throw new RangeError(`${n} annotations are too many for one record`);
    // Sort keys: sample, then insertion order (a stable sort by sample).
    if (this.keys.length < n) this.keys = new Float64Array(Math.max(n, 2 * this.keys.length));
    const keys = this.keys.subarray(0, n);
    for (let i = 0; i < n; i++) keys[i] = this.samples[i] * ORDER_BITS + i;
    keys.sort();
    const out = scratchBytes(n * 13 + this.auxBytes + 2); // SKIP 6 + word 2 + NUM 2 + AUX 2 + pad 1
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
    if (!alloc) return out.slice(0, pos);
    const result = alloc(pos);
    result.set(out.subarray(0, pos));
    return result;
  }
}

const beatList = new AnnotationList();
const fiducialList = new AnnotationList();

/** `.atr`: the rhythm notes (`+` with aux) and the beats (N, V) of a record (in `alloc`'s view if given). */
export function encodeBeatAnnotations(record: SynthRecord, alloc?: (n: number) => Uint8Array): Uint8Array {
  const list = beatList.clear();
  for (const r of record.rhythm) list.add(r.sample, '+', 0, r.aux);
  for (let i = 0; i < record.rPeak.length; i++) list.add(record.rPeak[i], record.beatSymbol[i], 0);
  return list.encode(alloc);
}

/**
 * `.fid`: wave onsets `(`, peaks and offsets `)` (num 0 P, 1 QRS, 2 T) and F-wave troughs (`p`, num
 * 3), in `alloc`'s view if given.
 */
export function encodeFiducialAnnotations(
  record: SynthRecord,
  alloc?: (n: number) => Uint8Array,
): Uint8Array {
  const f = record.fiducials;
  const list = fiducialList.clear();
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
  return list.encode(alloc);
}
