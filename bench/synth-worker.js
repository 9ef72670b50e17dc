// worker_threads entry shim: workers do not inherit tsx's loader, so register it here, then run the TS.
import { register } from 'tsx/esm/api';

register();
await import('./synth-worker-main.ts');
