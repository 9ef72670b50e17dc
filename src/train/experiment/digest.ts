/**
 * What the provenance hashes are computed over, so the same data give the same SHA-256 in Node
 * (node:crypto) and in the browser (crypto.subtle): strings are hashed as UTF-8, byte arrays as they are.
 *
 * - A real dataset: the text `pqrst-dataset-v1\nfs_hz=F\nwindow_samples=L\nwindows=N\n`, then one line
 *   `record,patient,class\n` per window, then the samples as little-endian float32, windows in order.
 *   So a WFDB folder and the `pqrst import` folder made from it hash the same.
 * - A recipe or config: its canonical JSON (keys sorted, no spaces, non-finite numbers as null).
 */
import type { RealDataset } from './real-dataset.ts';

/** JSON with object keys sorted at every level and no whitespace; NaN and ±Infinity become null. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (ArrayBuffer.isView(value)) return canonicalJson(Array.from(value as unknown as ArrayLike<number>));
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The parts to hash, in order, for a real dataset (see the module comment). */
export function datasetDigestParts(dataset: RealDataset): (string | Uint8Array)[] {
  let text = `pqrst-dataset-v1\nfs_hz=${dataset.fsHz}\nwindow_samples=${dataset.windowSamples}\nwindows=${dataset.windows.length}\n`;
  for (const w of dataset.windows) text += `${w.record},${w.patient},${w.className}\n`;
  const { x } = dataset;
  let bytes = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  if (!LITTLE_ENDIAN_HOST) {
    bytes = new Uint8Array(x.length * 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < x.length; i++) view.setFloat32(i * 4, x[i], true);
  }
  return [text, bytes];
}
