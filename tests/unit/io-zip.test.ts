// The streaming zip writer: CRC-32 against zlib, our own central directory read back, Debian's
// `unzip -t` and Python's zipfile on a small archive and on ZIP64 archives (by entry count and by size).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Combine } from '../../src/io/crc32.ts';
import { encodeUtf8 } from '../../src/io/utf8-encode.ts';
import { readZipDirectory, zipEntryData } from '../../src/io/zip-read.ts';
import { ZipWriter } from '../../src/io/zip.ts';

const work = mkdtempSync(join(tmpdir(), 'pqrst-zip-'));
const hasUnzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;
const hasPython = spawnSync('python3', ['-c', 'import zipfile'], { encoding: 'utf8' }).status === 0;

/** A sink that keeps every chunk (for small archives). */
function memorySink() {
  const chunks: Uint8Array[] = [];
  return {
    chunks,
    write(c: Uint8Array) {
      chunks.push(c);
    },
    bytes(): Uint8Array {
      return Buffer.concat(chunks);
    },
  };
}

function pseudoRandomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function unzipTest(file: string): { code: number | null; out: string } {
  const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout + r.stderr };
}

function pythonTestzip(file: string): string {
  const script = `import zipfile, sys
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
print(len(z.infolist()), bad, z.infolist()[0].date_time)`;
  return execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim();
}

describe('crc32', () => {
  it('matches the check values and zlib at every length and alignment', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(encodeUtf8('123456789'))).toBe(0xcbf43926);
    expect(crc32(encodeUtf8('a'))).toBe(0xe8b7be43);
    const data = pseudoRandomBytes(70_000, 7);
    for (const [from, to] of [
      [0, 63],
      [0, 64],
      [1, 65],
      [3, 1000],
      [2, 70_000],
      [5, 69_999],
    ]) {
      const view = data.subarray(from, to);
      expect(crc32(view), `${from}-${to}`).toBe(zlib.crc32(view));
    }
    expect(crc32(data.subarray(10, 500), crc32(data.subarray(0, 10)))).toBe(
      zlib.crc32(data.subarray(0, 500)),
    );
  });

  it('crc32Combine equals the CRC of the concatenation', () => {
    const data = pseudoRandomBytes(300_000, 11);
    for (const cut of [0, 1, 17, 4096, 123_457, 300_000]) {
      const a = data.subarray(0, cut);
      const b = data.subarray(cut);
      expect(crc32Combine(crc32(a), crc32(b), b.length), `cut ${cut}`).toBe(zlib.crc32(data));
    }
    // Many zero blocks joined by combine equal one pass over all of them.
    const zeros = new Uint8Array(1 << 20);
    const one = crc32(zeros);
    let joined = one;
    for (let i = 1; i < 5; i++) joined = crc32Combine(joined, one, zeros.length);
    expect(joined).toBe(zlib.crc32(new Uint8Array(5 << 20)));
  });
});

