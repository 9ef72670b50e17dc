// `npm run bench export`: the CLI's export rate (worker pool, zip or folder, npy, wfdb or csv) against
// the raw synthesis rate of the same rows with the same number of workers, in paired rounds (raw,
// export, raw) after a warm-up round; the speed-up from 1 to 2 workers; peak memory of the CLI at 2,000
// and 20,000 records.
// PQRST_BENCH_EXPORT_CASES (e.g. `npy:zip,wfdb:folder`), _ROUNDS and _RECORDS pick a subset for
// profiling; the defaults are every case, 3 rounds and 10,000 records.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

/** Raw synthesis threads for one recipe: each synthesizes its share of the rows into one reused buffer. */
class RawPool {
  private constructor(private readonly threads: Worker[]) {}

  static async start(recipe: SyntheticRecipe, workers: number): Promise<RawPool> {
    const threads = Array.from(
      { length: workers },
      () => new Worker(new URL('./export-raw-worker.js', import.meta.url), { workerData: { recipe } }),
    );
    await Promise.all(threads.map((w) => new Promise((r) => w.once('message', r))));
    return new RawPool(threads);
  }

  /** Raw synthesis of the recipe's rows split over the threads. */
  async run(): Promise<Run> {
    const n = this.threads.length;
    const stop = timer();
    await Promise.all(
      this.threads.map((w, i) => {
        const done = new Promise((r) => w.once('message', r));
        w.postMessage({ start: Math.floor((i * RECORDS) / n), end: Math.floor(((i + 1) * RECORDS) / n) });
        return done;
      }),
    );
    return stop();
  }

  close(): Promise<number[]> {
    return Promise.all(this.threads.map((w) => w.terminate()));
  }
}

/** The CLI's export (its pool and sinks) into a zip or a folder under `dir`, on a started pool. */
async function exportRate(
  recipe: SyntheticRecipe,
  zip: boolean,
  pool: GeneratePool,
  workers: number,
  out: string,
): Promise<Run> {
  const sink = zip ? createZipFileSink(out) : createFolderSink(out);
  // Workers writing per-record files remember the folders they made: make them again in the fresh
  // temporary folder (same path each run), since the pool outlives one run here.
  if ('tempDir' in sink && recipe.output !== 'npy')
    mkdirSync(join(sink.tempDir, recipe.output), { recursive: true });
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
  rmSync(out, { recursive: true, force: true });
  return run;
}

/** One timed round: raw synthesis, the export, raw synthesis again (the export's ratio is to their mean). */
interface Round {
  export: Run;
  rawPerSec: number;
  rawCpuUs: number;
}

/**
 * ROUNDS paired rounds of one case at `workers` threads, after an untimed warm-up round (threads
 * started, hot code compiled, buffers recycled, as in any export past its first seconds). Pairing
 * each export with the raw runs just before and after it cancels this virtual machine's slow drifts
 * in CPU speed, which move both rates by up to 40 % within a minute.
 */
async function measureCase(
  format: OutputFormat,
  zip: boolean,
  workers: number,
  dir: string,
  loads: number[],
): Promise<Round[]> {
  const recipe = recipeFor(format);
  const out = join(dir, zip ? 'bench.zip' : 'bench');
  const raw = await RawPool.start(recipe, workers);
  // Per-record files of a folder export are written by the workers into the sink's temporary folder,
  // the same path for every sink of `out`.
  const writeDir = !zip && recipe.output !== 'npy' ? createFolderSink(out).tempDir : undefined;
  const pool = new GeneratePool(recipe, workers, zip, writeDir);
  const rounds: Round[] = [];
  try {
    await raw.run();
    await exportRate(recipe, zip, pool, workers, out);
    for (let round = 0; round < ROUNDS; round++) {
      loads.push(loadavg()[0]);
      const before = await raw.run();
      const run = await exportRate(recipe, zip, pool, workers, out);
      const after = await raw.run();
      rounds.push({
        export: run,
        rawPerSec: (before.perSec + after.perSec) / 2,
        rawCpuUs: (before.cpuUs + after.cpuUs) / 2,
      });
      process.stderr.write(
        `bench: export ${format} ${zip ? 'zip' : 'folder'} workers ${workers}: ${run.perSec.toFixed(0)} ` +
          `vs raw ${before.perSec.toFixed(0)}/${after.perSec.toFixed(0)} records/s, ${run.cpuUs.toFixed(0)} vs ` +
          `${rounds.at(-1)!.rawCpuUs.toFixed(0)} CPU us/record, main thread ${(100 * run.mainBusy).toFixed(0)} % busy\n`,
      );
    }
  } finally {
    await pool.close();
    await raw.close();
    rmSync(out, { recursive: true, force: true });
  }
  return rounds;
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
      const zip = sinkName === 'zip';
      const byWorkers: Record<number, Round[]> = {};
      for (const workers of WORKER_COUNTS)
        byWorkers[workers] = await measureCase(format, zip, workers, dir, loads);
      const rate = (w: number) => median(byWorkers[w].map((r) => r.export.perSec));
      const raw = (w: number) => median(byWorkers[w].map((r) => r.rawPerSec));
      for (const workers of WORKER_COUNTS) {
        const rounds = byWorkers[workers];
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
          // Median over rounds of export ÷ the raw rate around it.
          ratio: Number(median(rounds.map((r) => r.export.perSec / r.rawPerSec)).toFixed(2)),
          // CPU time per record of all threads (workers, main thread, kernel I/O).
          cpuUsPerRecord: Math.round(median(rounds.map((r) => r.export.cpuUs))),
          rawSynthCpuUsPerRecord: Math.round(median(rounds.map((r) => r.rawCpuUs))),
          cpuRatio: Number(median(rounds.map((r) => r.rawCpuUs / r.export.cpuUs)).toFixed(2)),
          mainThreadBusyPct: Math.round(100 * median(rounds.map((r) => r.export.mainBusy))),
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
