/**
 * TensorFlow.js in the browser (the training worker): registers the WebGPU, WebGL, WASM and CPU
 * backends. The WASM binaries are bundled by Vite and served from our own origin (the page's CSP allows
 * only 'self'; 'unsafe-eval' in script-src already permits compiling WebAssembly). Multithreaded WASM is
 * off: it needs cross-origin isolation, which the static site does not have.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { env } from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { createTrainer, TfjsTrainer } from '../train/trainer.ts';
import type { BackendName } from '../train/types.ts';

let configured = false;

/** Register the browser's backend settings (once). */
export function setupBrowserBackends(): void {
  if (configured) return;
  configured = true;
  env().set('PROD', true);
  env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainUrl,
    'tfjs-backend-wasm-simd.wasm': simdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedUrl,
  });
}

/** A trainer on the first backend of `choice` that starts (see createTrainer), with the reasons for skips. */
export async function createBrowserTrainer(choice: BackendName | 'auto' = 'auto'): Promise<TfjsTrainer> {
  setupBrowserBackends();
  return (await createTrainer(choice)) as TfjsTrainer;
}
