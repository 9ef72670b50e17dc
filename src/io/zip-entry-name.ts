/** Zip entry names: the path check and UTF-8 bytes shared by the writer and the entry framer. */
import { IoError } from './io-error.ts';
import { encodeUtf8 } from './utf8-encode.ts';

/** Whether `path` is a relative '/'-separated path without empty, '.' or '..' segments, '\\' or NUL. */
function isCleanPath(path: string): boolean {
  let segmentStart = 0;
  for (let i = 0; i <= path.length; i++) {
    const c = i < path.length ? path.charCodeAt(i) : 0x2f;
    if (c === 0x5c || c === 0) return false;
    if (c === 0x2f) {
      const len = i - segmentStart;
      if (len === 0) return false;
      if (
        len <= 2 &&
        path.charCodeAt(segmentStart) === 0x2e &&
        (len === 1 || path.charCodeAt(i - 1) === 0x2e)
      ) {
        return false;
      }
      segmentStart = i + 1;
    }
  }
  return true;
}

/** Check an entry path and return its UTF-8 name (at most 65,535 bytes). */
export function entryName(path: string): Uint8Array {
  if (!isCleanPath(path)) {
    throw new IoError('must be a relative path with no empty, "." or ".." segments, backslash or NUL', {
      field: `zip entry "${path}"`,
    });
  }
  const name = encodeUtf8(path);
  if (name.length > 0xffff)
    throw new IoError('name is longer than 65,535 bytes', { field: `zip entry "${path}"` });
  return name;
}
