/**
 * Export a synthetic dataset as a zip archive streamed into a byte sink: the layout of the dataset
 * folder, STORED entries with a fixed timestamp, ZIP64 when needed. The studio and `pqrst generate
 * --zip` both call this, so they write the same bytes.
 */
import { ZipWriter, type ZipByteSink, type ZipSummary } from '../io/zip.ts';
import { exportDataset, type ExportOptions, type ExportSummary } from './export-dataset.ts';
import type { SyntheticRecipe } from './recipe.ts';

/** Write the dataset (or shard) of `recipe` as a zip into `sink`; the archive is complete when it resolves. */
export async function exportDatasetZip(
  recipe: SyntheticRecipe,
  sink: ZipByteSink,
  options: ExportOptions = {},
): Promise<ExportSummary & { zip: ZipSummary }> {
  const zip = new ZipWriter(sink);
  const summary = await exportDataset(recipe, zip, options);
  return { ...summary, zip: await zip.finish() };
}
