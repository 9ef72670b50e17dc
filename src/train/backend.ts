/**
 * Choosing the TensorFlow.js backend: try the requested one, then the next ones in the order
 * WebGPU → WebGL → WASM → CPU, until one starts and computes 1 + 2 = 3. Backends are registered by the
 * environment's setup file (src/cli/tf-node.ts, src/workers/tf-browser.ts), not here.
 */
import { add, findBackendFactory, getBackend, scalar, setBackend, tidy } from '@tensorflow/tfjs-core';
import { BACKEND_NAMES, type BackendName } from './types.ts';

/** The backend that started, and why each backend tried before it did not. */
export interface BackendChoice {
  backend: BackendName;
  skipped: string[];
}

async function works(): Promise<boolean> {
  const t = tidy(() => add(scalar(1), scalar(2)));
  try {
    return (await t.data())[0] === 3;
  } finally {
    t.dispose();
  }
}

/** Backends tried for a choice: 'auto' = all in order; a name = that one, then those after it. */
export function backendOrder(choice: BackendName | 'auto'): BackendName[] {
  if (choice === 'auto') return [...BACKEND_NAMES];
  const i = BACKEND_NAMES.indexOf(choice);
  if (i < 0) throw new Error(`backend must be one of ${BACKEND_NAMES.join(', ')} or auto, got ${choice}`);
  return BACKEND_NAMES.slice(i);
}

/** Make the first working backend of `backendOrder(choice)` the active one. */
export async function activateBackend(choice: BackendName | 'auto' = 'auto'): Promise<BackendChoice> {
  const skipped: string[] = [];
  for (const name of backendOrder(choice)) {
    if (!findBackendFactory(name)) {
      skipped.push(`${name}: not available here`);
      continue;
    }
    try {
      if (getBackend() !== name && !(await setBackend(name))) {
        skipped.push(`${name}: failed to start`);
        continue;
      }
      if (await works()) return { backend: name, skipped };
      skipped.push(`${name}: computed a wrong result`);
    } catch (e) {
      skipped.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could start (${skipped.join('; ')})`);
}
