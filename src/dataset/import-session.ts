/**
 * One import in the studio, kept so that settings can change without reading the files again: the files
 * given, the records read from them (and those that could not be), and each record's lead at the last
 * rate and band-pass. `importFiles` reads and windows; `rewindow` windows the records already read with
 * new settings (rate, window, stride, label rule, rhythm map, band-pass, hand labels). Pure.
 */
import type { AbortSignalLike } from '../core/abort.ts';
import type { ClassName } from '../core/units.ts';
import type { BandpassSpec } from './band-pass.ts';
import {
  buildImportedDataset,
  type ImportedDataset,
  type ImportSource,
  type LeadPreparer,
  type SkippedRecord,
} from './build-import.ts';
import { bytesImportSources, type NamedBytes } from './bytes-import.ts';
import type { ImportSettings } from './import-recipe.ts';
import type { ImportRecord } from './import-types.ts';
import { formatLabelRule, type LabelRule } from './label-rule.ts';
import type { PatientMap } from './patient-map.ts';
import { prepareLead, type PreparedLead } from './prepare-lead.ts';

/** How records are read (changing these means reading the files again). */
export interface SessionLoadSettings {
  /** The lead asked for (`II`, `MLII`, `auto` ...). */
  lead: string;
  /** Annotator (file extension) of WFDB annotations, e.g. `atr`. */
  annotator: string;
  patients?: PatientMap;
}

/** How the records read are windowed (changing these re-windows only). */
export interface SessionWindowSettings {
  /** Output rate, Hz. */
  fsHz: number;
  /** Window length, s. */
  windowS: number;
  /** Step between windows, s. */
  strideS: number;
  rule: LabelRule;
  /** Rhythm note → class. */
  rhythmClasses: Readonly<Record<string, ClassName>>;
  bandpass?: BandpassSpec;
  /** Classes given by hand, by record name. */
  handLabels: Readonly<Record<string, ClassName>>;
}

/** Cancel and progress of a run. */
export interface SessionRunOptions {
  signal?: AbortSignalLike;
  /** After each record: records done, the total and the record's file or name. */
  onProgress?: (done: number, total: number, name: string) => void;
  /** Awaited before each record is read (lets a worker take a cancel message in between). */
  beforeLoad?: () => Promise<void>;
}

/**
 * A lead preparer that keeps, per record, the lead of the last rate and band-pass it was asked for, so
 * that a change of label rule, window or hand label does not resample again.
 */
export function cachedLeadPreparer(): LeadPreparer {
  const cache = new WeakMap<ImportRecord, { key: string; lead: PreparedLead }>();
  return (rec, fsOutHz, options) => {
    const key = `${fsOutHz}|${options.bandpass?.lowHz ?? ''}|${options.bandpass?.highHz ?? ''}`;
    const hit = cache.get(rec);
    if (hit !== undefined && hit.key === key) return hit.lead;
    const lead = prepareLead(rec.signalMv, rec.fsHz, fsOutHz, options);
    cache.set(rec, { key, lead });
    return lead;
  };
}

/** The import's state (see the module comment). */
export class ImportSession {
  private files: NamedBytes[] = [];
  private load: SessionLoadSettings | null = null;
  private records: ImportRecord[] = [];
  /** Files that make no record, and records that could not be read. */
  private notRead: SkippedRecord[] = [];
  private readonly prepare = cachedLeadPreparer();
  /** The dataset of the last finished run and its settings. */
  last: { dataset: ImportedDataset; settings: ImportSettings } | null = null;
  /** Records read from bytes so far (for tests: re-windowing reads none). */
  recordsParsed = 0;

  /** The records read by the last finished import, in file order. */
  get loaded(): readonly ImportRecord[] {
    return this.records;
  }

  /**
   * Read `files` (null: the files of the last import again, e.g. for another lead) with `load` and
   * window them with `win`. On cancel (the signal's error is thrown) the session keeps its last import.
   */
  async importFiles(
    files: NamedBytes[] | null,
    load: SessionLoadSettings,
    win: SessionWindowSettings,
    run: SessionRunOptions = {},
  ): Promise<ImportedDataset> {
    const input = files ?? this.files;
    const records: ImportRecord[] = [];
    const notRead: SkippedRecord[] = [];
    const paired = bytesImportSources(input, {
      lead: load.lead,
      annotator: load.annotator,
      patients: load.patients,
      beforeLoad: run.beforeLoad,
      onLoaded: (rec) => {
        this.recordsParsed++;
        records.push(rec);
      },
    });
    notRead.push(...paired.skipped);
    const sources = paired.sources.map((s): ImportSource => ({
      name: s.name,
      async load() {
        try {
          return await s.load();
        } catch (e) {
          if (!run.signal?.aborted) notRead.push({ file: s.name, reason: errorText(e) });
          throw e;
        }
      },
    }));
    const dataset = await this.build(sources, paired.skipped, win, run);
    this.files = input;
    this.load = load;
    this.records = records;
    this.notRead = notRead;
    this.last = { dataset, settings: this.settings(win) };
    return dataset;
  }

  /** Window the records read with `win` (no file is read); throws when nothing was imported yet. */
  async rewindow(win: SessionWindowSettings, run: SessionRunOptions = {}): Promise<ImportedDataset> {
    if (this.load === null) throw new Error('nothing imported yet');
    const sources = this.records.map((rec): ImportSource => ({
      name: rec.record,
      async load() {
        await run.beforeLoad?.();
        return rec;
      },
    }));
    const dataset = await this.build(sources, this.notRead, win, run);
    this.last = { dataset, settings: this.settings(win) };
    return dataset;
  }

  private async build(
    sources: ImportSource[],
    skipped: readonly SkippedRecord[],
    win: SessionWindowSettings,
    run: SessionRunOptions,
  ): Promise<ImportedDataset> {
    const dataset = await buildImportedDataset(sources, {
      fsHz: win.fsHz,
      windowS: win.windowS,
      strideS: win.strideS,
      rule: win.rule,
      rhythmClasses: win.rhythmClasses,
      bandpass: win.bandpass,
      handLabels: win.handLabels,
      prepare: this.prepare,
      signal: run.signal,
      onProgress: run.onProgress,
    });
    dataset.skippedRecords = [...skipped, ...dataset.skippedRecords];
    return dataset;
  }

  private settings(win: SessionWindowSettings): ImportSettings {
    const hand = Object.entries(win.handLabels);
    return {
      inputs: this.files.map((f) => f.name),
      lead: this.load?.lead ?? '',
      fsHz: win.fsHz,
      windowS: win.windowS,
      strideS: win.strideS,
      labelRule: formatLabelRule(win.rule),
      rhythmClasses: { ...win.rhythmClasses },
      recordLabelSources: [
        ...(hand.length > 0 ? [`given by hand: ${hand.map(([r, c]) => `${r}=${c}`).join(', ')}`] : []),
        'REFERENCE.csv among the files',
        '#Dx: SNOMED-CT codes (default table)',
      ],
      patientSource: this.load?.patients ? 'patients CSV (else the record name)' : 'record name',
      bandpass: win.bandpass,
    };
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
