// Framed zip entries (io/zip-framed.ts): the same archive bytes as adding each file, entries read back,
// reused buffers, and refusals.
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/io/crc32.ts';
import { IoError } from '../../src/io/io-error.ts';
import { readZipDirectory } from '../../src/io/zip-read.ts';
import { frameZipEntries, framedFiles } from '../../src/io/zip-framed.ts';
import { ZipWriter } from '../../src/io/zip.ts';

/** A sink that keeps a copy of every chunk. */
function memorySink() {
  const chunks: Uint8Array[] = [];
  return {
    write(c: Uint8Array) {
      chunks.push(c.slice());
    },
    bytes: () => Buffer.concat(chunks),
  };
}

function file(path: string, n: number, seed: number) {
  const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) & 0xff);
  return { path, data, crc32: crc32(data) };
}

const batchA = [file('wfdb/a.hea', 90, 1), file('wfdb/a.dat', 1000, 2), file('wfdb/a.atr', 0, 3)];
const batchB = [file('csv/é_1.csv', 300, 4), file('wfdb/b.fid', 17, 5)];

describe('frameZipEntries', () => {
  it('gives the same archive as addFile for each file, before, between and after other entries', async () => {
    const plain = memorySink();
    const zipA = new ZipWriter(plain);
    await zipA.addFile('recipe.json', Uint8Array.of(123, 125));
    for (const f of batchA) await zipA.addFile(f.path, f.data, f.crc32);
    await zipA.addFile('between.txt', Uint8Array.of(1, 2, 3));
    for (const f of batchB) await zipA.addFile(f.path, f.data, f.crc32);
    const summaryA = await zipA.finish();

    const framed = memorySink();
    const zipB = new ZipWriter(framed);
    await zipB.addFile('recipe.json', Uint8Array.of(123, 125));
    await zipB.addFramedFiles(frameZipEntries(batchA));
    await zipB.addFile('between.txt', Uint8Array.of(1, 2, 3));
    await zipB.addFramedFiles(frameZipEntries(batchB));
    await zipB.addFramedFiles(frameZipEntries([]));
    const summaryB = await zipB.finish();

    expect(summaryB).toEqual(summaryA);
    expect(Buffer.compare(framed.bytes(), plain.bytes())).toBe(0);
    const entries = readZipDirectory(framed.bytes()).entries;
    expect(entries.map((e) => e.path)).toContain('wfdb/b.fid');
    expect(entries).toHaveLength(7);
  });

  it('reads its files back, and fills a large enough buffer instead of a new one', () => {
    const reuse = new ArrayBuffer(4096);
    const block = frameZipEntries(batchB, reuse);
    expect(block.buffer).toBe(reuse);
    expect(framedFiles(block)).toEqual(batchB);
    const grown = frameZipEntries(batchA, new ArrayBuffer(10));
    expect(grown.buffer.byteLength).toBeGreaterThan(grown.length);
  });

  it('refuses a path addFile refuses, and bytes that are not framed entries', async () => {
    expect(() => frameZipEntries([file('../x', 1, 1)])).toThrow(IoError);
    const block = frameZipEntries(batchA);
    const zip = new ZipWriter(memorySink());
    await expect(zip.addFramedFiles(block.subarray(0, block.length - 1))).rejects.toThrow(/runs past/);
    await expect(zip.addFramedFiles(block.subarray(1))).rejects.toThrow(/no local header/);
  });
});
