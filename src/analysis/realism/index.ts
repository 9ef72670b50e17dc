/**
 * How real a synthetic set looks: interval distributions (RR, PR, QRS, QT) with Wasserstein distances,
 * spectra with a spectral MMD, a classifier two-sample test, and the report's JSON and SVG figures.
 * Pure: plain data in and out, abort signals and progress callbacks, so it runs in a worker.
 */
export { classifierTwoSample, type TwoSampleOptions, type TwoSampleResult } from './classifier-test.ts';
export { windowCount, windowOf, type EcgSet } from './ecg-set.ts';
export { pairHistogram, type PairHistogram } from './histogram.ts';
export {
  INTERVAL_NAMES,
  intervalSamples,
  type IntervalName,
  type IntervalSamples,
  type SetLoopOptions,
} from './interval-samples.ts';
export { medianDistance, mmdUnbiased, type MmdResult } from './mmd.ts';
export { realismFigures } from './realism-figures.ts';
export { realismFiles, realismZip, reportJson } from './realism-files.ts';
export {
  realismRecipe,
  recipeSet,
  type RecipeSetOptions,
  type SyntheticSideChoice,
  type SyntheticSource,
} from './realism-recipe.ts';
export {
  classCountsText,
  classSet,
  realismRun,
  thinSet,
  type RealismRunOptions,
  type RealismStage,
} from './realism-run.ts';
export {
  realismStatistics,
  withClassifier,
  type IntervalComparison,
  type RealismReport,
  type SampleSummary,
  type SpectrumComparison,
} from './realism-report.ts';
export {
  DEFAULT_GRID,
  gridFrequencies,
  meanSpectrum,
  normalisedSpectra,
  type SpectrumGrid,
} from './spectra.ts';
export { niceTicks, svgChart, type Chart, type ChartSeries } from './svg-chart.ts';
export { wasserstein1 } from './wasserstein.ts';
