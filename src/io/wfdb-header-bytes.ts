import { checkInputSize } from './input-size.ts';
import { IoError } from './io-error.ts';
import { decodeUtf8 } from './text-decode.ts';
import { parseHeader, type WfdbHeader } from './wfdb-header.ts';

/** Headers are small text files; anything larger than this is not a header. */
const MAX_HEADER_BYTES = 16 * 1024 * 1024;

/** Whether a byte may appear in a text header: printable, tab, line feed, carriage return, form feed. */
function isTextByte(b: number): boolean {
  return b >= 0x20 ? b !== 0x7f : b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c;
}

/**
 * The text of a WFDB header file: refuses an empty file, a file over `maxBytes` (checked first, by its
 * size; at most 16 MiB in any case) and binary junk (control bytes such as NUL), naming the file, the
 * byte offset and the line; decodes UTF-8, falling back to Latin-1 for legacy 8-bit text.
 */
export function headerTextFromBytes(bytes: Uint8Array, fileName?: string, maxBytes?: number): string {
  checkInputSize(bytes.length, fileName, Math.min(maxBytes ?? MAX_HEADER_BYTES, MAX_HEADER_BYTES));
  if (bytes.length === 0) throw new IoError('the file is empty', { file: fileName });
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    if (!isTextByte(b)) {
      const hex = b.toString(16).padStart(2, '0');
      throw new IoError(`binary junk (byte 0x${hex} at offset ${i}): not a text header`, {
        file: fileName,
        field: `line ${line}`,
      });
    }
  }
  return decodeUtf8(bytes);
}

/**
 * Parses a WFDB header file from its bytes: `headerTextFromBytes` (size, emptiness, binary junk) then
 * `parseHeader`. Throws `IoError` naming the file and the reason.
 */
export function parseHeaderBytes(bytes: Uint8Array, fileName?: string, maxBytes?: number): WfdbHeader {
  return parseHeader(headerTextFromBytes(bytes, fileName, maxBytes), fileName);
}
