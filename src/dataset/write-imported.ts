/**
 * Writes an imported (real) dataset into a sink in the foundation's layout: `recipe.json`, `README.txt`,
 * `signals.npy` (float32 [windows, samples], mV), `labels.csv` (`row,record,patient,class,seed,start_s,
 * fs_hz,split`, seed empty for real data) and `summary.json`. Pure: the sink does the I/O.
 */
import type { AbortSignalLike } from '../core/abort.ts';
import { npyHeaderFloat32 } from '../io/npy.ts';
import type { ImportedDataset, ImportedRow } from './build-import.ts';
import { importReadme } from './import-readme.ts';
import { importRecipe, type ImportRecipe, type ImportSettings } from './import-recipe.ts';
import { summarizeImport, type ImportSummary } from './import-summary.ts';
import { LABELS_HEADER } from './labels-csv.ts';
import type { DatasetSink } from './write-synthetic.ts';

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes of `chunk` as little-endian float32. */
function float32LeBytes(chunk: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN_HOST) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const view = new DataView(new ArrayBuffer(chunk.byteLength));
  chunk.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return new Uint8Array(view.buffer);
}

/** A CSV cell: quoted (with doubled quotes) when it holds a comma, quote or line break. */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One labels.csv line of a real-data window (seed and split empty). */
function labelLine(r: ImportedRow, fsHz: number): string {
  return `${r.row},${csvCell(r.record)},${csvCell(r.patient)},${r.className},,${r.startS},${fsHz},\n`;
}

/** Options of `writeImportedDataset`. */
export interface WriteImportedOptions {
  signal?: AbortSignalLike;
}

/** Write `dataset` (built with `settings`) into `sink`; returns the recipe and summary written. */
export async function writeImportedDataset(
  dataset: ImportedDataset,
  settings: ImportSettings,
  sink: DatasetSink,
  options: WriteImportedOptions = {},
): Promise<{ recipe: ImportRecipe; summary: ImportSummary }> {
  const recipe = importRecipe(settings, dataset);
  const summary = summarizeImport(dataset);
  await sink.writeFile('recipe.json', JSON.stringify(recipe, null, 2) + '\n');
  await sink.writeFile('README.txt', importReadme(recipe, summary));
  await sink.writeFile('signals.npy', npyHeaderFloat32([dataset.rows.length, dataset.windowSamples]));
  for (const chunk of dataset.chunks) {
    options.signal?.throwIfAborted();
    await sink.appendFile('signals.npy', float32LeBytes(chunk));
  }
  let labels = LABELS_HEADER + '\n';
  for (const r of dataset.rows) labels += labelLine(r, dataset.fsHz);
  await sink.writeFile('labels.csv', labels);
  await sink.writeFile('summary.json', JSON.stringify(summary, null, 2) + '\n');
  return { recipe, summary };
}
