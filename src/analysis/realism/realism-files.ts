/**
 * The files of a realism report, as `pqrst realism` writes them into its `--out` folder and the studio
 * exports them: `report.json` (the report, 2-space JSON, one line end) and the SVG figures
 * (`realismFigures`), and the same files (with any extras, such as the synthetic set's `recipe.json`) as
 * one zip archive.
 */
import { ZipWriter } from '../../io/zip.ts';
import { encodeUtf8 } from '../../io/utf8-encode.ts';
import { realismFigures } from './realism-figures.ts';
import type { RealismReport } from './realism-report.ts';

/** The text of `report.json`. */
export function reportJson(report: RealismReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** File name → text of every file of `report`: `report.json`, then the figures. */
export function realismFiles(report: RealismReport): Record<string, string> {
  return { 'report.json': reportJson(report), ...realismFigures(report) };
}

/** A zip archive (STORED entries, in the given order) of `files` (name → text). */
export async function realismZip(files: Record<string, string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter({ write: (chunk) => void chunks.push(chunk.slice()) });
  for (const [name, text] of Object.entries(files)) await zip.addFile(name, encodeUtf8(text));
  const { archiveBytes } = await zip.finish();
  const out = new Uint8Array(archiveBytes);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
