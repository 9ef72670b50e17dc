// `npm run bench`: every benchmark figure as one JSON line on stdout; logs go to stderr.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchExport } from './export-rate.ts';
import { benchFit } from './fit.ts';
import { benchImportWindowing } from './import-windowing.ts';
import { benchReadWfdb } from './read-wfdb.ts';
import { benchSynthParallel } from './synth-parallel.ts';
import { benchSynthOneCore } from './synth-rate.ts';
import { benchTrain } from './train.ts';

const emit = (line: object) => process.stdout.write(JSON.stringify(line) + '\n');
const only = process.argv[2];

/**
 * Run an in-browser bench script (it drives Chromium) in its own Node process and pass its JSON lines
 * on; its logs go straight to stderr.
 */
function runBrowserBench(what: string, script: string): void {
  process.stderr.write(what);
  const path = fileURLToPath(new URL(`./${script}.ts`, import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', path], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  for (const line of r.stdout.split('\n').filter((l) => l.trim().startsWith('{')))
    process.stdout.write(line + '\n');
  if (r.status !== 0) process.stderr.write(`bench: ${script} exited with ${r.status}\n`);
}

if (!only || only === 'synth') {
  process.stderr.write('bench: synthesis on one core…\n');
  benchSynthOneCore().forEach(emit);
  process.stderr.write('bench: synthesis with one worker per core…\n');
  (await benchSynthParallel()).forEach(emit);
}
if (!only || only === 'export') {
  process.stderr.write('bench: dataset export (CLI worker pool, zip and folder) against raw synthesis…\n');
  (await benchExport()).forEach(emit);
}
if (!only || only === 'read') {
  process.stderr.write('bench: reading MIT-BIH record 100…\n');
  benchReadWfdb().forEach(emit);
  process.stderr.write('bench: importing and windowing all of mitdb…\n');
  const windowing = await benchImportWindowing();
  if (windowing) emit(windowing);
}
if (!only || only === 'fit') {
  process.stderr.write('bench: fitting the beat model to MIT-BIH 100 (a template, the whole record)…\n');
  (await benchFit()).forEach(emit);
}
if (!only || only === 'slider')
  runBrowserBench('bench: slider-to-paint latency in headless Chromium…\n', 'slider-latency');
if (!only || only === 'import-browser')
  runBrowserBench('bench: importing and windowing all of mitdb in headless Chromium…\n', 'import-browser');
if (!only || only === 'fit-browser')
  runBrowserBench('bench: fitting MIT-BIH 100 (30 min) in the studio in headless Chromium…\n', 'fit-browser');
if (!only || only === 'workspace-restore')
  runBrowserBench(
    'bench: restoring 10,000 kept windows (200 MB) after a reload in headless Chromium…\n',
    'workspace-restore',
  );
if (!only || only === 'export-browser')
  runBrowserBench(
    'bench: dataset export in headless Chromium (all workers, a picked file)…\n',
    'export-browser',
  );
if (!only || only === 'train') {
  process.stderr.write('bench: training throughput (wasm and cpu backends)…\n');
  await benchTrain(emit);
}
if (!only || only === 'train-browser')
  runBrowserBench(
    'bench: training throughput in headless Chromium (WebGPU, WebGL, WASM)…\n',
    'train-browser',
  );
