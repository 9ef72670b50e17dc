import type { WfdbHeader } from './wfdb-header-types.ts';

/** Options of `readWfdbRecord`. */
export interface ReadWfdbOptions {
  /** Largest signal file accepted, in bytes; larger ones are refused by their size (default 1 GB). */
  maxInputBytes?: number;
  /**
   * Read every signal from the same frames, ignoring the `:skew` of the format fields (as
   * `wfdb.rdrecord(..., ignore_skew=True)` does). Default false: sample i of a signal with skew k is
   * taken from frame i + k, as the WFDB library's getvec does.
   */
  ignoreSkew?: boolean;
  /** The header's file name, for messages; default `<record name>.hea`. */
  headerFileName?: string;
}

/** A WFDB record read from its header and signal files. */
export interface WfdbRecord {
  /** The parsed header the record was read with. */
  header: WfdbHeader;
  /**
   * Samples in ADC units, one array per signal in header order, `nSamples * samplesPerFrame` long (all
   * samples of a multi-sample-per-frame signal, in time order). Samples the files do not hold (past the
   * end after a skew, a truncated last frame, format 0) carry the format's invalid marker
   * (`WfdbFormatInfo.invalidAdc`).
   */
  signalsAdc: Int32Array[];
  /**
   * Physical values `(adc - baseline) / gain`, converted to millivolts when the signal's units are a
   * voltage (`mV`, `uV`, `V` ...); other units (`mmHg`, `NU`) stay as they are. Invalid samples are NaN.
   */
  signalsMv: Float32Array[];
  /** Problems that did not stop the reading: checksum and initial-value mismatches, size mismatches. */
  warnings: string[];
}
