/**
 * `pqrst generate`: write a reproducible synthetic dataset folder or .zip from flags or a recipe, all
 * rows or one shard, with one worker thread per core (see README.md, "Command line").
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import type { EncodedBatch } from '../dataset/encode-rows.ts';
import { exportDataset, type ExportSummary } from '../dataset/export-dataset.ts';
import { exportDatasetZip } from '../dataset/export-zip.ts';
import { recipeJson } from '../dataset/recipe-validate.ts';
import { folderTarget } from '../dataset/write-synthetic.ts';
import { CliError } from './cli-error.ts';
import { createFolderSink, type FolderSink } from './folder-sink.ts';
import { parseGenerate, type GenerateCommand } from './generate-flags.ts';
import { GeneratePool } from './generate-pool.ts';
import { createZipFileSink, type ZipFileSink } from './zip-file-sink.ts';

export { parseGenerate } from './generate-flags.ts';

/** A progress line on stderr (a terminal only), at most twice a second. */
function progressReporter(quiet: boolean): (done: number, total: number) => void {
  const startMs = performance.now();
  let lastReportMs = startMs;
  return (done, total) => {
    const now = performance.now();
    if (quiet || !process.stderr.isTTY || done === 0 || (now - lastReportMs < 500 && done < total)) return;
    lastReportMs = now;
    const rate = done / ((now - startMs) / 1000);
    const leftS = Math.ceil((total - done) / rate);
    process.stderr.write(
      `\rpqrst: ${done}/${total} records, ${rate.toFixed(0)} records/s, ${leftS} s left   `,
    );
    if (done === total) process.stderr.write('\n');
  };
}

/** Export `cmd` into its temporary output; returns what was written. */
async function runExport(
  cmd: GenerateCommand,
  output: FolderSink | ZipFileSink,
  pool: GeneratePool,
  signal: AbortSignal,
): Promise<ExportSummary> {
  const options = {
    shard: cmd.shard,
    runBatch: (range: { start: number; end: number }) => pool.runBatch(range),
    inFlight: 4 * cmd.workers,
    onBatchWritten: (batch: EncodedBatch) => pool.recycle(batch),
    signal,
    onProgress: progressReporter(cmd.quiet),
  };
  if ('tempPath' in output) return exportDatasetZip(cmd.recipe, output, options);
  return exportDataset(cmd.recipe, folderTarget(output), options);
}

/** Run `generate` with `argv`; returns the exit code. */
export async function runGenerate(argv: string[]): Promise<number> {
  const cmd = parseGenerate(argv);
  if (cmd.recipeOut !== undefined) {
    try {
      writeFileSync(cmd.recipeOut, recipeJson(cmd.recipe));
    } catch (e) {
      throw new CliError('--recipe-out', `cannot write ${cmd.recipeOut}: ${(e as Error).message}`);
    }
  }
  const outPath = cmd.outPath;
  if (outPath === undefined) return 0;
  if (existsSync(outPath) && !cmd.force) {
    throw new CliError('--out', `${outPath} already exists (add --force to replace it)`);
  }
  // Handlers first: an interrupt at any point after the temporary output exists must remove it.
  const controller = new AbortController();
  let pool: GeneratePool | undefined;
  const onSignal = () => {
    controller.abort(new Error('interrupted'));
    void pool?.close();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let output: FolderSink | ZipFileSink;
  try {
    output = cmd.zip ? createZipFileSink(outPath) : createFolderSink(outPath);
  } catch (e) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    throw new CliError('--out', `cannot write into ${outPath}: ${(e as Error).message}`);
  }
  const startMs = performance.now();
  let summary: ExportSummary;
  try {
    // Folder exports of per-record files: the workers write those files themselves.
    const writeDir = !cmd.zip && cmd.recipe.output !== 'npy' ? (output as FolderSink).tempDir : undefined;
    pool = new GeneratePool(cmd.recipe, cmd.workers, cmd.zip, writeDir);
    summary = await runExport(cmd, output, pool, controller.signal);
    if ('tempPath' in output) await output.commit();
    else {
      if (cmd.force) rmSync(outPath, { recursive: true, force: true });
      output.commit();
    }
  } catch (e) {
    await pool?.close(); // first: workers may be writing record files into the temporary folder
    output.discard();
    if (controller.signal.aborted) {
      process.stderr.write(`\npqrst: interrupted; nothing was written to ${outPath}\n`);
      return 130;
    }
    throw e;
  } finally {
    await pool?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (!cmd.quiet) {
    const seconds = (performance.now() - startMs) / 1000;
    const rows = summary.rows.end - summary.rows.start;
    const shard = cmd.shard
      ? ` (shard ${cmd.shard.index}/${cmd.shard.count}: rows ${summary.rows.start}-${summary.rows.end - 1})`
      : '';
    process.stdout.write(
      `pqrst: wrote ${rows} records${shard} (${cmd.recipe.output}${cmd.zip ? ', zip' : ''}) to ${outPath} in ${seconds.toFixed(2)} s\n`,
    );
  }
  return 0;
}
