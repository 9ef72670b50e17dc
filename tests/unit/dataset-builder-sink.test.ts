// The studio's archive sink (src/app/dataset-sink.ts) with a slow disk that takes over each block's
// buffer, as the writer worker does: every byte arrives once and in order, the bytes waiting for the
// disk stay bounded, a failed write is reported instead of hanging, and discard aborts and cleans up.
import { describe, expect, it } from 'vitest';
import { ADOPT_MIN_BYTES, bufferedSink, FLUSH_BYTES, MAX_QUEUED_BYTES } from '../../src/app/dataset-sink.ts';
import {
  STAGING_MAX_BYTES,
  stagingFits,
  streamWriter,
  type FileWriter,
} from '../../src/app/dataset-file-writer.ts';
import { crc32 } from '../../src/io/crc32.ts';

const MIB = 1 << 20;

/** A disk taking `delayMs` per write, which detaches the buffers it is given (a transfer). */
function slowDisk(delayMs: number, failAt = -1) {
  const disk = { crc: 0, bytes: 0, writes: 0, closed: false, aborted: false };
  const writer: FileWriter = {
    async write(block) {
      if (disk.writes++ === failAt) throw new Error('disk full');
      disk.crc = crc32(block, disk.crc);
      disk.bytes += block.length;
      structuredClone(block, { transfer: [block.buffer as ArrayBuffer] }); // now detached
      await new Promise((r) => setTimeout(r, delayMs));
    },
    async close() {
      disk.closed = true;
    },
    async abort() {
      disk.aborted = true;
    },
    takeFree: () => undefined,
  };
  return { disk, writer };
}

/**
 * A disk that hands each written block back once written (as the writer worker does), recording
 * every distinct buffer it was given.
 */
function recyclingDisk(delayMs: number) {
  const disk = { crc: 0, bytes: 0, writes: 0, buffers: new Set<ArrayBufferLike>() };
  const free: Uint8Array<ArrayBuffer>[] = [];
  const writer: FileWriter = {
    async write(block) {
      disk.writes++;
      disk.buffers.add(block.buffer);
      await new Promise((r) => setTimeout(r, delayMs));
      disk.crc = crc32(block, disk.crc); // read when written, as a disk would: a refill before would show
      disk.bytes += block.length;
      free.push(block as Uint8Array<ArrayBuffer>);
    },
    close: async () => {},
    abort: async () => {},
    takeFree: () => free.pop(),
  };
  return { disk, writer };
}

/**
 * A disk that adopts chunks (as the writer worker does): it records each write's bytes, whether it was
 * an adopted chunk, and its buffer; written buffers come back (stage blocks to `takeFree`, adopted ones
 * to `takeReturned`) after `delayMs`.
 */
function adoptingDisk(delayMs: number) {
  const disk = { crc: 0, bytes: 0, writes: [] as { adopted: boolean; size: number; buffer: ArrayBuffer }[] };
  const free: Uint8Array<ArrayBuffer>[] = [];
  const returned: ArrayBuffer[] = [];
  const writer: FileWriter = {
    async write(block, adopted = false) {
      const own = structuredClone(block, { transfer: [block.buffer as ArrayBuffer] }); // a transfer
      disk.writes.push({ adopted, size: own.length, buffer: own.buffer as ArrayBuffer });
      await new Promise((r) => setTimeout(r, delayMs));
      disk.crc = crc32(own, disk.crc);
      disk.bytes += own.length;
      if (adopted) returned.push(own.buffer as ArrayBuffer);
      else free.push(own as Uint8Array<ArrayBuffer>);
    },
    close: async () => {},
    abort: async () => {},
    takeFree: () => free.pop(),
    takeReturned: () => returned.shift(),
  };
  return { disk, writer };
}

/** A sink over `writer` whose commit returns no file and whose clean-up does nothing. */
function plainSink(writer: FileWriter, fileName: string, destination: 'download' | 'file' = 'download') {
  return bufferedSink(
    destination,
    fileName,
    writer,
    async () => null,
    async () => {},
  );
}

/** Chunk `i` of `size` bytes, written into `into` when given (a reused buffer) or a new one. */
function chunk(i: number, size: number, into?: Uint8Array): Uint8Array {
  const c = into ? into.subarray(0, size) : new Uint8Array(size);
  for (let k = 0; k < size; k += 4096) c.fill((i * 7 + k) & 0xff, k, Math.min(size, k + 4096));
  return c;
}

