/**
 * Sum and Mean for the wasm backend over a contiguous block of axes, in JavaScript. The backend's own
 * kernels first transpose the reduced axes innermost (its Transpose moves ~0.2 G floats/s), so the bias
 * gradient of a conv layer (sum over batch and time of [64, 2500, 32]) took ~30 ms; this loop takes a
 * few. Other reductions (non-contiguous axes, non-float32) go to the backend's kernels.
 */
import { Mean, Sum, util, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { runOriginal } from './wasm-originals.ts';
import { heapF32, type WasmBackendLike } from './wasm-heap.ts';

/** x viewed as [outer, reduced, inner] for reduction `axes` (non-negative, sorted), or null if not contiguous. */
export function reductionBlock(shape: number[], axes: number[]): [number, number, number] | null {
  const rank = shape.length;
  if (axes.length === 0 || axes[axes.length - 1] - axes[0] !== axes.length - 1) return null;
  const size = (from: number, to: number) => shape.slice(from, to).reduce((a, b) => a * b, 1);
  return [size(0, axes[0]), size(axes[0], axes[axes.length - 1] + 1), size(axes[axes.length - 1] + 1, rank)];
}

/** out[o, i] = scale · Σ_r x[o, r, i], adding four rows at a time into double accumulators. */
export function sumBlock(
  x: Float32Array,
  outer: number,
  reduced: number,
  inner: number,
  scale: number,
  out: Float32Array,
): void {
  const acc = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    acc.fill(0);
    const base = o * reduced * inner;
    let r = 0;
    for (; r + 4 <= reduced; r += 4) {
      const p0 = base + r * inner;
      const p1 = p0 + inner;
      const p2 = p1 + inner;
      const p3 = p2 + inner;
      for (let i = 0; i < inner; i++) acc[i] += x[p0 + i] + x[p1 + i] + (x[p2 + i] + x[p3 + i]);
    }
    for (; r < reduced; r++) {
      const p = base + r * inner;
      for (let i = 0; i < inner; i++) acc[i] += x[p + i];
    }
    for (let i = 0; i < inner; i++) out[o * inner + i] = acc[i] * scale;
  }
}

function reduceKernel(name: typeof Sum | typeof Mean): KernelFunc {
  return (({
    inputs,
    backend,
    attrs,
  }: {
    inputs: { x: TensorInfo };
    backend: WasmBackendLike;
    attrs: { axis: number | number[] | null; keepDims: boolean };
  }) => {
    const { x } = inputs;
    // parseAxisParam: null = every axis; negative axes counted from the end.
    const axes = [...new Set(util.parseAxisParam(attrs.axis as number[], x.shape))].sort((a, b) => a - b);
    const block = x.dtype === 'float32' ? reductionBlock(x.shape, axes) : null;
    if (!block || util.sizeFromShape(x.shape) === 0)
      return runOriginal(name, backend, inputs, attrs as never);
    const [outer, reduced, inner] = block;
    const shape = x.shape.flatMap((d, i) => (axes.includes(i) ? (attrs.keepDims ? [1] : []) : [d]));
    const out = backend.makeOutput(shape, 'float32');
    sumBlock(
      heapF32(backend, x),
      outer,
      reduced,
      inner,
      name === Mean ? 1 / reduced : 1,
      heapF32(backend, out),
    );
    return out;
  }) as unknown as KernelFunc;
}

/** Kernel config: Sum over contiguous axes. */
export const sumWasmConfig: KernelConfig = {
  kernelName: Sum,
  backendName: 'wasm',
  kernelFunc: reduceKernel(Sum),
};
/** Kernel config: Mean over contiguous axes. */
export const meanWasmConfig: KernelConfig = {
  kernelName: Mean,
  backendName: 'wasm',
  kernelFunc: reduceKernel(Mean),
};
