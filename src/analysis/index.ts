/** Single-lead (II) ECG analysis: R-peak detection, median beat, delineation, intervals and spectra. */
export {
  atrialActivity,
  type AtrialActivity,
  type AtrialActivityMethod,
  type AtrialActivityOptions,
} from './atrial-activity.ts';
export { bandPower } from './band-power.ts';
export { beatFeatures, type BeatFeature, type BeatFeatures } from './beat-features.ts';
export { butterworthSections, designBiquad, type Biquad, type BiquadKind } from './biquad.ts';
export {
  classifyRhythm,
  type RhythmClass,
  type RhythmClassification,
  type RhythmFeatures,
} from './classify-rhythm.ts';
export { delineateBeat, type BeatDelineation } from './delineate-beat.ts';
export { denoiseEcg } from './denoise-ecg.ts';
export { detectRPeaks } from './detect-r-peaks.ts';
export { estimateBaseline } from './estimate-baseline.ts';
export { filtfilt } from './filtfilt.ts';
export { initialQrsSlope, type InitialQrsSlope } from './initial-qrs-slope.ts';
export {
  isoelectricLengths,
  type IsoelectricLengths,
  type IsoelectricOptions,
} from './isoelectric-lengths.ts';
export { isoelectricSignal } from './isoelectric-signal.ts';
export { longestFlatRun } from './longest-flat-run.ts';
export { measureIntervals, type IntervalMeasures } from './measure-intervals.ts';
export { medianBeat, type MedianBeat } from './median-beat.ts';
export { medianOf } from './median-of.ts';
export { pantompkins1985 } from './pantompkins1985.ts';
export { pWaveConsistency, type PWaveConsistency } from './p-wave-consistency.ts';
export { peakFrequency } from './peak-frequency.ts';
export { rrSpectrum } from './rr-spectrum.ts';
export { rrStatistics, type RrStatistics } from './rr-statistics.ts';
export { scoreDetections, type DetectionScore } from './score-detections.ts';
export { templateBaseline } from './template-baseline.ts';
export { welchPsd, type Spectrum } from './welch-psd.ts';
export * from './fit/index.ts';
export * from './realism/index.ts';
