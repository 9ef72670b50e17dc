/**
 * Read a Blob (a kept item's binary part, its IndexedDB chunks joined) into one ArrayBuffer, reporting
 * progress. The browser streams the bytes straight into the buffer (a BYOB reader), so a 200-MB import
 * costs one copy and the page stays responsive; browsers without byte streams read it in one go.
 * A caller may pass the buffer to read into (allocated and touched ahead of time).
 */

/** Bytes read so far of the total. */
export type ReadProgress = (doneBytes: number, totalBytes: number) => void;

/** Largest piece asked of the stream at once. */
const STEP_BYTES = 4 * 1024 * 1024;

function byobReader(blob: Blob): ReadableStreamBYOBReader | null {
  try {
    return blob.stream().getReader({ mode: 'byob' });
  } catch {
    return null;
  }
}

/**
 * All of `blob` as bytes; `onProgress` is called after each piece. With `into` (at least `blob.size`
 * bytes long), the bytes are the start of that buffer (which the read detaches: use the result's).
 */
export async function readBlobBytes(
  blob: Blob,
  onProgress?: ReadProgress,
  into?: ArrayBuffer,
): Promise<Uint8Array> {
  const total = blob.size;
  const reader = total > 0 ? byobReader(blob) : null;
  if (reader === null) {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    onProgress?.(bytes.byteLength, total);
    return bytes;
  }
  if (into !== undefined && into.byteLength < total)
    throw new Error(`a ${into.byteLength}-byte buffer cannot hold ${total} bytes`);
  let buffer = into ?? new ArrayBuffer(total);
  let at = 0;
  try {
    while (at < total) {
      const { done, value } = await reader.read(new Uint8Array(buffer, at, Math.min(STEP_BYTES, total - at)));
      if (value !== undefined) {
        buffer = value.buffer as ArrayBuffer;
        at += value.byteLength;
      }
      if (done) break;
      onProgress?.(at, total);
    }
  } finally {
    reader.releaseLock();
  }
  if (at !== total) throw new Error(`read ${at} of ${total} bytes`);
  return new Uint8Array(buffer, 0, total);
}
