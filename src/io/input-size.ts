import { IoError } from './io-error.ts';

/** The default largest input file the readers accept: 1 GB (10^9 bytes). */
export const DEFAULT_MAX_INPUT_BYTES = 1_000_000_000;

/**
 * Refuses an input by its size alone, before any of it is read or decoded: throws `IoError` naming the
 * file when `byteLength` exceeds `maxBytes` (default `DEFAULT_MAX_INPUT_BYTES`). Callers that can stat a
 * file (the CLI, a browser `File`) call it with the size before loading the bytes.
 */
export function checkInputSize(
  byteLength: number,
  fileName?: string,
  maxBytes = DEFAULT_MAX_INPUT_BYTES,
): void {
  if (!(maxBytes >= 0)) {
    throw new IoError(`the size limit ${maxBytes} is not a non-negative number`, { field: 'maxBytes' });
  }
  if (byteLength > maxBytes) {
    throw new IoError(`the file is ${byteLength} bytes, over the ${maxBytes}-byte limit`, {
      file: fileName,
      field: 'size',
    });
  }
}
