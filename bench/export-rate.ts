// `npm run bench export`: the CLI's export rate (worker pool, zip or folder, npy, wfdb or csv) against
// the raw synthesis rate of the same rows with the same number of workers, measured in the same run and
// interleaved; the speed-up from 1 to 2 workers; peak memory of the CLI at 2,000 and 20,000 records.
// PQRST_BENCH_EXPORT_CASES (e.g. `npy:zip,wfdb:folder`), _ROUNDS and _RECORDS pick a subset for
// profiling; the defaults are every case, 3 rounds and 10,000 records.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createFolderSink } from '../src/cli/folder-sink.ts';
import { GeneratePool } from '../src/cli/generate-pool.ts';
import { createZipFileSink } from '../src/cli/zip-file-sink.ts';
import type { EncodedBatch } from '../src/dataset/encode-rows.ts';
import { exportDataset } from '../src/dataset/export-dataset.ts';
import { exportDatasetZip } from '../src/dataset/export-zip.ts';
import { buildRecipe } from '../src/dataset/recipe-build.ts';
import type { OutputFormat, SyntheticRecipe } from '../src/dataset/recipe.ts';
import { folderTarget } from '../src/dataset/write-synthetic.ts';
import { median } from './synth-rate.ts';

const RECORDS = Number(process.env.PQRST_BENCH_EXPORT_RECORDS ?? 10_000);
const ROUNDS = Number(process.env.PQRST_BENCH_EXPORT_ROUNDS ?? 3);
const CASES = (
  process.env.PQRST_BENCH_EXPORT_CASES ?? 'npy:zip,npy:folder,wfdb:zip,wfdb:folder,csv:zip,csv:folder'
)
  .split(',')
  .map((c) => c.trim().split(':') as [OutputFormat, string]);
/** 1 and 2 workers (the scaling figure), and one per core. */
const WORKER_COUNTS = [...new Set([1, 2, availableParallelism()])];

function recipeFor(output: OutputFormat, records = RECORDS): SyntheticRecipe {
  return buildRecipe({
    classes: [{ className: 'nsr', count: records }],
    seed: 1,
    durationS: 10,
    fsHz: 500,
    preset: 'default',
    noise: 'default',
    output,
  });
}

/**
 * A timed run: records per second (wall clock), CPU µs per record (all threads of the process) and the
 * main thread's busy share of the wall time (its event loop utilization: the zip writer, file writes).
 */
interface Run {
  perSec: number;
  cpuUs: number;
  mainBusy: number;
}

function timer(): () => Run {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  return () => {
    const c = process.cpuUsage(c0);
    return {
      perSec: RECORDS / ((performance.now() - t0) / 1000),
      cpuUs: (c.user + c.system) / RECORDS,
      mainBusy: performance.eventLoopUtilization(elu0).utilization,
    };
  };
}

/** Raw synthesis of the recipe's rows split over `workers` threads. */
async function rawRate(recipe: SyntheticRecipe, workers: number): Promise<Run> {
  const pool = Array.from(
    { length: workers },
    () => new Worker(new URL('./export-raw-worker.js', import.meta.url), { workerData: { recipe } }),
  );
  await Promise.all(pool.map((w) => new Promise((r) => w.once('message', r))));
  const stop = timer();
  await Promise.all(
    pool.map((w, i) => {
      const start = Math.floor((i * RECORDS) / workers);
      const end = Math.floor(((i + 1) * RECORDS) / workers);
      const done = new Promise((r) => w.once('message', r));
      w.postMessage({ start, end });
      return done;
    }),
  );
  const run = stop();
  await Promise.all(pool.map((w) => w.terminate()));
  return run;
}

/** The CLI's export (its pool and sinks) into a zip or a folder under `dir`. */
async function exportRate(recipe: SyntheticRecipe, zip: boolean, workers: number, dir: string): Promise<Run> {
  const out = join(dir, zip ? 'bench.zip' : 'bench');
  const sink = zip ? createZipFileSink(out) : createFolderSink(out);
  const writeDir = !zip && recipe.output !== 'npy' && 'tempDir' in sink ? sink.tempDir : undefined;
  const pool = new GeneratePool(recipe, workers, zip, writeDir);
  // Start-up (threads loading the TypeScript, compiling the hot code) is not timed: 50 rows per worker
  // first, the raw synthesis workers' warm-up too.
  await Promise.all(
    Array.from({ length: workers }, (_, i) => pool.runBatch({ start: 50 * i, end: 50 * i + 50 })),
  );
  const options = {
    runBatch: (r: { start: number; end: number }) => pool.runBatch(r),
    inFlight: 4 * workers,
    onBatchWritten: (b: EncodedBatch) => pool.recycle(b),
  };
  const stop = timer();
  if ('tempPath' in sink) {
    await exportDatasetZip(recipe, sink, options);
    await sink.commit();
  } else {
    await exportDataset(recipe, folderTarget(sink), options);
    sink.commit();
  }
  const run = stop();
  await pool.close();
  rmSync(out, { recursive: true, force: true });
  return run;
}