describe('the archive sink', () => {
  it('writes every byte in order, holding a bounded amount, with each chunk reused by its owner', async () => {
    const { disk, writer } = slowDisk(5);
    let cleaned = false;
    const sink = bufferedSink(
      'download',
      'a.zip',
      writer,
      async () => null,
      async () => void (cleaned = true),
    );
    let crc = 0;
    let handed = 0;
    let maxHeld = 0;
    const reused = new Uint8Array(MIB + 17); // refilled as soon as each write resolved
    for (let i = 0; i < 260; i++) {
      const c = chunk(i, i % 3 === 0 ? MIB + 17 : 300_000, reused);
      crc = crc32(c, crc);
      handed += c.length;
      await sink.write(c);
      maxHeld = Math.max(maxHeld, handed - disk.bytes);
    }
    await sink.commit();
    expect(disk.closed).toBe(true);
    expect(disk.bytes).toBe(handed);
    expect(sink.bytesWritten).toBe(handed);
    expect(disk.crc).toBe(crc);
    expect(handed).toBeGreaterThan(3 * MAX_QUEUED_BYTES);
    expect(maxHeld).toBeLessThanOrEqual(MAX_QUEUED_BYTES + FLUSH_BYTES + 2 * MIB);
    expect(cleaned).toBe(false);
  });

  it('refills the blocks the writer handed back: every byte in order, a handful of buffers in all', async () => {
    const { disk, writer } = recyclingDisk(3);
    const sink = plainSink(writer, 'r.zip');
    let crc = 0;
    let handed = 0;
    for (let i = 0; i < 200; i++) {
      const c = chunk(i, 700_000 + i);
      crc = crc32(c, crc);
      handed += c.length;
      await sink.write(c);
    }
    await sink.commit();
    expect(disk.bytes).toBe(handed);
    expect(disk.crc).toBe(crc);
    expect(disk.writes).toBeGreaterThan(30);
    // At most the blocks that can wait for the disk at once, the stage and the last (partial) block.
    expect(disk.buffers.size).toBeLessThanOrEqual(MAX_QUEUED_BYTES / FLUSH_BYTES + 3);
  });

  it('takes large chunks over whole where the writer adopts them, after the small ones before them', async () => {
    const { disk, writer } = adoptingDisk(2);
    const sink = plainSink(writer, 'd.zip');
    let crc = 0;
    let handed = 0;
    const big: ArrayBufferLike[] = [];
    let back = 0;
    for (let i = 0; i < 60; i++) {
      // A 30-byte header, then a batch of ADOPT_MIN_BYTES or more that is its whole buffer.
      const header = chunk(1000 + i, 30);
      const batchBuffer = new Uint8Array(ADOPT_MIN_BYTES + 4096 * (i % 3));
      const batch = chunk(i, ADOPT_MIN_BYTES + 4096 * (i % 3), batchBuffer);
      for (const c of [header, batch]) {
        crc = crc32(c, crc);
        handed += c.length;
      }
      await sink.write(header);
      await sink.write(batch);
      expect(batch.byteLength).toBe(0); // the sink took the buffer over: the owner cannot refill it
      expect(header.byteLength).toBe(30); // small chunks are copied
      big.push(batchBuffer.buffer);
      for (let b = sink.takeReturned(); b !== undefined; b = sink.takeReturned()) back++;
    }
    await sink.commit();
    for (let b = sink.takeReturned(); b !== undefined; b = sink.takeReturned()) back++;
    expect(disk.bytes).toBe(handed);
    expect(disk.crc).toBe(crc);
    const adopted = disk.writes.filter((w) => w.adopted);
    expect(adopted.length).toBe(60);
    // Each batch's buffer reached the disk whole (its own memory, not a copy into a block) and came back.
    expect(adopted.every((w, i) => w.size === ADOPT_MIN_BYTES + 4096 * (i % 3))).toBe(true);
    expect(adopted.every((w, i) => w.buffer.byteLength === ADOPT_MIN_BYTES + 4096 * (i % 3))).toBe(true);
    expect(back).toBe(60);
    expect(big.every((b) => b.byteLength === 0)).toBe(true);
  });

  it('copies large views that share their buffer (an arena of several files) instead of taking it', async () => {
    const { disk, writer } = adoptingDisk(1);
    const sink = plainSink(writer, 'e.zip');
    const arena = new Uint8Array(3 * ADOPT_MIN_BYTES);
    const files = [0, 1, 2].map((k) => chunk(k, ADOPT_MIN_BYTES, arena.subarray(k * ADOPT_MIN_BYTES)));
    const crc = files.reduce((c, f) => crc32(f, c), 0);
    for (const f of files) await sink.write(f);
    await sink.commit();
    expect(arena.byteLength).toBe(3 * ADOPT_MIN_BYTES); // still the owner's
    expect(disk.writes.some((w) => w.adopted)).toBe(false);
    expect(disk.bytes).toBe(3 * ADOPT_MIN_BYTES);
    expect(disk.crc).toBe(crc);
  });

  it('reports a failed write on the next call instead of waiting for ever', async () => {
    const { disk, writer } = slowDisk(1, 2);
    const sink = plainSink(writer, 'b.zip', 'file');
    const run = async () => {
      for (let i = 0; i < 40; i++) await sink.write(chunk(i, 2 * MIB));
      await sink.commit();
    };
    await expect(run()).rejects.toThrow('disk full');
    expect(disk.closed).toBe(false);
    await sink.discard();
    expect(disk.aborted).toBe(true);
  });

  it('discard aborts the file and removes the temporary one', async () => {
    const { disk, writer } = slowDisk(1);
    let cleaned = false;
    const sink = bufferedSink(
      'download',
      'c.zip',
      writer,
      async () => null,
      async () => void (cleaned = true),
    );
    for (let i = 0; i < 10; i++) await sink.write(chunk(i, MIB));
    await sink.discard();
    expect([disk.aborted, disk.closed, cleaned]).toEqual([true, false, true]);
    await expect(sink.write(chunk(0, 10))).rejects.toThrow('write after the archive was closed');
  });

  it('keeps two writes queued in a writable stream, in order, and reports a failed one', async () => {
    const log: string[] = [];
    const finish: (() => void)[] = [];
    let fail = false;
    const stream = {
      write: (bytes: Uint8Array) =>
        new Promise<void>((resolve, reject) => {
          log.push(`start ${bytes[0]}`);
          finish.push(() => (fail && bytes[0] === 3 ? reject(new Error('disk full')) : resolve()));
        }),
      close: async () => void log.push('close'),
      abort: async () => void log.push('abort'),
    };
    const writer = streamWriter(stream as unknown as FileSystemWritableFileStream);
    expect(writer.blockBytes).toBe(16 * MIB);
    let first = false;
    const block1 = Uint8Array.of(1);
    await writer.write(block1).then(() => (first = true)); // nothing before it
    expect(writer.takeFree()).toBeUndefined(); // block 1 is not written yet
    const second = writer.write(Uint8Array.of(2)); // waits for write 1
    expect(log).toEqual(['start 1', 'start 2']); // both handed to the stream at once
    await Promise.resolve();
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 5));
    expect([first, secondDone]).toEqual([true, false]);
    finish.shift()!();
    await second;
    expect(writer.takeFree()).toBe(block1); // written: free to refill
    expect(writer.takeFree()).toBeUndefined();
    fail = true;
    const third = writer.write(Uint8Array.of(3));
    finish.shift()!(); // write 2 done: the third call resolves
    await third;
    const closing = writer.close();
    finish.shift()!(); // write 3 fails: close reports it and does not close
    await expect(closing).rejects.toThrow('disk full');
    expect(log).toEqual(['start 1', 'start 2', 'start 3']);
  });

  it('stages a picked file only with twice the staging bytes free in private storage', () => {
    expect(STAGING_MAX_BYTES).toBe(48 * MIB); // three 16-MiB segments
    const quota = 1000 * MIB;
    expect(stagingFits({ quota, usage: quota - 96 * MIB })).toBe(true);
    expect(stagingFits({ quota, usage: quota - 96 * MIB + 1 })).toBe(false);
    expect(stagingFits({ quota, usage: quota })).toBe(false);
    expect(stagingFits({ usage: 0 })).toBe(true); // no quota said: try, and fall back if it fails
    expect(stagingFits(undefined)).toBe(true);
  });
});
