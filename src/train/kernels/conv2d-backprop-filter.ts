/**
 * Conv2DBackpropFilter for the wasm backend (tfjs-backend-wasm has none, so conv nets cannot train
 * there). dW[fh, fw, ci, co] = Σ_{b,oh,ow} x[b, oh·sh + fh − pt, ow·sw + fw − pl, ci] · dy[b, oh, ow, co],
 * computed as one plain matrix product colsT · dy on the backend's XNNPACK BatchMatMul, where colsT is
 * the transposed im2col matrix ([FH·FW·Ci] × [B·OH·OW], built from channels-first x by row copies).
 * The batch is done in chunks so colsT stays small (see `setMaxColumnFloats`).
 */
import {
  BatchMatMul,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { convGeometry } from './conv-geometry.ts';
import { fillColumnsT, transpose2d } from './im2col.ts';
import { timed } from './kernel-timing.ts';
import { runOriginal } from './wasm-originals.ts';
import { disposeAll, heapF32, type WasmBackendLike } from './wasm-heap.ts';

/**
 * Largest column buffer (floats, 4 MiB) per matrix product; the batch is split into chunks of whole
 * examples under it. Chunks that stay in cache beat one huge product: at 5000 samples the layer-2 filter
 * gradient took 214 ms of CPU in one product and 131 ms in chunks of one example.
 */
let maxColumnFloats = 1 << 20;

/** Change the chunk limit (tests use a small one to exercise chunking); returns the previous limit. */
export function setMaxColumnFloats(n: number): number {
  const previous = maxColumnFloats;
  maxColumnFloats = n;
  return previous;
}

function conv2DBackpropFilter(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: WasmBackendLike;
  attrs: Conv2DBackpropFilterAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, dy } = inputs;
  const g = convGeometry(
    x.shape,
    attrs.filterShape,
    attrs.strides,
    attrs.pad,
    attrs.dimRoundingMode,
    attrs.dataFormat,
  );
  const B = g.batchSize;
  const spatialIn = g.inHeight * g.inWidth;
  const spatialOut = g.outHeight * g.outWidth;
  const rows = g.filterHeight * g.filterWidth * g.inChannels;
  const Co = g.outChannels;
  const chunk = Math.max(1, Math.min(B, Math.floor(maxColumnFloats / Math.max(1, rows * spatialOut))));

  // Channels-first copy of x ([Ci, B·H·W]); with one channel x already is.
  let xT: TensorInfo | null = null;
  if (g.inChannels > 1) {
    xT = backend.makeOutput([g.inChannels, B * spatialIn], 'float32');
    const xTv = heapF32(backend, xT);
    timed('transpose', () => transpose2d(heapF32(backend, x), B * spatialIn, g.inChannels, xTv));
  }
  const out = backend.makeOutput([...attrs.filterShape], 'float32');
  const acc = chunk < B ? new Float32Array(rows * Co) : null;
  for (let b0 = 0; b0 < B; b0 += chunk) {
    const nb = Math.min(chunk, B - b0);
    const cols = nb * spatialOut;
    const colsT = backend.makeOutput([1, rows, cols], 'float32');
    let dyChunk: TensorInfo = { dataId: dy.dataId, shape: [1, cols, Co], dtype: 'float32' };
    if (nb < B) {
      dyChunk = backend.makeOutput([1, cols, Co], 'float32');
      heapF32(backend, dyChunk).set(
        heapF32(backend, dy).subarray(b0 * spatialOut * Co, (b0 + nb) * spatialOut * Co),
      );
    }
    const xView = heapF32(backend, xT ?? x);
    timed('im2col', () => fillColumnsT(xView, g, b0, nb, heapF32(backend, colsT)));
    const prod = timed('matmul', () =>
      runOriginal(BatchMatMul, backend, { a: colsT, b: dyChunk }, { transposeA: false, transposeB: false }),
    );
    const prodView = heapF32(backend, prod);
    if (acc) for (let i = 0; i < acc.length; i++) acc[i] += prodView[i];
    else heapF32(backend, out).set(prodView);
    disposeAll(backend, nb < B ? [colsT, prod, dyChunk] : [colsT, prod]);
  }
  if (acc) heapF32(backend, out).set(acc);
  if (xT) disposeAll(backend, [xT]);
  return out;
}

/** Kernel config: register with `registerKernel` (see `registerWasmTrainingKernels`). */
export const conv2DBackpropFilterWasmConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter as unknown as KernelFunc,
};
