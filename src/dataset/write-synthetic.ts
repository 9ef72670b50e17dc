/**
 * Generate a synthetic dataset folder from a recipe into a sink (a Node folder in the CLI, later a zip
 * archive in the browser). Pure: the sink does the I/O. Reports progress and honours an AbortSignal.
 */
import type { AbortSignalLike } from '../core/abort.ts';
import { encodeSignalCsv } from '../io/csv-signal.ts';
import { npyHeaderFloat32 } from '../io/npy.ts';
import { recordSeed, synthesize } from '../synth/index.ts';
import { datasetReadme } from './dataset-readme.ts';
import { formatLabelRow, LABELS_HEADER } from './labels-csv.ts';
import { recordName, type SyntheticRecipe } from './recipe.ts';
import { wfdbRecordFiles } from './wfdb-record-files.ts';

/** Where dataset files go. Paths use '/' and are relative to the dataset folder. */
export interface DatasetSink {
  /** Write a whole file. */
  writeFile(path: string, data: Uint8Array | string): void | Promise<void>;
  /** Append to a file, creating it on first use. */
  appendFile(path: string, data: Uint8Array | string): void | Promise<void>;
}

/** Options of `writeSyntheticDataset`. */
export interface WriteOptions {
  signal?: AbortSignalLike;
  /** Called after each record with the number done so far. */
  onProgress?: (done: number, total: number) => void;
}

/** Write every file of the dataset `recipe` describes into `sink`, in a fixed order. */
export async function writeSyntheticDataset(
  recipe: SyntheticRecipe,
  sink: DatasetSink,
  options: WriteOptions = {},
): Promise<void> {
  const { params, className, count } = recipe;
  const nSamples = Math.round(params.durationS * params.fsHz);
  await sink.writeFile('recipe.json', JSON.stringify(recipe, null, 2) + '\n');
  await sink.writeFile('README.txt', datasetReadme(recipe));
  if (recipe.output === 'npy') await sink.writeFile('signals.npy', npyHeaderFloat32([count, nSamples]));
  let labels = LABELS_HEADER + '\n';
  const names: string[] = [];
  // One output buffer for every record: each is fully written out before the next is made.
  const out = new Float32Array(nSamples);
  for (let row = 0; row < count; row++) {
    options.signal?.throwIfAborted();
    const seed = recordSeed(recipe.seed, className, row);
    const record = synthesize({ ...params, className, seed }, { out });
    const name = recordName(className, row);
    names.push(name);
    labels += formatLabelRow({
      row,
      record: name,
      patient: name,
      className,
      seed,
      startS: 0,
      fsHz: params.fsHz,
      split: '',
    });
    if (recipe.output === 'npy') {
      await sink.appendFile('signals.npy', new Uint8Array(record.signalMv.buffer, 0, nSamples * 4));
    } else if (recipe.output === 'csv') {
      await sink.writeFile(`csv/${name}.csv`, encodeSignalCsv(record.signalMv, params.fsHz));
    } else {
      const files = wfdbRecordFiles(name, record);
      await sink.writeFile(`wfdb/${name}.hea`, files.hea);
      await sink.writeFile(`wfdb/${name}.dat`, files.dat);
      await sink.writeFile(`wfdb/${name}.atr`, files.atr);
      await sink.writeFile(`wfdb/${name}.fid`, files.fid);
    }
    options.onProgress?.(row + 1, count);
  }
  if (recipe.output === 'wfdb') await sink.writeFile('wfdb/RECORDS', names.join('\n') + '\n');
  await sink.writeFile('labels.csv', labels);
}
