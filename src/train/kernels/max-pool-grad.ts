/**
 * MaxPoolGrad for the wasm backend in JavaScript: each output's gradient goes to the first maximum of
 * its window (the cpu backend's rule). The backend's own kernel took ~20 ms for one [64, 1, 1000, 16]
 * pool of the reference CNN; this loop takes a few.
 */
import {
  backend_util,
  MaxPoolGrad,
  type KernelConfig,
  type KernelFunc,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { heapF32, type WasmBackendLike } from './wasm-heap.ts';

/** dx for max-pool geometry `p` (NHWC), from input `x` and output gradient `dy`, into zeroed `dx`. */
export function maxPoolBackprop(
  x: Float32Array,
  dy: Float32Array,
  p: backend_util.Conv2DInfo,
  dx: Float32Array,
): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = p;
  const best = new Int32Array(C);
  for (let b = 0; b < p.batchSize; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * p.strideHeight - p.padInfo.top;
      const hMin = Math.max(0, h0);
      const hMax = Math.min(H, h0 + p.effectiveFilterHeight);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = ow * p.strideWidth - p.padInfo.left;
        const wMin = Math.max(0, w0);
        const wMax = Math.min(W, w0 + p.effectiveFilterWidth);
        best.fill(-1);
        for (let h = hMin; h < hMax; h++) {
          for (let w = wMin; w < wMax; w++) {
            const base = ((b * H + h) * W + w) * C;
            for (let c = 0; c < C; c++) {
              if (best[c] < 0 || x[base + c] > x[best[c]]) best[c] = base + c;
            }
          }
        }
        const out = ((b * OH + oh) * OW + ow) * C;
        for (let c = 0; c < C; c++) if (best[c] >= 0) dx[best[c]] += dy[out + c];
      }
    }
  }
}

function maxPoolGrad(args: {
  inputs: { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
  backend: WasmBackendLike;
  attrs: MaxPoolGradAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, input } = inputs;
  const p = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const dx = backend.makeOutput([...input.shape], 'float32');
  const dxView = heapF32(backend, dx);
  dxView.fill(0);
  maxPoolBackprop(heapF32(backend, input), heapF32(backend, dy), p, dxView);
  return dx;
}

/** Kernel config: register with `registerKernel` (see `registerWasmTrainingKernels`). */
export const maxPoolGradWasmConfig: KernelConfig = {
  kernelName: MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as KernelFunc,
};