describe('ZipWriter', () => {
  async function smallArchive(): Promise<Uint8Array> {
    const sink = memorySink();
    const zip = new ZipWriter(sink);
    await zip.addFile('labels.csv', encodeUtf8('row,record\n0,nsr_000000\n'));
    const dat = pseudoRandomBytes(10_000, 3);
    await zip.addFile('wfdb/nsr_000000.dat', dat, zlib.crc32(dat));
    await zip.addFile('empty.txt', new Uint8Array(0));
    // A streamed entry of known size without a CRC: chunks with their CRCs, then a data descriptor.
    const big = pseudoRandomBytes(50_000, 5);
    await zip.beginFile('signals.npy', big.length);
    await zip.writeData(big.subarray(0, 128), crc32(big.subarray(0, 128)));
    await zip.writeData(big.subarray(128, 20_000));
    await zip.writeData(big.subarray(20_000), crc32(big.subarray(20_000)));
    await zip.endFile();
    await zip.addFile('README.txt', encodeUtf8('σ ± 1 µV\n'));
    const summary = await zip.finish();
    const bytes = sink.bytes();
    expect(summary).toEqual({ entries: 5, archiveBytes: bytes.length, zip64: false });
    return bytes;
  }

  it('reads back: names, sizes, CRCs, fixed date 1980-01-01 00:00, stored data; same calls → same bytes', async () => {
    const bytes = await smallArchive();
    expect(Buffer.from(await smallArchive()).equals(Buffer.from(bytes))).toBe(true);
    const dir = readZipDirectory(bytes);
    expect(dir.zip64).toBe(false);
    expect(dir.entries.map((e) => e.path)).toEqual([
      'labels.csv',
      'wfdb/nsr_000000.dat',
      'empty.txt',
      'signals.npy',
      'README.txt',
    ]);
    for (const e of dir.entries) {
      const data = zipEntryData(bytes, e);
      expect(e.method).toBe(0);
      expect(e.dosDate).toBe((1 << 5) | 1);
      expect(e.dosTime).toBe(0);
      expect(e.compressedBytes).toBe(e.sizeBytes);
      expect(data.length).toBe(e.sizeBytes);
      expect(zlib.crc32(data), e.path).toBe(e.crc32);
    }
    const npy = dir.entries[3];
    expect(npy.flags & 8).toBe(8); // data descriptor
    expect(Buffer.from(zipEntryData(bytes, npy)).equals(Buffer.from(pseudoRandomBytes(50_000, 5)))).toBe(
      true,
    );
    expect(dir.entries[4].flags & 0x800).toBe(0); // ASCII names need no UTF-8 flag
  });

  it.skipIf(!hasUnzip)('passes `unzip -t` [skipped without /usr/bin/unzip]', async () => {
    const file = join(work, 'small.zip');
    writeFileSync(file, await smallArchive());
    const r = unzipTest(file);
    expect(r.out).toContain('No errors detected');
    expect(r.code).toBe(0);
  });

  it.skipIf(!hasPython)('passes Python zipfile.testzip [skipped without python3]', async () => {
    const file = join(work, 'small-py.zip');
    writeFileSync(file, await smallArchive());
    expect(pythonTestzip(file)).toBe('5 None (1980, 1, 1, 0, 0, 0)');
  });

  it('refuses bad paths and wrong sizes, naming the entry', async () => {
    const zip = new ZipWriter(memorySink());
    await expect(zip.addFile('/abs', new Uint8Array(1))).rejects.toThrow(
      /zip entry "\/abs": must be a relative/,
    );
    await expect(zip.addFile('a/../b', new Uint8Array(1))).rejects.toThrow(/zip entry "a\/..\/b"/);
    await zip.beginFile('x.bin', 4);
    await expect(zip.writeData(new Uint8Array(5))).rejects.toThrow(
      /zip entry "x.bin": more than the declared 4/,
    );
    await zip.writeData(new Uint8Array(3));
    await expect(zip.endFile()).rejects.toThrow(/zip entry "x.bin": 3 bytes written, 4 declared/);
  });

  it('uses the ZIP64 end records past 65,535 entries, and unzip -t and Python accept it', async () => {
    const file = join(work, 'many.zip');
    const sink = memorySink();
    const zip = new ZipWriter(sink);
    const n = 65_540;
    for (let i = 0; i < n; i++) await zip.addFile(`e/${i}.txt`, encodeUtf8(String(i)));
    const summary = await zip.finish();
    expect(summary.zip64).toBe(true);
    const bytes = sink.bytes();
    const dir = readZipDirectory(bytes);
    expect(dir.zip64).toBe(true);
    expect(dir.entries.length).toBe(n);
    expect(dir.entries[n - 1].path).toBe(`e/${n - 1}.txt`);
    expect(new TextDecoder().decode(zipEntryData(bytes, dir.entries[n - 1]))).toBe(String(n - 1));
    // The 16-bit count fields of the classic end record say "see ZIP64".
    const eocd = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 22, 22);
    expect(eocd.getUint32(0, true)).toBe(0x06054b50);
    expect(eocd.getUint16(10, true)).toBe(0xffff);
    writeFileSync(file, bytes);
    if (hasUnzip) {
      const r = unzipTest(file);
      expect(r.out).toContain('No errors detected');
      expect(r.code).toBe(0);
    } else {
      console.warn('unzip -t skipped: /usr/bin/unzip is absent');
    }
    if (hasPython) expect(pythonTestzip(file).split(' ')[0]).toBe(String(n));
  }, 60_000);

  it('writes ZIP64 sizes and offsets for an entry past 4 GiB (streamed with and without a declared CRC)', async () => {
    // The 4.3 GB of zeros are counted, not kept: the sink keeps only small chunks (headers, directory).
    const block = new Uint8Array(64 << 20);
    const blockCrc = crc32(block);
    const blocks = 66; // 4.43 GB > 4 GiB
    const size = blocks * block.length;
    let wholeCrc = blockCrc;
    for (let i = 1; i < blocks; i++) wholeCrc = crc32Combine(wholeCrc, blockCrc, block.length);
    for (const declared of [true, false]) {
      let offset = 0;
      const small: { offset: number; bytes: Uint8Array }[] = [];
      const zip = new ZipWriter({
        write(c) {
          if (c.length < 1 << 20) small.push({ offset, bytes: c.slice() });
          offset += c.length;
        },
      });
      await zip.addFile('first.txt', encodeUtf8('first'));
      await zip.beginFile('signals.npy', size, declared ? wholeCrc : undefined);
      for (let i = 0; i < blocks; i++) await zip.writeData(block, blockCrc);
      await zip.endFile();
      await zip.addFile('after.txt', encodeUtf8('after'));
      const summary = await zip.finish();
      expect(summary.zip64).toBe(true);
      // The archive's tail: every small chunk written after the big entry's data.
      const tailStart = small.find((s) => s.offset > size)!.offset;
      const tail = Buffer.concat(small.filter((s) => s.offset >= tailStart).map((s) => s.bytes));
      expect(tailStart + tail.length).toBe(summary.archiveBytes);
      const dir = readZipDirectory(tail, tailStart);
      const [first, npy, after] = dir.entries;
      expect(first).toMatchObject({ path: 'first.txt', offset: 0, sizeBytes: 5 });
      expect(npy).toMatchObject({
        path: 'signals.npy',
        sizeBytes: size,
        compressedBytes: size,
        crc32: wholeCrc,
      });
      expect(after.path).toBe('after.txt');
      expect(after.offset).toBeGreaterThan(2 ** 32);
      expect(after.offset).toBe(tailStart + (declared ? 0 : 24));
      // The local header of the big entry: a ZIP64 extra with both sizes, or (bit 3) a 24-byte descriptor.
      const local = small.find((s) => s.offset === npy.offset)!.bytes;
      const lv = new DataView(local.buffer);
      if (declared) {
        expect(lv.getUint32(18, true)).toBe(0xffffffff);
        expect(lv.getUint16(28, true)).toBe(20);
        expect(lv.getUint32(30 + 11 + 4, true) + lv.getUint32(30 + 11 + 8, true) * 2 ** 32).toBe(size);
      } else {
        expect(lv.getUint16(6, true) & 8).toBe(8);
        const dd = new DataView(tail.buffer, tail.byteOffset, 24);
        expect(dd.getUint32(0, true)).toBe(0x08074b50);
        expect(dd.getUint32(4, true)).toBe(wholeCrc);
        expect(dd.getUint32(8, true) + dd.getUint32(12, true) * 2 ** 32).toBe(size);
      }
    }
  }, 60_000);
});
