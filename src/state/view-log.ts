/**
 * What the secondary views last drew, for the test API: the titles and part names of the single-beat
 * views, and the seed and class of every variety thumbnail. A plain module, not React state.
 */
import type { VarietyLabel } from './variety-results.ts';

/** One drawn single-beat view: its title and the names of its parts. */
export interface DrawnBeatView {
  title: string;
  parts: string[];
}

let beatViews: DrawnBeatView[] = [];
let varietyLabels: VarietyLabel[] = [];

/** The single-beat views were drawn. */
export function recordBeatViewsPaint(views: DrawnBeatView[]): void {
  beatViews = views;
}

/** The single-beat views last drawn (empty before the first paint). */
export function lastBeatViewsPaint(): DrawnBeatView[] {
  return beatViews;
}

/** The variety thumbnails were drawn. */
export function recordVarietyPaint(labels: VarietyLabel[]): void {
  varietyLabels = labels;
}

/** Seed and class of the variety thumbnails last drawn (empty before the first paint). */
export function lastVarietyPaint(): VarietyLabel[] {
  return varietyLabels;
}
