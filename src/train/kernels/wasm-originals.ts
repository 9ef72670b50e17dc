/**
 * The wasm backend's own kernel functions, captured before the training kernels replace any of them, so
 * a replacement can still call the original (e.g. the XNNPACK matrix product for the untransposed case).
 */
import { getKernel, type KernelFunc, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendLike } from './wasm-heap.ts';

const originals = new Map<string, KernelFunc>();

/** Remember the wasm backend's kernel `name` (first call wins), so later overrides can delegate to it. */
export function captureOriginal(name: string): void {
  if (originals.has(name)) return;
  const config = getKernel(name, 'wasm');
  if (config) originals.set(name, config.kernelFunc);
}

/** Run the wasm backend's original kernel `name` directly (no tape, no engine bookkeeping). */
export function runOriginal(
  name: string,
  backend: WasmBackendLike,
  inputs: Record<string, TensorInfo>,
  attrs: NamedAttrMap,
): TensorInfo {
  const f = originals.get(name) ?? getKernel(name, 'wasm')?.kernelFunc;
  if (!f) throw new Error(`wasm backend has no ${name} kernel`);
  const out = f({ inputs, backend: backend as never, attrs });
  if (Array.isArray(out)) throw new Error(`wasm kernel ${name}: expected one output`);
  return out;
}
