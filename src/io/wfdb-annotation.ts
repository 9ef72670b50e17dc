import { IoError } from './io-error.ts';
import { annotationCode, annotationSymbol, parseAnnotationDefinition } from './wfdb-annotation-codes.ts';

export { isBeatSymbol } from './wfdb-annotation-codes.ts';

/** One WFDB annotation, as getann/putann see it. */
export interface WfdbAnnotation {
  /** Sample number (time in sample intervals from the start of the record). */
  sample: number;
  /** Annotation mnemonic, e.g. `N`, `V`, `+` (see `ANNOTATION_SYMBOL_BY_CODE`). */
  symbol: string;
  /** Subtype, a signed 8-bit value (-128..127); 0 for most annotations. */
  subtype: number;
  /** Channel (signal) number, 0..255. */
  chan: number;
  /** Annotator-defined number, a signed 8-bit value (-128..127). */
  num: number;
  /** Auxiliary text, e.g. `(AFIB` on rhythm annotations; empty when absent. At most 255 bytes. */
  aux: string;
}

// MIT format: each 16-bit little-endian word is a 6-bit code (A) and a 10-bit field (I).
const CODE_SHIFT = 10;
const DATA_MASK = 0x3ff;
const MAX_INTERVAL = 1023;
const SKIP = 59;
const NUM = 60;
const SUB = 61;
const CHAN = 62;
const AUX = 63;
const MAX_AUX_BYTES = 255;
const NOTE = 22;
const NOTE_SYMBOL = '"';
const MAX_USER_CODE = 49;

/**
 * The file's own mnemonics: WFDB writes redefined codes as NOTE annotations at sample 0 at the start of
 * the file (`15 c calibration pulse`), and its readers apply them to the rest of the file. `isNote(i)`
 * tells whether annotation i is a NOTE; the definitions are the leading run of NOTEs at sample 0.
 */
function fileSymbols(
  anns: WfdbAnnotation[],
  isNote: (i: number) => boolean,
): { count: number; byCode: Map<number, string> } {
  const byCode = new Map<number, string>();
  let count = 0;
  while (count < anns.length && anns[count].sample === 0 && isNote(count)) {
    const def = parseAnnotationDefinition(anns[count].aux);
    if (def !== undefined) byCode.set(def.code, def.symbol);
    count++;
  }
  return { count, byCode };
}

/** A symbol's code under the file's own mnemonics (the lowest match, as WFDB's strann), else the standard one. */
function codeFor(symbol: string, byCode: Map<number, string>): number | undefined {
  for (let code = 1; code <= MAX_USER_CODE && byCode.size > 0; code++) {
    if ((byCode.get(code) ?? annotationSymbol(code)) === symbol) return code;
  }
  return annotationCode(symbol);
}

/** A growable little-endian byte sink. */
class ByteSink {
  private buf = new Uint8Array(1024);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  word(code: number, data: number): void {
    this.reserve(2);
    const w = (code << CODE_SHIFT) | (data & DATA_MASK);
    this.buf[this.length++] = w & 0xff;
    this.buf[this.length++] = w >>> 8;
  }

  /** A SKIP pseudo-annotation: the word, then the interval as a PDP-11 long (high word first). */
  skip(interval: number): void {
    this.word(SKIP, 0);
    this.reserve(4);
    const v = interval >>> 0;
    this.buf[this.length++] = (v >>> 16) & 0xff;
    this.buf[this.length++] = v >>> 24;
    this.buf[this.length++] = v & 0xff;
    this.buf[this.length++] = (v >>> 8) & 0xff;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length + 1);
    this.buf.set(data, this.length);
    this.length += data.length;
    if (data.length % 2 === 1) this.buf[this.length++] = 0; // keep word alignment
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

function checkInt(value: number, lo: number, hi: number, index: number, field: string): void {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new IoError(`${value} is outside ${lo}..${hi}`, { field: `annotation ${index} ${field}` });
  }
}

/** Aux text to bytes, one byte per character (Latin-1), refusing what a byte cannot hold. */
function auxBytes(aux: string, index: number): Uint8Array {
  const out = new Uint8Array(aux.length);
  for (let i = 0; i < aux.length; i++) {
    const c = aux.charCodeAt(i);
    if (c === 0 || c > 0xff) {
      throw new IoError(`character U+${c.toString(16).padStart(4, '0')} cannot be stored in aux`, {
        field: `annotation ${index} aux`,
      });
    }
    out[i] = c;
  }
  if (out.length > MAX_AUX_BYTES) {
    throw new IoError(`${out.length} bytes exceed the ${MAX_AUX_BYTES}-byte limit`, {
      field: `annotation ${index} aux`,
    });
  }
  return out;
}

/**
 * Encodes annotations as an MIT-format annotation file, as the WFDB library's putann writes it: per
 * annotation a SKIP (code 59, 32-bit interval) when the interval from the previous annotation is over
 * 1023 or negative, the code/interval word, then SUB when the subtype is non-zero (the subtype applies to
 * one annotation only), CHAN and NUM when they differ from the previous annotation's (initially 0), and
 * AUX (length, bytes, a pad byte to even length) when aux is non-empty; a 0 word ends the file.
 * Symbols are the standard mnemonics, `[n]`, or mnemonics the list itself defines in leading NOTE
 * annotations at sample 0 (as `decodeAnnotations` returns them). Throws `IoError` for unknown symbols
 * and out-of-range fields.
 */
