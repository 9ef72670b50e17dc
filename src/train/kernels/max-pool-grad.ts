/**
 * MaxPoolGrad for the wasm backend in JavaScript: each output's gradient goes to the first maximum of
 * its window (the cpu backend's rule), found as the first input equal to the pooled output. The
 * backend's own kernel took ~20 ms for one [64, 1, 1000, 16] pool of the reference CNN; this loop ~2.
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

/**
 * dx for max-pool geometry `p` (NHWC) into zeroed `dx`: each output's gradient goes to the first input
 * of its window equal to the output (the window's first maximum).
 */
export function maxPoolBackprop(
  x: Float32Array,
  y: Float32Array,
  dy: Float32Array,
  p: backend_util.Conv2DInfo,
  dx: Float32Array,
): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = p;
  const { strideHeight: sh, strideWidth: sw, effectiveFilterHeight: fh, effectiveFilterWidth: fw } = p;
  const top = p.padInfo.top;
  const left = p.padInfo.left;
  let o = 0;
  for (let b = 0; b < p.batchSize; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const hMin = Math.max(0, oh * sh - top);
      const hMax = Math.min(H, oh * sh - top + fh);
      for (let ow = 0; ow < OW; ow++) {
        const wMin = Math.max(0, ow * sw - left);
        const wMax = Math.min(W, ow * sw - left + fw);
        for (let c = 0; c < C; c++, o++) {
          const target = y[o];
          search: for (let h = hMin; h < hMax; h++) {
            for (let w = wMin; w < wMax; w++) {
              const i = ((b * H + h) * W + w) * C + c;
              if (x[i] === target) {
                dx[i] += dy[o];
                break search;
              }
            }
          }
        }
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
  const { dy, input, output } = inputs;
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
  maxPoolBackprop(heapF32(backend, input), heapF32(backend, output), heapF32(backend, dy), p, dxView);
  return dx;
}

/** Kernel config: register with `registerKernel` (see `registerWasmTrainingKernels`). */
export const maxPoolGradWasmConfig: KernelConfig = {
  kernelName: MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as KernelFunc,
};
