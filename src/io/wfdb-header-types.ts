/**
 * One signal specification line of a WFDB header (header(5)), with the WFDB defaults filled in for
 * fields the line leaves out.
 */
export interface WfdbSignalSpec {
  /** Name of the file holding the samples; several signals may share one file. */
  fileName: string;
  /** Storage format code (8, 16, 24, 32, 61, 80, 160, 212, 310, 311, 508, ...). */
  format: number;
  /** Samples of this signal per frame (the `x` suffix of the format field); default 1. */
  samplesPerFrame: number;
  /** Samples of skew (the `:` suffix of the format field); default 0. */
  skew: number;
  /** Bytes before sample 0 in the signal file (the `+` suffix, e.g. `16+24`); default 0. */
  byteOffset: number;
  /** ADC units per physical unit (`units`); 200 when the field is absent or 0 (uncalibrated). */
  gainAdcPerUnit: number;
  /** ADC value of 0 physical units (the `(baseline)` suffix of the gain); defaults to `adcZero`. */
  baselineAdc: number;
  /** Physical units (the `/units` suffix of the gain), e.g. `mV`; default `mV`. */
  units: string;
  /** ADC resolution in bits; defaults by format (8 for 80, 16 for 160, 10 for 310/311, else 12). */
  adcResolutionBits: number;
  /** ADC value at mid-range of the converter; default 0. */
  adcZero: number;
  /** Value of sample 0 (used by difference formats); defaults to `adcZero`. */
  initialValue: number;
  /**
   * Checksum as written in the header (absent: not given). WFDB compares it modulo 2^16 with the
   * signed 16-bit sum of all samples; some writers store it unsigned (e.g. 64292 for -1244).
   */
  checksum?: number;
  /** Block size in bytes (0 for ordinary files). */
  blockSizeBytes: number;
  /** Signal description (the lead name for ECGs, e.g. `MLII`); empty when absent. */
  description: string;
}

/** A parsed single-segment WFDB header: the record line, the signal lines and the `#` comment lines. */
export interface WfdbHeader {
  /** Record name (first field of the record line). */
  recordName: string;
  /** Number of signals, equal to `signals.length`. */
  nSignals: number;
  /** Sampling frequency in Hz per signal (frame rate); 250 when absent. */
  fsHz: number;
  /** Counter frequency in Hz (after `/` in the frequency field), when given. */
  counterFreqHz?: number;
  /** Counter value at sample 0 (in parentheses after the counter frequency), when given. */
  baseCounter?: number;
  /** Number of samples (frames) per signal; 0 means unspecified. */
  nSamples: number;
  /** Time of day of sample 0 as written, e.g. `17:27:45` or `19:46:25.757`. */
  baseTime?: string;
  /** Date of sample 0 as written, normally `DD/MM/YYYY`. */
  baseDate?: string;
  /** One entry per signal, in signal order. */
  signals: WfdbSignalSpec[];
  /** Text of each comment line, without the `#` and surrounding whitespace, in file order. */
  comments: string[];
}
