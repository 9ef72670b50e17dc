/**
 * Seeded pseudo-random numbers. Every random draw in PQRST Studio comes from an `Rng` built from an
 * explicit seed, so the same recipe and seed give the same samples in the browser, a worker and Node.
 *
 * Generator: SFC32 (Chris Doty-Humphrey's "small fast counting" generator, from PractRand), 128-bit state,
 * 32-bit integer arithmetic only, so it is bit-identical on every JavaScript engine.
 */
import { detCos, detLog, detSin } from './det-math.ts';

/** A seeded random stream. */
export interface Rng {
  /** Next uniform 32-bit unsigned integer. */
  nextU32(): number;
  /** Next uniform double in [0, 1) with 32 bits of resolution. */
  uniform(): number;
  /** Standard normal draw (exact Box-Muller pairs; use for parameters, not per-sample noise). */
  normal(): number;
  /** Fill out[0..count) with the next `count` uniform 32-bit words (same words as `count` nextU32 calls). */
  fillU32(out: Uint32Array, count: number): void;
}

/** murmur3's 32-bit finaliser: a bijective avalanche mix of one 32-bit word. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a 32-bit hash of an ASCII string (used to fold a class name into a seed). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number, stream: number) {
    this.a = mix32(seed ^ 0x9e3779b9);
    this.b = mix32(stream ^ 0x7f4a7c15);
    this.c = mix32((seed + stream) ^ 0x2545f491);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  uniform(): number {
    return this.nextU32() / 4294967296;
  }

  fillU32(out: Uint32Array, count: number): void {
    // The same steps as nextU32 with the state in int32 locals (registers), for per-sample noise. The
    // `| 0` keeps V8 from typing the loop variables as doubles (the fields may hold values ≥ 2^31).
    let a = this.a | 0;
    let b = this.b | 0;
    let c = this.c | 0;
    let d = this.d | 0;
    for (let i = 0; i < count; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      out[i] = t;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // Box-Muller on (0, 1]: 1 - u avoids log(0).
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * detLog(u1));
    this.spare = r * detSin(2 * Math.PI * u2);
    this.hasSpare = true;
    return r * detCos(2 * Math.PI * u2);
  }
}

/**
 * Build a random stream from a 32-bit seed and an optional stream id (e.g. the FNV-1a hash of a class
 * name), so that streams with the same seed but different ids are independent.
 */
export function createRng(seed: number, stream = 0): Rng {
  return new Sfc32(seed >>> 0, stream >>> 0);
}
