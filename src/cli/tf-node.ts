/**
 * TensorFlow.js in Node: registers the CPU and WASM backends (the WASM binaries are read from
 * node_modules/@tensorflow/tfjs-backend-wasm/dist), and `createNodeTrainer` returns a trainer on WASM
 * (with the training kernels of src/train/kernels) or, where WASM cannot start, on CPU.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import '@tensorflow/tfjs-backend-cpu';
import { env } from '@tensorflow/tfjs-core';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createTrainer } from '../train/trainer.ts';
import type { Trainer } from '../train/types.ts';

let configured = false;

/** Folder holding tfjs-backend-wasm's .wasm files (with a trailing separator). */
export function wasmBinaryDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
}

/** Point the WASM backend at its binaries and silence tfjs's development warnings (once). */
export function setupNodeBackends(): void {
  if (configured) return;
  configured = true;
  env().set('PROD', true);
  setWasmPaths(wasmBinaryDir());
}

/**
 * A trainer for the CLI and benchmarks: 'wasm' (the default, also what 'auto' means in Node) falls back
 * to 'cpu' when WASM cannot start.
 */
export async function createNodeTrainer(backend: 'wasm' | 'cpu' | 'auto' = 'auto'): Promise<Trainer> {
  setupNodeBackends();
  return createTrainer(backend === 'auto' ? 'wasm' : backend);
}

/** Threads the active WASM backend computes with (1 in Node, where tfjs-backend-wasm has no threads). */
export function wasmThreads(): number {
  return env().getBool('IS_NODE') ? 1 : getThreadsCount();
}
