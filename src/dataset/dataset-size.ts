/**
 * The expected size of a dataset before it is made (the builder's preview), in O(classes): exact for
 * the text files and signals.npy; for wfdb and csv from the first record of each class, scaled by its
 * count. Zip archives add each entry's headers (STORED: no compression).
 */
import { npyHeaderFloat32 } from '../io/npy.ts';
import { encodeUtf8 } from '../io/utf8-encode.ts';
import { datasetReadme } from './dataset-readme.ts';
import { encodeRowFiles } from './encode-rows.ts';
import { labelsSizes } from './labels-size.ts';
import type { SyntheticRecipe } from './recipe.ts';
import { samplesPerRecord, totalRows } from './recipe-rows.ts';
import { recipeJson } from './recipe-validate.ts';

/** Bytes of a file in a zip beyond its data: local header (30) + central header (46) + 2 names. */
function zipEntryOverhead(path: string, sizeBytes: number): number {
  const zip64 = sizeBytes >= 0xffffffff ? 20 + 28 : 0;
  return 30 + 46 + 2 * path.length + zip64;
}

/**
 * The expected size in bytes of the dataset (or of its archive with `zip`), and whether it is exact
 * (an npy folder). Synthesizes one record per class for wfdb and csv.
 */
export function estimateDatasetBytes(
  recipe: SyntheticRecipe,
  zip = false,
): { bytes: number; exact: boolean } {
  const rows = totalRows(recipe);
  let bytes = 0;
  const add = (path: string, size: number, count = 1) => {
    bytes += count * (size + (zip ? zipEntryOverhead(path, size) : 0));
  };
  add('recipe.json', encodeUtf8(recipeJson(recipe)).length);
  add('README.txt', encodeUtf8(datasetReadme(recipe)).length);
  const { labelsBytes, recordsBytes } = labelsSizes(recipe);
  add('labels.csv', labelsBytes);
  if (recipe.output === 'npy') {
    const n = samplesPerRecord(recipe);
    add('signals.npy', npyHeaderFloat32([rows, n]).length + rows * n * 4);
    if (zip) bytes += 16 + 22; // its data descriptor; the end record (ZIP64 records not counted)
    return { bytes, exact: !zip };
  }
  if (recipe.output === 'wfdb') {
    add('wfdb/RECORDS', recordsBytes);
  }
  let first = 0;
  for (const c of recipe.classes) {
    if (c.count > 0) {
      for (const f of encodeRowFiles(recipe, first)) add(f.path, f.data.length, c.count);
    }
    first += c.count;
  }
  return { bytes: bytes + (zip ? 22 : 0), exact: false };
}
