// Benchmark: import and window all of `../shared/ecg-data/mitdb` (or $ECG_DATA_DIR/mitdb) in Node with
// the pipeline `pqrst import` uses: read, resample 360 → 500 Hz, cut labelled 10-s windows. Prints one
// JSON line; run with `npx tsx bench/import-windowing.ts`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectImportInputs, importSources } from '../src/cli/import-files.ts';
import { buildImportedDataset } from '../src/dataset/build-import.ts';
import { parseLabelRule } from '../src/dataset/label-rule.ts';
import { DEFAULT_RHYTHM_CLASSES } from '../src/dataset/rhythm-classes.ts';
import { DEFAULT_SNOMED_CLASSES } from '../src/dataset/snomed-labels.ts';

/** Median wall time of importing the MIT-BIH folder, or null when the data folder is missing. */
export async function benchImportWindowing(runs = 5): Promise<object | null> {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const dataDir = path.resolve(root, process.env.ECG_DATA_DIR || '../shared/ecg-data');
  const dir = path.join(dataDir, 'mitdb');
  if (!existsSync(dir)) {
    process.stderr.write(`bench: ${dir} not found (set ECG_DATA_DIR); import-windowing skipped\n`);
    return null;
  }
  const times: number[] = [];
  let windows = 0;
  let records = 0;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const { inputs } = collectImportInputs([dir]);
    const sources = importSources(inputs, { lead: 'II', snomedClasses: DEFAULT_SNOMED_CLASSES });
    const ds = await buildImportedDataset(sources, {
      fsHz: 500,
      windowS: 10,
      strideS: 10,
      rule: parseLabelRule('contains-beat:V=pvc,rhythm-majority:0.8'),
      rhythmClasses: DEFAULT_RHYTHM_CLASSES,
    });
    times.push(performance.now() - t0);
    windows = ds.rows.length;
    records = ds.records.length;
  }
  times.sort((a, b) => a - b);
  const medianMs = Math.round(times[times.length >> 1]);
  return { bench: 'import-windowing', folder: 'mitdb', records, windows, medianMs };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const line = await benchImportWindowing();
  if (line !== null) process.stdout.write(JSON.stringify(line) + '\n');
}
