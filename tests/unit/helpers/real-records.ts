// Readers of the real recordings in the ECG data folder for the analysis tests: MIT-BIH records (format
// 212, or MAT v4 `16+24`) with their beat and rhythm annotations, CinC 2017 records, and the 60-s CSV
// excerpts of `derived/`. Built on the project's WFDB header, record and annotation decoders.
import { parseHeader } from '../../../src/io/wfdb-header.ts';
import { readWfdbRecord } from '../../../src/io/wfdb-record.ts';
import { decodeAnnotations, isBeatSymbol } from '../../../src/io/wfdb-annotation.ts';
import { ecgFileExists, readCsvRecords, readEcgBytes, readEcgText } from './ecg-data.ts';

/** One lead of a real record, in mV. */
export interface RealLead {
  /** Samples in mV. */
  signalMv: Float32Array;
  /** Sampling rate (Hz). */
  fsHz: number;
}

/** A lead of an annotated MIT-BIH record: the reference beats and the rhythm episodes. */
export interface AnnotatedLead extends RealLead {
  /** Samples of the beat annotations (symbols for which `isBeatSymbol` holds), ascending. */
  beatSamples: number[];
  /** Rhythm annotations: sample where each rhythm (`(N`, `(AFIB` ...) starts. */
  rhythms: { sample: number; rhythm: string }[];
}

/**
 * Reads signal `signalIndex` of the WFDB record `relPath` (no extension, e.g. `mitdb/original/100`)
 * through the project's reader: any format it supports, including 212 and `16+24` MAT files.
 */
export function readWfdbLead(dataDir: string, relPath: string, signalIndex = 0): RealLead {
  const header = parseHeader(readEcgText(dataDir, `${relPath}.hea`), `${relPath}.hea`);
  const dir = relPath.includes('/') ? relPath.slice(0, relPath.lastIndexOf('/') + 1) : '';
  const files = new Map<string, Uint8Array>();
  for (const s of header.signals) {
    if (!files.has(s.fileName)) files.set(s.fileName, readEcgBytes(dataDir, dir + s.fileName));
  }
  const record = readWfdbRecord(header, files);
  return { signalMv: record.signalsMv[signalIndex], fsHz: header.fsHz };
}

/** Whether the record `relPath` (header, signal file named like the record, `.atr`) is present. */
export function annotatedRecordExists(dataDir: string, relPath: string): boolean {
  return ecgFileExists(dataDir, `${relPath}.hea`) && ecgFileExists(dataDir, `${relPath}.atr`);
}

/** Lead 0 (MLII) of an annotated MIT-BIH record with its `.atr` beats and rhythm notes. */
export function readAnnotatedLead(dataDir: string, relPath: string): AnnotatedLead {
  const lead = readWfdbLead(dataDir, relPath, 0);
  const anns = decodeAnnotations(readEcgBytes(dataDir, `${relPath}.atr`), `${relPath}.atr`);
  const beatSamples = anns.filter((a) => isBeatSymbol(a.symbol)).map((a) => a.sample);
  const rhythms = anns
    .filter((a) => a.symbol === '+' && a.aux.startsWith('('))
    .map((a) => ({ sample: a.sample, rhythm: a.aux.replace(/\0/g, '').trim() }));
  return { ...lead, beatSamples, rhythms };
}

/** A `derived/` CSV excerpt (header `time_s,<lead>_mV`): the mV column, fs from the time column. */
export function readDerivedCsv(dataDir: string, relPath: string): RealLead {
  const lines = readEcgText(dataDir, relPath)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const values = new Float32Array(lines.length - 1);
  const times = new Float64Array(lines.length - 1);
  for (let i = 1; i < lines.length; i++) {
    const comma = lines[i].indexOf(',');
    times[i - 1] = Number(lines[i].slice(0, comma));
    values[i - 1] = Number(lines[i].slice(comma + 1));
  }
  const fsHz = Math.round((times.length - 1) / (times[times.length - 1] - times[0]));
  return { signalMv: values, fsHz };
}

/** A CinC 2017 validation record and its reference label (N, A, O or ~). */
export interface CincRecord extends RealLead {
  name: string;
  label: string;
}

/** The CinC 2017 validation records with label in `labels` (all when omitted), in REFERENCE.csv order. */
export function readCinc2017(dataDir: string, labels?: string[]): CincRecord[] {
  const dir = 'cinc2017/validation';
  const rows = readEcgText(dataDir, `${dir}/REFERENCE.csv`)
    .split(/\r?\n/)
    .map((l) => l.trim().split(','))
    .filter((r) => r.length === 2 && (labels === undefined || labels.includes(r[1])));
  return rows
    .filter(([name]) => ecgFileExists(dataDir, `${dir}/${name}.hea`))
    .map(([name, label]) => ({ name, label, ...readWfdbLead(dataDir, `${dir}/${name}`) }));
}

/** Rhythm episodes of a record from `labels/rhythm_segments.csv`, in seconds from the record start. */
export function rhythmSegments(
  dataDir: string,
  record: string,
): { rhythm: string; startS: number; endS: number }[] {
  return readCsvRecords(dataDir, 'labels/rhythm_segments.csv')
    .filter((r) => r.record === record)
    .map((r) => ({ rhythm: r.rhythm, startS: Number(r.start_s), endS: Number(r.end_s) }));
}
