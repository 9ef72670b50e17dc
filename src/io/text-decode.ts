/**
 * Bytes to text without `TextDecoder` (the pure modules compile against ES2022 only): Latin-1 and a
 * lenient UTF-8 decoder.
 */

const CHUNK = 8192;

/** Decodes bytes as Latin-1 (ISO 8859-1): each byte is the character of the same code. */
export function decodeLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)));
  }
  return out;
}

/** The length of a valid UTF-8 sequence starting at `i`, or 0 when the bytes there are not one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  let n: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) [n, min] = [2, 0x80];
  else if (b0 >= 0xe0 && b0 <= 0xef) [n, min] = [3, 0x800];
  else if (b0 >= 0xf0 && b0 <= 0xf4) [n, min] = [4, 0x10000];
  else return 0;
  if (i + n > bytes.length) return 0;
  let cp = b0 & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const b = bytes[i + k];
    if ((b & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (b & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

/**
 * Decodes bytes as UTF-8. Where the bytes are not valid UTF-8 (a file written in a legacy 8-bit
 * code page), the whole text is decoded as Latin-1 instead, so that no byte is lost or replaced.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return decodeLatin1(bytes);
  const codes: number[] = [];
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      codes.push(b0);
      i++;
    } else {
      const n = utf8SequenceLength(bytes, i);
      if (n === 0) return decodeLatin1(bytes);
      let cp = b0 & (0xff >> (n + 1));
      for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
      if (cp >= 0x10000) codes.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
      else codes.push(cp);
      i += n;
    }
    if (codes.length >= CHUNK) {
      out += String.fromCharCode.apply(null, codes);
      codes.length = 0;
    }
  }
  return out + String.fromCharCode.apply(null, codes);
}
