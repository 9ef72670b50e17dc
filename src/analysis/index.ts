/** Single-lead (II) ECG analysis: R-peak detection, median beat, delineation, intervals and spectra. */
export { bandPower } from './band-power.ts';
export { butterworthSections, designBiquad, type Biquad, type BiquadKind } from './biquad.ts';
export { delineateBeat, type BeatDelineation } from './delineate-beat.ts';
export { denoiseEcg } from './denoise-ecg.ts';
export { detectRPeaks } from './detect-r-peaks.ts';
export { estimateBaseline } from './estimate-baseline.ts';
export { filtfilt } from './filtfilt.ts';
export { measureIntervals, type IntervalMeasures } from './measure-intervals.ts';
export { medianBeat, type MedianBeat } from './median-beat.ts';
export { medianOf } from './median-of.ts';
export { pantompkins1985 } from './pantompkins1985.ts';
export { peakFrequency } from './peak-frequency.ts';
export { rrSpectrum } from './rr-spectrum.ts';
export { templateBaseline } from './template-baseline.ts';
export { welchPsd, type Spectrum } from './welch-psd.ts';
