/**
 * The summary of an import: windows, records and patients per class, and everything skipped with its
 * reason. Records and patients count once per class they have at least one window of.
 */
import { CLASS_NAMES, type ClassName } from '../core/units.ts';
import type { ImportedDataset, SkippedImportWindow, SkippedRecord } from './build-import.ts';

/** Counts of one class. */
export interface ClassCounts {
  windows: number;
  records: number;
  patients: number;
}

/** Per-record figures of the summary. */
export interface RecordSummary {
  record: string;
  patient: string;
  lead: string;
  fsInHz: number;
  /** Duration of the source record, s. */
  durationS: number;
  windows: number;
  skippedWindows: number;
  warnings: string[];
}

/** The summary of an imported dataset. */
export interface ImportSummary {
  /** Windows written (rows of signals.npy). */
  windows: number;
  /** Records with at least one window. */
  records: number;
  /** Patients with at least one window. */
  patients: number;
  /** Counts per class, every class listed. */
  perClass: Record<ClassName, ClassCounts>;
  /** Every record that was read. */
  recordsRead: RecordSummary[];
  skippedRecords: SkippedRecord[];
  skippedWindows: SkippedImportWindow[];
}

/** Summarize `dataset`. */
export function summarizeImport(dataset: ImportedDataset): ImportSummary {
  const perClass = {} as Record<ClassName, ClassCounts>;
  for (const c of CLASS_NAMES) {
    const rows = dataset.rows.filter((r) => r.className === c);
    perClass[c] = {
      windows: rows.length,
      records: new Set(rows.map((r) => r.record)).size,
      patients: new Set(rows.map((r) => r.patient)).size,
    };
  }
  return {
    windows: dataset.rows.length,
    records: new Set(dataset.rows.map((r) => r.record)).size,
    patients: new Set(dataset.rows.map((r) => r.patient)).size,
    perClass,
    recordsRead: dataset.records.map((r) => ({
      record: r.record,
      patient: r.patient,
      lead: r.lead,
      fsInHz: r.fsInHz,
      durationS: Math.round((r.nSamplesIn / r.fsInHz) * 1000) / 1000,
      windows: r.windows,
      skippedWindows: r.skippedWindows,
      warnings: r.warnings,
    })),
    skippedRecords: dataset.skippedRecords,
    skippedWindows: dataset.skippedWindows,
  };
}
