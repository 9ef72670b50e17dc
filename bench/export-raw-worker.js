// worker_threads entry shim for the export benchmark's raw-synthesis worker: register tsx, run the TS.
import { register } from 'tsx/esm/api';

register();
await import('./export-raw-worker-main.ts');
