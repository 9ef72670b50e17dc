/** Start the synthesis module worker (bundled by Vite as a separate same-origin script). */

/** A new synthesis worker. */
export function createSynthWorker(): Worker {
  return new Worker(new URL('../workers/synth.worker.ts', import.meta.url), {
    type: 'module',
    name: 'synth',
  });
}
