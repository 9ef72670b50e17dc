/**
 * Conv2DBackpropInput for the wasm backend, as a forward convolution on XNNPACK: the input gradient of
 * a stride-s convolution is the stride-1 convolution of dy (with s − 1 zeros inserted between its
 * samples when s > 1) by the filter rotated 180° with in/out channels swapped, padded by
 * (F − 1 − pad) before. The backend's own kernel (a scalar loop, ~10× slower here) remains the fallback
 * for geometries this does not cover (a pad larger than F − 1).
 */
import {
  Conv2D,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { convGeometry } from './conv-geometry.ts';
import type { ConvGeometry } from './im2col.ts';
import { timed } from './kernel-timing.ts';
import { runOriginal } from './wasm-originals.ts';
import { disposeAll, heapF32, type WasmBackendLike } from './wasm-heap.ts';

/** Filter [FH, FW, Ci, Co] rotated 180° and transposed to [FH, FW, Co, Ci]. */
export function rotateFilter(
  w: Float32Array,
  fh: number,
  fw: number,
  ci: number,
  co: number,
  out: Float32Array,
): void {
  for (let h = 0; h < fh; h++) {
    for (let v = 0; v < fw; v++) {
      const src = ((fh - 1 - h) * fw + (fw - 1 - v)) * ci * co;
      const dst = (h * fw + v) * co * ci;
      for (let i = 0; i < ci; i++) for (let o = 0; o < co; o++) out[dst + o * ci + i] = w[src + i * co + o];
    }
  }
}

/** dy [B, OH, OW, C] with s−1 zero rows/columns between samples: [B, (OH−1)·sh+1, (OW−1)·sw+1, C]. */
export function dilateDy(dy: Float32Array, g: ConvGeometry, out: Float32Array): void {
  const { outHeight: OH, outWidth: OW, outChannels: C, strideHeight: sh, strideWidth: sw } = g;
  const DH = (OH - 1) * sh + 1;
  const DW = (OW - 1) * sw + 1;
  out.fill(0);
  let src = 0;
  for (let b = 0; b < g.batchSize; b++) {
    for (let h = 0; h < OH; h++) {
      let dst = (b * DH + h * sh) * DW * C;
      for (let w = 0; w < OW; w++, dst += sw * C) {
        for (let c = 0; c < C; c++) out[dst + c] = dy[src++];
      }
    }
  }
}

function conv2DBackpropInput(args: {
  inputs: { dy: TensorInfo; filter: TensorInfo };
  backend: WasmBackendLike;
  attrs: Conv2DBackpropInputAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, filter } = inputs;
  const fShape = filter.shape as [number, number, number, number];
  const g = convGeometry(
    attrs.inputShape,
    fShape,
    attrs.strides,
    attrs.pad,
    attrs.dimRoundingMode,
    attrs.dataFormat,
  );
  const dh = (g.outHeight - 1) * g.strideHeight + 1;
  const dw = (g.outWidth - 1) * g.strideWidth + 1;
  const top = g.filterHeight - 1 - g.padTop;
  const left = g.filterWidth - 1 - g.padLeft;
  const bottom = g.inHeight - dh - top + g.filterHeight - 1;
  const right = g.inWidth - dw - left + g.filterWidth - 1;
  if (top < 0 || left < 0 || bottom < 0 || right < 0) {
    return runOriginal(Conv2DBackpropInput, backend, inputs, attrs as never);
  }
  const rotated = backend.makeOutput([g.filterHeight, g.filterWidth, g.outChannels, g.inChannels], 'float32');
  const strided = g.strideHeight > 1 || g.strideWidth > 1;
  const dyd = strided ? backend.makeOutput([g.batchSize, dh, dw, g.outChannels], 'float32') : dy;
  rotateFilter(
    heapF32(backend, filter),
    g.filterHeight,
    g.filterWidth,
    g.inChannels,
    g.outChannels,
    heapF32(backend, rotated),
  );
  if (strided) timed('dilate', () => dilateDy(heapF32(backend, dy), g, heapF32(backend, dyd)));
  const dx = timed('conv', () =>
    runOriginal(Conv2D, backend, { x: dyd, filter: rotated }, {
      strides: [1, 1],
      pad: [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ],
      dataFormat: 'NHWC',
      dilations: [1, 1],
    } as never),
  );
  disposeAll(backend, strided ? [rotated, dyd] : [rotated]);
  return dx;
}

/** Kernel config: register with `registerKernel` (see `registerWasmTrainingKernels`). */
export const conv2DBackpropInputWasmConfig: KernelConfig = {
  kernelName: Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropInput as unknown as KernelFunc,
};
