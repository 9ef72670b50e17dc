/**
 * Identity and same-dtype Cast for the wasm backend without copying. tfjs-core clones every tensor it
 * saves for the backward pass (engine.clone runs Identity); the wasm backend's Identity copies the data,
 * which cost ~10 % of a CNN training step at 5000 samples. Tensor data is never written in place, so,
 * as on the cpu and webgl backends, the clone can share the data (reference-counted, like Reshape).
 */
import { Cast, Identity, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { runOriginal } from './wasm-originals.ts';
import type { WasmBackendLike } from './wasm-heap.ts';

/** The part of the backend that reference counting needs. */
interface RefCounting extends WasmBackendLike {
  incRef(dataId: object): void;
}

function share(x: TensorInfo, backend: RefCounting): TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

/** Kernel config: Identity sharing its input's data. */
export const identityWasmConfig: KernelConfig = {
  kernelName: Identity,
  backendName: 'wasm',
  kernelFunc: (({ inputs, backend }: { inputs: { x: TensorInfo }; backend: RefCounting }) =>
    inputs.x.dtype === 'string'
      ? runOriginal(Identity, backend, inputs, {})
      : share(inputs.x, backend)) as unknown as KernelFunc,
};

/** Kernel config: Cast that shares the data when the dtype does not change. */
export const castWasmConfig: KernelConfig = {
  kernelName: Cast,
  backendName: 'wasm',
  kernelFunc: (({
    inputs,
    backend,
    attrs,
  }: {
    inputs: { x: TensorInfo };
    backend: RefCounting;
    attrs: { dtype: string };
  }) =>
    attrs.dtype === inputs.x.dtype && attrs.dtype !== 'string'
      ? share(inputs.x, backend)
      : runOriginal(Cast, backend, inputs, attrs as never)) as unknown as KernelFunc,
};
