/** The typed output of the synthesizer: a signal, its beats, rhythm notes and wave fiducials. */

/** Wave fiducials of every beat, as sample indices; -1 where a beat has no such point (e.g. no P). */
export interface Fiducials {
  pOn: Int32Array;
  pPeak: Int32Array;
  pOff: Int32Array;
  qrsOn: Int32Array;
  qrsOff: Int32Array;
  tPeak: Int32Array;
  tOff: Int32Array;
}

/** A rhythm note, in MIT-BIH semantics (aux string such as `(N`, `(AFIB`), starting at `sample`. */
export interface RhythmNote {
  sample: number;
  aux: string;
}

/** One synthesised single-lead (II) record. */
export interface SynthRecord {
  /** Lead II in millivolts. */
  signalMv: Float32Array;
  /** Sampling rate in Hz. */
  fsHz: number;
  /** R-peak sample of every beat (ascending). */
  rPeak: Int32Array;
  /** Beat symbol of every beat, MIT-BIH codes (`N` normal, `V` ventricular). */
  beatSymbol: string[];
  /** Rhythm notes; the first is at sample 0. */
  rhythm: RhythmNote[];
  /** Wave fiducials, one entry per beat, aligned with `rPeak`. */
  fiducials: Fiducials;
  /** Samples of atrial waves that are not a beat's P wave (atrial flutter F-wave troughs); ascending. */
  atrialWaves: Int32Array;
}
