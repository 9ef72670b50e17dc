/**
 * The part of tfjs-backend-wasm's `BackendWasm` that the training kernels use: tensors live on the WASM
 * heap, and a kernel reads and writes them through Float32Array views of that heap.
 */
import type { DataId, TensorInfo } from '@tensorflow/tfjs-core';

/** Structural view of `BackendWasm` (tfjs-backend-wasm 4.x), so this pure module need not import it. */
export interface WasmBackendLike {
  /** Allocate a tensor on the heap (uninitialised). */
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  /** A view of a tensor's heap memory; invalid after any later heap allocation (the heap may grow). */
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
  /** Drop one reference to a tensor's data (frees it at zero). */
  disposeData(dataId: DataId): boolean;
}

/** The float32 heap view of a tensor (take it after the kernel's last allocation). */
export function heapF32(backend: WasmBackendLike, t: TensorInfo): Float32Array {
  const view = backend.typedArrayFromHeap(t);
  if (!(view instanceof Float32Array))
    throw new Error(`wasm kernel: expected a float32 tensor, got ${t.dtype}`);
  return view;
}

/** Free kernel-internal tensors. */
export function disposeAll(backend: WasmBackendLike, tensors: TensorInfo[]): void {
  for (const t of tensors) backend.disposeData(t.dataId);
}
