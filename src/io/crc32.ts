/**
 * CRC-32 as zip, gzip and PNG use it (ISO-HDLC: reflected polynomial 0xEDB88320, initial value and
 * final xor 0xFFFFFFFF), by slicing-by-16 over 32-bit words, and `crc32Combine`, the CRC of two
 * concatenated blocks from their CRCs and the second block's length (so workers can checksum their
 * parts of one file and the writer joins them without reading the bytes again).
 */

const POLY = 0xedb88320;
const SLICES = 16;

/** TABLE[k * 256 + b]: the CRC register after byte b followed by k zero bytes. */
const TABLE = makeTable();

function makeTable(): Int32Array {
  const t = new Int32Array(SLICES * 256);
  for (let b = 0; b < 256; b++) {
    let c = b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t[b] = c;
  }
  for (let k = 1; k < SLICES; k++) {
    for (let b = 0; b < 256; b++) {
      const prev = t[(k - 1) * 256 + b];
      t[k * 256 + b] = (prev >>> 8) ^ t[prev & 0xff];
    }
  }
  return t;
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Advance the (pre-inverted) register `c` over bytes[from, to) one byte at a time. */
function bytewise(c: number, bytes: Uint8Array, from: number, to: number): number {
  const t = TABLE;
  for (let i = from; i < to; i++) c = (c >>> 8) ^ t[(c ^ bytes[i]) & 0xff];
  return c;
}

/** Advance the register over `words` (little-endian 32-bit words, a multiple of 4 of them). */
function sliced(c: number, words: Int32Array): number {
  const t = TABLE;
  const n = words.length;
  for (let i = 0; i < n; i += 4) {
    const w0 = words[i] ^ c;
    const w1 = words[i + 1];
    const w2 = words[i + 2];
    const w3 = words[i + 3];
    c =
      t[3840 + (w0 & 0xff)] ^
      t[3584 + ((w0 >>> 8) & 0xff)] ^
      t[3328 + ((w0 >>> 16) & 0xff)] ^
      t[3072 + (w0 >>> 24)] ^
      t[2816 + (w1 & 0xff)] ^
      t[2560 + ((w1 >>> 8) & 0xff)] ^
      t[2304 + ((w1 >>> 16) & 0xff)] ^
      t[2048 + (w1 >>> 24)] ^
      t[1792 + (w2 & 0xff)] ^
      t[1536 + ((w2 >>> 8) & 0xff)] ^
      t[1280 + ((w2 >>> 16) & 0xff)] ^
      t[1024 + (w2 >>> 24)] ^
      t[768 + (w3 & 0xff)] ^
      t[512 + ((w3 >>> 8) & 0xff)] ^
      t[256 + ((w3 >>> 16) & 0xff)] ^
      t[w3 >>> 24];
  }
  return c;
}

/**
 * The CRC-32 of `bytes`, or, given the CRC of earlier bytes as `crc`, of those bytes followed by these
 * (so `crc32(b, crc32(a))` equals the CRC of a then b). Returns an unsigned 32-bit integer.
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  const n = bytes.length;
  let i = 0;
  if (LITTLE_ENDIAN_HOST && n >= 64) {
    // Bytes up to a 4-byte boundary, then blocks of 16 bytes read as words, then the rest.
    const head = (4 - (bytes.byteOffset & 3)) & 3;
    c = bytewise(c, bytes, 0, head);
    i = head;
    const nWords = ((n - head) >>> 4) << 2;
    c = sliced(c, new Int32Array(bytes.buffer, bytes.byteOffset + head, nWords));
    i += nWords * 4;
  }
  c = bytewise(c, bytes, i, n);
  return ~c >>> 0;
}

/** a·b modulo the CRC polynomial, both in the reflected representation (bit 31 is x^0). */
function multiplyModPoly(a: number, b: number): number {
  let product = 0;
  for (let m = 0x80000000; m !== 0; m >>>= 1) {
    if (a & m) product ^= b;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return product >>> 0;
}

/** X2N[k] = x^(2^k) modulo the polynomial (reflected), for k = 0…63. */
const X2N = makeX2n();

function makeX2n(): Uint32Array {
  const t = new Uint32Array(64);
  t[0] = 0x40000000; // x^1
  for (let k = 1; k < 64; k++) t[k] = multiplyModPoly(t[k - 1], t[k - 1]);
  return t;
}

/** x^(8·byteCount) modulo the polynomial: the operator that shifts a CRC over `byteCount` zero bytes. */
function shiftOperator(byteCount: number): number {
  let p = 0x80000000; // x^0
  let k = 3; // 8 = 2^3
  for (let n = byteCount; n > 0; n = Math.floor(n / 2), k++) {
    if (n % 2 === 1) p = multiplyModPoly(X2N[k & 63], p);
  }
  return p;
}

/**
 * The CRC-32 of block A followed by block B, from `crcA`, `crcB` and B's length in bytes (any safe
 * integer). Equivalent to zlib's crc32_combine; costs O(log lengthB), never reads the bytes.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (!Number.isSafeInteger(lengthB) || lengthB < 0) {
    throw new RangeError(`crc32Combine: length ${lengthB} is not a non-negative integer`);
  }
  return (multiplyModPoly(shiftOperator(lengthB), crcA >>> 0) ^ crcB) >>> 0;
}
