/**
 * The import summary as plain text for a terminal or README: a table of windows, records and patients per
 * class, the records read, the records skipped with their reasons, and the skipped windows grouped by
 * record and reason.
 */
import { CLASS_NAMES } from '../core/units.ts';
import type { ImportSummary } from './import-summary.ts';

/** The reason's fixed phrases (each `; `-separated part cut at its `: `), for grouping. */
function reasonKind(reason: string): string {
  return reason
    .split('; ')
    .map((p) => p.split(': ')[0])
    .join('; ');
}

function pad(text: string | number, width: number): string {
  return String(text).padStart(width);
}

/** The summary as text lines (joined with `\n`, ending in one). */
export function formatImportSummary(s: ImportSummary): string {
  const lines = ['class      windows  records  patients'];
  for (const c of CLASS_NAMES) {
    const k = s.perClass[c];
    lines.push(`${c.padEnd(8)} ${pad(k.windows, 9)} ${pad(k.records, 8)} ${pad(k.patients, 9)}`);
  }
  lines.push(`${'total'.padEnd(8)} ${pad(s.windows, 9)} ${pad(s.records, 8)} ${pad(s.patients, 9)}`);
  if (s.recordsRead.length > 0) {
    lines.push('', `Records read (${s.recordsRead.length}):`);
    for (const r of s.recordsRead) {
      const skipped = r.skippedWindows > 0 ? `, ${r.skippedWindows} skipped` : '';
      lines.push(
        `  ${r.record} (patient ${r.patient}, lead ${r.lead}, ${r.fsInHz} Hz, ${r.durationS} s): ${r.windows} windows${skipped}`,
      );
      for (const w of r.warnings) lines.push(`    warning: ${w}`);
    }
  }
  if (s.skippedRecords.length > 0) {
    lines.push('', `Skipped records (${s.skippedRecords.length}):`);
    for (const r of s.skippedRecords) lines.push(`  ${r.file}: ${r.reason}`);
  }
  if (s.skippedWindows.length > 0) {
    lines.push('', `Skipped windows (${s.skippedWindows.length}):`);
    const groups = new Map<string, { record: string; kind: string; count: number; firstS: number }>();
    for (const w of s.skippedWindows) {
      const kind = reasonKind(w.reason);
      const key = `${w.record}\n${kind}`;
      const g = groups.get(key) ?? { record: w.record, kind, count: 0, firstS: w.startS };
      g.count++;
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      lines.push(`  ${g.record}: ${g.count} × ${g.kind} (first at ${g.firstS} s)`);
    }
  }
  return lines.join('\n') + '\n';
}
