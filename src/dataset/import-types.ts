/**
 * The shapes the real-ECG import pipeline passes around: one record's chosen lead with its labels (what a
 * loader hands in), and the time spans the labels are made of. Times are seconds from the record's first
 * sample.
 */
import type { ClassName } from '../core/units.ts';

/** A labelled stretch of a record, in seconds: [startS, endS). */
export interface RhythmSpan {
  /** The label text as the source writes it, e.g. `(AFIB`, `(N`, or a class name `af`. */
  label: string;
  /** Start, s from the record start. */
  startS: number;
  /** End (exclusive), s from the record start. */
  endS: number;
}

/** One beat annotation. */
export interface BeatMark {
  /** Beat symbol, e.g. `N`, `V`, `A`. */
  symbol: string;
  /** Time of the beat, s from the record start. */
  timeS: number;
}

/** A label for a whole record (CinC 2017 REFERENCE.csv, `#Dx:` codes, or given by hand). */
export interface RecordLabel {
  /** The class, when the source's label maps to one. */
  className?: ClassName;
  /** Where the label came from and what it said, e.g. `REFERENCE.csv: A`, `#Dx: 164889003`. */
  source: string;
}

/** One record ready for the pipeline: the chosen lead in mV at its own rate, its labels and patient. */
export interface ImportRecord {
  /** Record name, unique within the import (the `record` column of labels.csv). */
  record: string;
  /** Patient id (the `patient` column): from a patient map, or the record name. */
  patient: string;
  /** Files the record was read from, for the recipe. */
  files: string[];
  /** Name of the lead taken, as the file writes it (e.g. `MLII`, `ECG`). */
  lead: string;
  /** Sampling rate of `signalMv`, Hz. */
  fsHz: number;
  /** The lead, mV; invalid samples are NaN. */
  signalMv: Float32Array;
  /** Rhythm episodes (WFDB rhythm notes, EDF+ annotations, a CSV label column), any order. */
  rhythms: RhythmSpan[];
  /** Beat annotations, any order. */
  beats: BeatMark[];
  /** A record-level label, when there is one. */
  recordLabel?: RecordLabel;
  /** Problems that did not stop the reading. */
  warnings: string[];
}
