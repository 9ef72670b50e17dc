/**
 * Tile for the wasm backend in JavaScript: each axis's first repetition is written once and then
 * doubled with copyWithin, so tiling a [1, 1, 16] batch-norm statistic over a [64, 2500, 16] activation
 * is a few memory copies. The backend's own Tile took ~90 ms per call there, most of a ResNet step.
 */
import { Tile, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { runOriginal } from './wasm-originals.ts';
import { heapF32, type WasmBackendLike } from './wasm-heap.ts';

/** Write `x` (shape `shape`) tiled `reps` times along each axis into `out` (row-major). */
export function tileInto(x: Float32Array, shape: number[], reps: number[], out: Float32Array): void {
  const n = shape.length;
  if (n === 0) {
    out[0] = x[0];
    return;
  }
  const xInner = new Array<number>(n).fill(1);
  const outInner = new Array<number>(n).fill(1);
  for (let d = n - 2; d >= 0; d--) {
    xInner[d] = xInner[d + 1] * shape[d + 1];
    outInner[d] = outInner[d + 1] * shape[d + 1] * reps[d + 1];
  }
  const fill = (d: number, src: number, dst: number): void => {
    if (d === n - 1) out.set(x.subarray(src, src + shape[d]), dst);
    else for (let i = 0; i < shape[d]; i++) fill(d + 1, src + i * xInner[d], dst + i * outInner[d]);
    const block = shape[d] * outInner[d];
    const total = block * reps[d];
    for (let have = block; have < total;) {
      const len = Math.min(have, total - have);
      out.copyWithin(dst + have, dst, dst + len);
      have += len;
    }
  };
  fill(0, 0, 0);
}

/** Kernel config: float32 Tile (other dtypes go to the backend's kernel). */
export const tileWasmConfig: KernelConfig = {
  kernelName: Tile,
  backendName: 'wasm',
  kernelFunc: (({
    inputs,
    backend,
    attrs,
  }: {
    inputs: { x: TensorInfo };
    backend: WasmBackendLike;
    attrs: { reps: number[] };
  }) => {
    const { x } = inputs;
    if (x.dtype !== 'float32') return runOriginal(Tile, backend, inputs, attrs as never);
    const out = backend.makeOutput(
      x.shape.map((d, i) => d * attrs.reps[i]),
      'float32',
    );
    tileInto(heapF32(backend, x), x.shape, attrs.reps, heapF32(backend, out));
    return out;
  }) as unknown as KernelFunc,
};
