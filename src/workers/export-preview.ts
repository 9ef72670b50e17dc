/**
 * The builder's preview of a recipe, computed in the export worker: the first records of each class,
 * exactly as the dataset will hold them (row params with the row's seed), cut to their first seconds,
 * and the expected size of the archive.
 */
import { estimateDatasetBytes } from '../dataset/dataset-size.ts';
import { rowInfo, totalRows } from '../dataset/recipe-rows.ts';
import { synthesize } from '../synth/index.ts';
import type { PreviewClass, PreviewRequest, PreviewResult } from './export-protocol.ts';

/** The first `perClass` records of each class with records, and the archive size. Throws on bad input. */
export function computePreview(request: PreviewRequest): PreviewResult {
  const startMs = performance.now();
  const { recipe, perClass, windowS } = request;
  const classes: PreviewClass[] = [];
  let firstRow = 0;
  for (const c of recipe.classes) {
    const out: PreviewClass = { className: c.className, names: [], thumbs: [] };
    for (let k = 0; k < Math.min(perClass, c.count); k++) {
      const info = rowInfo(recipe, firstRow + k);
      const record = synthesize({ ...c.params, seed: info.seed });
      const n = Math.min(record.signalMv.length, Math.round(windowS * record.fsHz));
      const ventricular: number[] = [];
      record.rPeak.forEach((r, i) => {
        if (r < n && record.beatSymbol[i] === 'V') ventricular.push(r);
      });
      out.names.push(info.name);
      out.thumbs.push({
        seed: info.seed,
        className: c.className,
        fsHz: record.fsHz,
        signalMv: record.signalMv.slice(0, n),
        ventricularPeaks: Int32Array.from(ventricular),
      });
    }
    if (c.count > 0) classes.push(out);
    firstRow += c.count;
  }
  const size = estimateDatasetBytes(recipe, true);
  // An npy archive's size is exact until ZIP64 records are needed (4 GB or 65,535 entries).
  const exact = size.exact || (recipe.output === 'npy' && size.bytes < 0xffffffff);
  return {
    type: 'preview',
    id: request.id,
    classes,
    rows: totalRows(recipe),
    estimatedBytes: size.bytes,
    exact,
    workMs: performance.now() - startMs,
  };
}

/** The buffers of a preview, for transfer. */
export function previewTransferables(result: PreviewResult): ArrayBuffer[] {
  return result.classes.flatMap((c) =>
    c.thumbs.flatMap((t) => [t.signalMv.buffer, t.ventricularPeaks.buffer]),
  ) as ArrayBuffer[];
}