/** Peak resident memory (MiB) of `pqrst generate` exporting `records` records as an npy zip. */
function peakMemoryMiB(records: number, dir: string): number {
  const bin = fileURLToPath(new URL('../bin/pqrst.js', import.meta.url));
  const report =
    "data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))";
  const out = join(dir, 'memory.zip');
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      report,
      bin,
      'generate',
      '--count',
      String(records),
      '--format',
      'npy',
      '--zip',
      '--workers',
      '2',
    ].concat(['--quiet', '--force', '--out', out]),
    { encoding: 'utf8' },
  );
  rmSync(out, { force: true });
  const m = /maxRSS (\d+)/.exec(r.stderr);
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** Every export figure, one JSON-able object each. */
export async function benchExport(): Promise<object[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pqrst-bench-export-'));
  const lines: object[] = [];
  const loads: number[] = [];
  try {
    for (const [format, sinkName] of CASES) {
      const recipe = recipeFor(format);
      const zip = sinkName === 'zip';
      const runs: Record<number, Run[]> = {};
      const raws: Record<number, Run[]> = {};
      for (const w of WORKER_COUNTS) [runs[w], raws[w]] = [[], []];
      for (let round = 0; round < ROUNDS; round++) {
        for (const workers of WORKER_COUNTS) {
          loads.push(loadavg()[0]);
          raws[workers].push(await rawRate(recipe, workers));
          runs[workers].push(await exportRate(recipe, zip, workers, dir));
          process.stderr.write(
            `bench: export ${format} ${zip ? 'zip' : 'folder'} workers ${workers}: ` +
              `${runs[workers].at(-1)!.perSec.toFixed(0)} vs raw ${raws[workers].at(-1)!.perSec.toFixed(0)} ` +
              `records/s, ${runs[workers].at(-1)!.cpuUs.toFixed(0)} vs ${raws[workers].at(-1)!.cpuUs.toFixed(0)} ` +
              `CPU us/record, main thread ${(100 * runs[workers].at(-1)!.mainBusy).toFixed(0)} % busy\n`,
          );
        }
      }
      const rate = (w: number) => median(runs[w].map((r) => r.perSec));
      const raw = (w: number) => median(raws[w].map((r) => r.perSec));
      for (const workers of WORKER_COUNTS) {
        const cpu = median(runs[workers].map((r) => r.cpuUs));
        const rawCpu = median(raws[workers].map((r) => r.cpuUs));
        lines.push({
          bench: 'export',
          format,
          records: RECORDS,
          workers,
          recordsPerSec: Math.round(rate(workers)),
          sink: zip ? 'zip' : 'folder',
          fsHz: 500,
          seconds: 10,
          rawSynthRecordsPerSec: Math.round(raw(workers)),
          ratio: Number((rate(workers) / raw(workers)).toFixed(2)),
          // CPU time per record of all threads (workers, main thread, kernel I/O): less sensitive to
          // other load on the machine than the wall-clock rates.
          cpuUsPerRecord: Math.round(cpu),
          rawSynthCpuUsPerRecord: Math.round(rawCpu),
          cpuRatio: Number((rawCpu / cpu).toFixed(2)),
          mainThreadBusyPct: Math.round(100 * median(runs[workers].map((r) => r.mainBusy))),
        });
      }
      lines.push({
        bench: 'export-scaling',
        format,
        sink: zip ? 'zip' : 'folder',
        records: RECORDS,
        workers1RecordsPerSec: Math.round(rate(1)),
        workers2RecordsPerSec: Math.round(rate(2)),
        speedup: Number((rate(2) / rate(1)).toFixed(2)),
        rawSpeedup: Number((raw(2) / raw(1)).toFixed(2)),
      });
    }
    for (const records of process.env.PQRST_BENCH_EXPORT_CASES ? [] : [2_000, 20_000]) {
      lines.push({
        bench: 'export-memory',
        format: 'npy',
        sink: 'zip',
        records,
        workers: 2,
        peakRssMiB: peakMemoryMiB(records, dir),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  lines.push({
    bench: 'export-load',
    loadAvg1mMedian: Number(median(loads).toFixed(2)),
    cpus: availableParallelism(),
  });
  return lines;
}
