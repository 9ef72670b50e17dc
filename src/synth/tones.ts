/**
 * Fast sums of sinusoids for the noise sources, without a `Math.sin` per sample and without the
 * loop-carried dependency of a recurrence oscillator:
 * - slow tones (below fs/64, i.e. baseline wander) are evaluated exactly on a grid every 8 samples and
 *   linearly interpolated between (error ≤ A·(2π·8·f/fs)²/8, below 4·10⁻⁴ of the amplitude);
 * - other tones (powerline) by angle addition: sin(φ_b + jω) = sin φ_b·cos jω + cos φ_b·sin jω, with
 *   cos jω, sin jω tabulated for j < 64 once per (fs, f) and φ_b advanced once per 64-sample block.
 */

/** A sinusoid a·sin(2πf·n/fs + φ). */
export interface Tone {
  ampMv: number;
  freqHz: number;
  phaseRad: number;
}

const GRID = 8;
const BLOCK = 64;

interface BlockTable {
  cos: Float64Array;
  sin: Float64Array;
  cosBlock: number;
  sinBlock: number;
}

const tables = new Map<string, BlockTable>();

function blockTable(fsHz: number, freqHz: number): BlockTable {
  const key = `${fsHz}/${freqHz}`;
  let t = tables.get(key);
  if (!t) {
    const w = (2 * Math.PI * freqHz) / fsHz;
    const cos = new Float64Array(BLOCK);
    const sin = new Float64Array(BLOCK);
    for (let j = 0; j < BLOCK; j++) {
      cos[j] = Math.cos(j * w);
      sin[j] = Math.sin(j * w);
    }
    t = { cos, sin, cosBlock: Math.cos(BLOCK * w), sinBlock: Math.sin(BLOCK * w) };
    tables.set(key, t);
  }
  return t;
}

/** Add a tone by angle addition over 64-sample blocks. */
function addFastTone(out: Float64Array, fsHz: number, tone: Tone): void {
  const { cos, sin, cosBlock, sinBlock } = blockTable(fsHz, tone.freqHz);
  let s = tone.ampMv * Math.sin(tone.phaseRad);
  let c = tone.ampMv * Math.cos(tone.phaseRad);
  for (let start = 0; start < out.length; start += BLOCK) {
    const end = Math.min(out.length, start + BLOCK);
    for (let n = start, j = 0; n < end; n++, j++) out[n] += s * cos[j] + c * sin[j];
    const s2 = s * cosBlock + c * sinBlock;
    c = c * cosBlock - s * sinBlock;
    s = s2;
  }
}

/** Add the sum of slow tones, evaluated every 8 samples and linearly interpolated. */
function addSlowTones(out: Float64Array, fsHz: number, tones: Tone[]): void {
  const n = out.length;
  const nodes = Math.ceil((n - 1) / GRID) + 1;
  const grid = new Float64Array(nodes);
  for (const t of tones) {
    const w = (2 * Math.PI * t.freqHz * GRID) / fsHz;
    for (let j = 0; j < nodes; j++) grid[j] += t.ampMv * Math.sin(t.phaseRad + j * w);
  }
  for (let j = 0; j + 1 < nodes; j++) {
    const base = grid[j];
    const slope = (grid[j + 1] - base) / GRID;
    const from = j * GRID;
    const to = Math.min(n, from + GRID);
    for (let i = from; i < to; i++) out[i] += base + slope * (i - from);
  }
  if ((n - 1) % GRID === 0) out[n - 1] += grid[nodes - 1];
}

/** Add every tone of `tones` to `out` (sampled at `fsHz`); tones at or above Nyquist are skipped. */
export function addTones(out: Float64Array, fsHz: number, tones: Tone[]): void {
  const slow: Tone[] = [];
  for (const t of tones) {
    if (t.ampMv === 0 || t.freqHz >= fsHz / 2) continue;
    if (t.freqHz < fsHz / 64) slow.push(t);
    else addFastTone(out, fsHz, t);
  }
  if (slow.length > 0 && out.length > 0) addSlowTones(out, fsHz, slow);
}
