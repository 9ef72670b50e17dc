/**
 * Reading a kept item's Blob into bytes (the workspace restore's read): every byte arrives in order
 * through the byte stream, into a fresh buffer or the start of one prepared ahead, with progress up
 * to the total; a prepared buffer too small for the Blob is refused.
 */
import { describe, expect, it } from 'vitest';
import { readBlobBytes } from '../../src/workspace/blob-read.ts';

/** A Blob of `n` bytes in several parts, byte i = (i * 7 + 3) mod 251. */
function patternBlob(n: number): { blob: Blob; bytes: Uint8Array } {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = (i * 7 + 3) % 251;
  const parts = [bytes.subarray(0, n / 3), bytes.subarray(n / 3, n / 2), bytes.subarray(n / 2)];
  return { blob: new Blob(parts), bytes };
}

describe('readBlobBytes', () => {
  const n = 9 * 1024 * 1024 + 6; // over two 4-MiB steps, not a multiple of one
  const { blob, bytes } = patternBlob(n);

  it('reads every byte in order into a fresh buffer, reporting progress up to the total', async () => {
    const seen: number[] = [];
    const got = await readBlobBytes(blob, (done, total) => {
      expect(total).toBe(n);
      seen.push(done);
    });
    expect(got.byteLength).toBe(n);
    expect(Buffer.from(got).equals(Buffer.from(bytes))).toBe(true);
    expect(seen.at(-1)).toBe(n);
    expect(seen.every((d, i) => i === 0 || d > seen[i - 1])).toBe(true);
  });

  it('reads into the start of a larger prepared buffer and returns a view of exactly the Blob', async () => {
    const prepared = new ArrayBuffer(n + 5000);
    const got = await readBlobBytes(blob, undefined, prepared);
    expect(got.byteOffset).toBe(0);
    expect(got.byteLength).toBe(n);
    expect(got.buffer.byteLength).toBe(n + 5000);
    expect(Buffer.from(got).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a prepared buffer smaller than the Blob', async () => {
    await expect(readBlobBytes(blob, undefined, new ArrayBuffer(n - 1))).rejects.toThrow(
      `a ${n - 1}-byte buffer cannot hold ${n} bytes`,
    );
  });

  it('reads an empty Blob as no bytes', async () => {
    expect((await readBlobBytes(new Blob([]))).byteLength).toBe(0);
  });
});
