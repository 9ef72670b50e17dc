/**
 * `recipe.json` of an imported (real) dataset: what was imported and how — the inputs, lead, output
 * rate, window and stride, label rule and rhythm map, record-label and patient sources, the anti-alias
 * filter of every source rate with its measured figures, the band-pass, and per record its files,
 * patient and rows.
 */
import { lowpassFigures } from '../core/lowpass-figures.ts';
import { ANTI_ALIAS_SPEC, resampleFilter } from '../core/resample-filter.ts';
import type { ClassName } from '../core/units.ts';
import { BANDPASS_ORDERS, type BandpassSpec } from './band-pass.ts';
import type { ImportedDataset } from './build-import.ts';

/** The settings of an import, as chosen by the user. */
export interface ImportSettings {
  /** The inputs as given (files, folders). */
  inputs: string[];
  /** The lead asked for (`II` also takes `MLII`). */
  lead: string;
  /** Output rate, Hz. */
  fsHz: number;
  /** Window length, s. */
  windowS: number;
  /** Step between windows, s. */
  strideS: number;
  /** The label rule as text (label-rule.ts). */
  labelRule: string;
  /** Rhythm label → class. */
  rhythmClasses: Record<string, ClassName>;
  /** Where record-level labels came from, in words (e.g. `REFERENCE.csv beside each record`). */
  recordLabelSources: string[];
  /** Where patients came from, in words (e.g. `patients.csv`, `record name`). */
  patientSource: string;
  /** Optional band-pass after resampling. */
  bandpass?: BandpassSpec;
}

/** The anti-alias filter used for one source rate. */
export interface RecipeResampler {
  fsInHz: number;
  /** Upsampling factor L. */
  up: number;
  /** Downsampling factor M. */
  down: number;
  taps: number;
  kaiserBeta: number;
  passbandEdgeHz: number;
  stopbandEdgeHz: number;
  /** Measured on the designed filter, dB. */
  measuredPassbandRippleDb: number;
  /** Measured on the designed filter, dB. */
  measuredStopbandAttenuationDb: number;
}

/** The recipe of an imported dataset. */
export interface ImportRecipe extends Omit<ImportSettings, 'bandpass'> {
  format: 'pqrst-import';
  formatVersion: 1;
  windowSamples: number;
  /** The band-pass, or null when none was applied. */
  bandpass: (BandpassSpec & { highpassOrder: number; lowpassOrder: number; zeroPhase: true }) | null;
  antiAlias: {
    method: string;
    spec: typeof ANTI_ALIAS_SPEC;
    resamplers: RecipeResampler[];
  };
  records: {
    record: string;
    patient: string;
    files: string[];
    lead: string;
    fsInHz: number;
    nSamplesIn: number;
    windows: number;
    /** Row of its first window in signals.npy (rows of a record are consecutive). */
    firstRow: number;
  }[];
}

function resampler(fsInHz: number, fsOutHz: number): RecipeResampler {
  const f = resampleFilter(fsInHz, fsOutHz);
  const m = lowpassFigures(f.lowpass.taps, f.fsFilterHz, f.passbandEdgeHz, f.stopbandEdgeHz);
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    fsInHz,
    up: f.up,
    down: f.down,
    taps: f.lowpass.taps.length,
    kaiserBeta: round(f.lowpass.beta),
    passbandEdgeHz: f.passbandEdgeHz,
    stopbandEdgeHz: f.stopbandEdgeHz,
    measuredPassbandRippleDb: round(m.passbandRippleDb),
    measuredStopbandAttenuationDb: round(m.stopbandAttenuationDb),
  };
}

/** The recipe of `dataset` built with `settings`. */
export function importRecipe(settings: ImportSettings, dataset: ImportedDataset): ImportRecipe {
  const rates = [...new Set(dataset.records.map((r) => r.fsInHz))].filter((f) => f !== settings.fsHz);
  const { bandpass, ...rest } = settings;
  let nextRow = 0;
  return {
    format: 'pqrst-import',
    formatVersion: 1,
    ...rest,
    windowSamples: dataset.windowSamples,
    bandpass:
      bandpass === undefined
        ? null
        : {
            ...bandpass,
            highpassOrder: BANDPASS_ORDERS.highpass,
            lowpassOrder: BANDPASS_ORDERS.lowpass,
            zeroPhase: true,
          },
    antiAlias: {
      method:
        'rational polyphase resampling L/M, Kaiser-window linear-phase FIR at fsIn·L, group delay removed; ' +
        'none when the source rate equals the output rate',
      spec: ANTI_ALIAS_SPEC,
      resamplers: rates.sort((a, b) => a - b).map((f) => resampler(f, settings.fsHz)),
    },
    records: dataset.records.map((r) => ({
      record: r.record,
      patient: r.patient,
      files: r.files,
      lead: r.lead,
      fsInHz: r.fsInHz,
      nSamplesIn: r.nSamplesIn,
      windows: r.windows,
      firstRow: (nextRow += r.windows) - r.windows,
    })),
  };
}
