/**
 * `registerWasmTrainingKernels()`: adds the gradient kernels that tfjs-backend-wasm lacks and replaces
 * its slow ones, so the model zoo trains on WASM. Import the wasm backend first (its kernels must be
 * registered); calling this again is a no-op.
 */
import {
  BatchMatMul,
  Conv2D,
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelConfig,
} from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterCpuConfig } from './cpu-conv2d-backprop-filter.ts';
import { conv2DBackpropFilterWasmConfig } from './conv2d-backprop-filter.ts';
import { conv2DBackpropInputWasmConfig } from './conv2d-backprop-input.ts';
import { maxPoolGradWasmConfig } from './max-pool-grad.ts';
import { meanWasmConfig, sumWasmConfig } from './reduce.ts';
import { castWasmConfig, identityWasmConfig } from './shared-data.ts';
import { tileWasmConfig } from './tile.ts';
import { captureOriginal } from './wasm-originals.ts';

let registered = false;

/** The kernels this module registers for the wasm backend. */
export const WASM_TRAINING_KERNELS: readonly KernelConfig[] = [
  conv2DBackpropFilterWasmConfig,
  conv2DBackpropInputWasmConfig,
  maxPoolGradWasmConfig,
  identityWasmConfig,
  castWasmConfig,
  sumWasmConfig,
  meanWasmConfig,
  tileWasmConfig,
];

/** Register the training kernels for the 'wasm' backend (once). Throws if the wasm backend is not loaded. */
export function registerWasmTrainingKernels(): void {
  if (registered) return;
  if (!getKernel(Conv2D, 'wasm')) {
    throw new Error('registerWasmTrainingKernels: import @tensorflow/tfjs-backend-wasm first');
  }
  for (const name of [BatchMatMul, Conv2D, ...WASM_TRAINING_KERNELS.map((k) => k.kernelName)])
    captureOriginal(name);
  for (const config of WASM_TRAINING_KERNELS) {
    if (getKernel(config.kernelName, 'wasm')) unregisterKernel(config.kernelName, 'wasm');
    registerKernel(config);
  }
  registered = true;
}

let cpuRegistered = false;

/**
 * Register the cpu backend's replacement Conv2DBackpropFilter (once). Import the cpu backend first.
 */
export function registerCpuTrainingKernels(): void {
  if (cpuRegistered) return;
  const config = conv2DBackpropFilterCpuConfig;
  if (getKernel(config.kernelName, 'cpu')) unregisterKernel(config.kernelName, 'cpu');
  registerKernel(config);
  cpuRegistered = true;
}
