/**
 * Conv2DBackpropFilter for the cpu backend. tfjs-backend-cpu's kernel reads every element through
 * TensorBuffer.get, ~1.6 s for the 11 M multiply-adds of a [16, 100, 16→32] k7 layer, which made
 * training on CPU take tens of seconds per batch. Here: the transposed im2col matrix (as on wasm) and
 * dy transposed, then one dot product of typed-array rows per filter entry, chunked over the batch.
 */
import {
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type DataId,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { convGeometry } from './conv-geometry.ts';
import { fillColumnsT, transpose2d } from './im2col.ts';

/** The part of tfjs-backend-cpu's MathBackendCPU used here. */
interface CpuBackendLike {
  data: { get(dataId: DataId): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

/** Column-buffer size (floats) per chunk of the batch. */
const CHUNK_FLOATS = 1 << 20;

function values(backend: CpuBackendLike, t: TensorInfo): Float32Array {
  const v = backend.data.get(t.dataId).values;
  if (!(v instanceof Float32Array))
    throw new Error(`cpu Conv2DBackpropFilter: expected float32, got ${t.dtype}`);
  return v;
}

function conv2DBackpropFilterCpu(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: CpuBackendLike;
  attrs: Conv2DBackpropFilterAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const g = convGeometry(
    inputs.x.shape,
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
  const x = values(backend, inputs.x);
  const dy = values(backend, inputs.dy);
  const xT = new Float32Array(B * spatialIn * g.inChannels);
  transpose2d(x, B * spatialIn, g.inChannels, xT);
  const chunk = Math.max(1, Math.min(B, Math.floor(CHUNK_FLOATS / Math.max(1, rows * spatialOut))));
  const colsT = new Float32Array(rows * chunk * spatialOut);
  const dyT = new Float32Array(Co * chunk * spatialOut);
  const acc = new Float64Array(rows * Co);
  for (let b0 = 0; b0 < B; b0 += chunk) {
    const nb = Math.min(chunk, B - b0);
    const cols = nb * spatialOut;
    fillColumnsT(xT, g, b0, nb, colsT);
    transpose2d(dy.subarray(b0 * spatialOut * Co, (b0 + nb) * spatialOut * Co), cols, Co, dyT);
    for (let r = 0; r < rows; r++) {
      const a = r * cols;
      for (let o = 0; o < Co; o++) {
        const d = o * cols;
        let s = 0;
        for (let j = 0; j < cols; j++) s += colsT[a + j] * dyT[d + j];
        acc[r * Co + o] += s;
      }
    }
  }
  return backend.makeTensorInfo([...attrs.filterShape], 'float32', Float32Array.from(acc));
}

/** Kernel config: register with `registerKernel` (see `registerCpuTrainingKernels`). */
export const conv2DBackpropFilterCpuConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'cpu',
  kernelFunc: conv2DBackpropFilterCpu as unknown as KernelFunc,
};
