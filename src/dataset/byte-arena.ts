/**
 * A byte arena for a batch of encoded files: every file is a view into a few large buffers instead of
 * its own (hundreds of small ArrayBuffers per batch cost V8 more in allocation and garbage collection
 * than encoding them). The buffers transfer between threads together, and can be reused.
 */

/** Allocates byte views from large chunks. */
export class ByteArena {
  private readonly chunks: ArrayBuffer[] = [];
  private current: Uint8Array;
  private used = 0;

  /** Start with `first` when it holds at least `minBytes` (a reused buffer), else a new chunk. */
  constructor(
    minBytes: number,
    first?: ArrayBuffer,
    private readonly chunkBytes = Math.max(minBytes, 1 << 16),
  ) {
    this.current =
      first && first.byteLength >= minBytes ? new Uint8Array(first) : new Uint8Array(this.chunkBytes);
    this.chunks.push(this.current.buffer as ArrayBuffer);
  }

  /** A view of `n` bytes (zeroed only when new), starting at an even offset. */
  alloc(n: number): Uint8Array {
    this.used += this.used & 1;
    if (this.used + n > this.current.length) {
      this.current = new Uint8Array(Math.max(n, this.chunkBytes));
      this.chunks.push(this.current.buffer as ArrayBuffer);
      this.used = 0;
    }
    const view = this.current.subarray(this.used, this.used + n);
    this.used += n;
    return view;
  }

  /** A copy of `bytes` in the arena. */
  copy(bytes: Uint8Array): Uint8Array {
    const view = this.alloc(bytes.length);
    view.set(bytes);
    return view;
  }

  /** The ASCII (or UTF-8, via `encode`) bytes of `text` in the arena. */
  text(text: string, encode: (t: string) => Uint8Array): Uint8Array {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return this.copy(encode(text));
    const view = this.alloc(text.length);
    for (let i = 0; i < text.length; i++) view[i] = text.charCodeAt(i);
    return view;
  }

  /** The buffers used so far (to transfer). */
  buffers(): ArrayBuffer[] {
    return [...this.chunks];
  }
}