export function encodeAnnotations(anns: WfdbAnnotation[]): Uint8Array {
  const sink = new ByteSink();
  let prevSample = 0;
  let prevChan = 0;
  let prevNum = 0;
  const defs = fileSymbols(anns, (i) => anns[i].symbol === NOTE_SYMBOL);
  anns.forEach((ann, index) => {
    const code = index < defs.count ? NOTE : codeFor(ann.symbol, defs.byCode);
    if (code === undefined) {
      throw new IoError(`unknown annotation symbol "${ann.symbol}"`, { field: `annotation ${index} symbol` });
    }
    checkInt(ann.sample, 0, Number.MAX_SAFE_INTEGER, index, 'sample');
    checkInt(ann.subtype, -128, 127, index, 'subtype');
    checkInt(ann.chan, 0, 255, index, 'chan');
    checkInt(ann.num, -128, 127, index, 'num');
    const aux = auxBytes(ann.aux, index);
    const delta = ann.sample - prevSample;
    if (delta < -0x80000000 || delta > 0x7fffffff) {
      throw new IoError(`interval ${delta} does not fit a 32-bit SKIP`, {
        field: `annotation ${index} sample`,
      });
    }
    if (code === 0) {
      // A code-0 word with interval 0 would read as end of file: skip to one sample before, then 1.
      sink.skip(delta - 1);
      sink.word(0, 1);
    } else if (delta > MAX_INTERVAL || delta < 0) {
      sink.skip(delta);
      sink.word(code, 0);
    } else {
      sink.word(code, delta);
    }
    if (ann.subtype !== 0) sink.word(SUB, ann.subtype);
    if (ann.chan !== prevChan) sink.word(CHAN, ann.chan);
    if (ann.num !== prevNum) sink.word(NUM, ann.num);
    if (aux.length > 0) {
      sink.word(AUX, aux.length);
      sink.bytes(aux);
    }
    prevSample = ann.sample;
    prevChan = ann.chan;
    prevNum = ann.num;
  });
  sink.word(0, 0);
  return sink.result();
}

/** The low 8 bits of a field as a signed value (WFDB stores subtyp and num in a signed char). */
function signed8(data: number): number {
  return ((data & 0xff) << 24) >> 24;
}

/**
 * Decodes an MIT-format annotation file (the format of `.atr` files) as the WFDB library's getann reads
 * it: SKIP adds a 32-bit interval; SUB sets the subtype of the annotation it follows; CHAN and NUM set
 * that annotation's fields and carry over to the following ones; AUX attaches text (cut at the first NUL,
 * one character per byte). Reading stops at the 0 word or at the end of the bytes. Codes without a
 * mnemonic decode as `[n]`; mnemonics the file redefines in leading NOTE annotations at sample 0
 * (`15 c calibration pulse`) apply to the annotations after them, and those NOTEs are returned too.
 * Throws `IoError` on truncated SKIP or AUX data and on pseudo-annotations other than SKIP before the
 * first annotation. AHA-format files are not supported.
 */
export function decodeAnnotations(bytes: Uint8Array, fileName?: string): WfdbAnnotation[] {
  const anns: WfdbAnnotation[] = [];
  const codes: number[] = [];
  let time = 0;
  let chan = 0;
  let num = 0;
  let current: WfdbAnnotation | undefined;
  let pos = 0;
  const need = (n: number, what: string): void => {
    if (pos + n > bytes.length) {
      throw new IoError(`${what} runs past the end of the file`, { file: fileName, field: `byte ${pos}` });
    }
  };
  while (pos + 2 <= bytes.length) {
    const word = bytes[pos] | (bytes[pos + 1] << 8);
    const at = pos;
    pos += 2;
    if (word === 0) break;
    const code = word >>> CODE_SHIFT;
    const data = word & DATA_MASK;
    if (code === SKIP) {
      need(4, 'SKIP interval');
      const high = bytes[pos] | (bytes[pos + 1] << 8);
      const low = bytes[pos + 2] | (bytes[pos + 3] << 8);
      time += (high << 16) | low | 0;
      pos += 4;
      continue;
    }
    if (code < SKIP) {
      time += data;
      current = { sample: time, symbol: annotationSymbol(code), subtype: 0, chan, num, aux: '' };
      anns.push(current);
      codes.push(code);
      continue;
    }
    if (current === undefined) {
      throw new IoError(`pseudo-annotation ${code} before the first annotation`, {
        file: fileName,
        field: `byte ${at}`,
      });
    }
    if (code === SUB) {
      current.subtype = signed8(data);
    } else if (code === CHAN) {
      chan = current.chan = data & 0xff;
    } else if (code === NUM) {
      num = current.num = signed8(data);
    } else {
      const len = data & 0xff; // the WFDB library keeps the low 8 bits as the aux length
      need(len, 'AUX data');
      let text = '';
      for (let i = 0; i < len && bytes[pos + i] !== 0; i++) text += String.fromCharCode(bytes[pos + i]);
      current.aux = text;
      pos = Math.min(bytes.length, pos + len + (len % 2)); // skip the pad byte after odd lengths
    }
  }
  const defs = fileSymbols(anns, (i) => codes[i] === NOTE);
  for (let i = defs.count; i < anns.length && defs.byCode.size > 0; i++) {
    const own = defs.byCode.get(codes[i]);
    if (own !== undefined) anns[i].symbol = own;
  }
  return anns;
}
