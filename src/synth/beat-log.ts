/**
 * Per-beat bookkeeping of a record being synthesised: R peak, beat symbol and the seven wave fiducials
 * (samples, −1 when absent or outside the record). Storage is reused between records (synthesis is
 * synchronous), because small typed-array allocations per record cost more than the synthesis itself.
 */
import type { Fiducials } from './record.ts';

/** Fiducial names in storage order. */
export const FIDUCIAL_KEYS = ['pOn', 'pPeak', 'pOff', 'qrsOn', 'qrsOff', 'tPeak', 'tOff'] as const;
const F = FIDUCIAL_KEYS.length;

/** A reusable beat log. */
export class BeatLog {
  count = 0;
  private r = new Int32Array(64);
  private fid = new Int32Array(64 * F);
  private symbols: string[] = [];
  /** Beat starts (s) of every beat laid out, inside the record or not (random-walk knots). */
  knotsS: number[] = [];

  /** Empty the log for a new record. */
  reset(): void {
    this.count = 0;
    this.symbols.length = 0;
    this.knotsS.length = 0;
  }

  private grow(): void {
    const r = new Int32Array(this.r.length * 2);
    r.set(this.r);
    this.r = r;
    const fid = new Int32Array(this.fid.length * 2);
    fid.set(this.fid);
    this.fid = fid;
  }

  /**
   * Log a beat whose R peak is at sample `rPeak`, with fiducial times in seconds (NaN = absent), when
   * its R peak lies in [0, nSamples).
   */
  add(rPeak: number, symbol: string, timesS: ArrayLike<number>, fsHz: number, nSamples: number): void {
    if (rPeak < 0 || rPeak >= nSamples) return;
    if (this.count === this.r.length) this.grow();
    const i = this.count++;
    this.r[i] = rPeak;
    this.symbols.push(symbol);
    for (let k = 0; k < F; k++) {
      const s = Math.round(timesS[k] * fsHz); // NaN (absent) fails both tests below
      this.fid[i * F + k] = s >= 0 && s < nSamples ? s : -1;
    }
  }

  /** The logged beats in time order, as exact-size arrays. */
  finish(): { rPeak: Int32Array; beatSymbol: string[]; fiducials: Fiducials } {
    const n = this.count;
    let order: number[] | null = null;
    for (let i = 1; i < n; i++) {
      if (this.r[i] < this.r[i - 1]) {
        // A beat's R can move inside its template (stretch-1s, large jitter): sort, stably.
        order = Array.from({ length: n }, (_, k) => k).sort((a, b) => this.r[a] - this.r[b]);
        break;
      }
    }
    const rPeak = new Int32Array(n);
    const beatSymbol = new Array<string>(n);
    const fid = FIDUCIAL_KEYS.map(() => new Int32Array(n));
    for (let j = 0; j < n; j++) {
      const i = order ? order[j] : j;
      rPeak[j] = this.r[i];
      beatSymbol[j] = this.symbols[i];
      for (let k = 0; k < F; k++) fid[k][j] = this.fid[i * F + k];
    }
    const fiducials = {} as Fiducials;
    FIDUCIAL_KEYS.forEach((key, k) => (fiducials[key] = fid[k]));
    return { rPeak, beatSymbol, fiducials };
  }
}
