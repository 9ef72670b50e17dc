/** One signal's header fields in an EDF or EDF+ file (trimmed text, numbers parsed). */
export interface EdfSignalHeader {
  /** Label, e.g. `ECG MLII`, or `EDF Annotations` for the EDF+ annotation signal. */
  label: string;
  /** Transducer type. */
  transducer: string;
  /** Physical dimension (units), e.g. `mV`, `uV`; empty for annotations. */
  units: string;
  /** Physical value of the digital minimum. */
  physicalMin: number;
  /** Physical value of the digital maximum. */
  physicalMax: number;
  /** Smallest digital value (-32768..32767). */
  digitalMin: number;
  /** Largest digital value (-32768..32767), above `digitalMin`. */
  digitalMax: number;
  /** Prefiltering text, e.g. `HP:0.1Hz LP:75Hz`. */
  prefiltering: string;
  /** Samples of this signal in each data record. */
  samplesPerRecord: number;
  /** Whether this is an EDF+ annotation signal (label `EDF Annotations`). */
  isAnnotation: boolean;
}

/** The fixed header of an EDF or EDF+ file. */
export interface EdfHeader {
  /** `EDF` for plain EDF, `EDF+C` (continuous) or `EDF+D` (discontinuous) for EDF+. */
  variant: 'EDF' | 'EDF+C' | 'EDF+D';
  /** Local patient identification (EDF+: `code sex birthdate name`). */
  patient: string;
  /** Local recording identification (EDF+: `Startdate dd-MMM-yyyy ...`). */
  recording: string;
  /** Start date as written, `dd.mm.yy`. */
  startDate: string;
  /** Start time as written, `hh.mm.ss`. */
  startTime: string;
  /** Bytes of the header: 256 * (signals + 1). */
  headerBytes: number;
  /** Data records the header announces; -1 when unknown (then taken from the file size). */
  nDataRecords: number;
  /** Duration of one data record in seconds (0 only for annotation-only files). */
  recordDurationS: number;
  /** One entry per signal, annotation signals included, in file order. */
  signals: EdfSignalHeader[];
}

/** One EDF+ annotation: a text of a time-stamped annotation list (TAL). */
export interface EdfAnnotation {
  /** Onset in seconds from the file's start time. */
  onsetS: number;
  /** Duration in seconds, when the TAL gives one. */
  durationS?: number;
  /** The annotation text (UTF-8), e.g. `(AFIB` or `Sleep stage W`. */
  text: string;
}

/** An ordinary (non-annotation) EDF signal with its samples. */
export interface EdfSignal {
  /** Its header fields. */
  header: EdfSignalHeader;
  /** Samples per second: samples per record / record duration. */
  fsHz: number;
  /** Digital values as stored (16-bit). */
  digital: Int16Array;
  /** Physical values in the signal's units: pmin + (d - dmin) * (pmax - pmin) / (dmax - dmin). */
  physical: Float32Array;
}

/** An EDF or EDF+ file read into memory. */
export interface EdfRecord {
  /** The parsed header. */
  header: EdfHeader;
  /** The ordinary signals, in file order (annotation signals left out). */
  signals: EdfSignal[];
  /** EDF+ annotations of all annotation signals, in file order (time-keeping TALs left out). */
  annotations: EdfAnnotation[];
  /** Start of each data record in seconds: the time-keeping TAL for EDF+, else k * duration. */
  recordStartsS: number[];
  /** Problems that did not stop the reading (size mismatches, malformed TALs, EDF+D). */
  warnings: string[];
}
