/** Colours of the named parts of a single-beat view (waves, atrial activity, delta wave). */

/** Colour of each known part name; other names get `OTHER_PART_COLOR`. */
export const PART_COLORS: Readonly<Record<string, string>> = {
  P: '#2e7d32',
  Q: '#7b1fa2',
  R: '#c62828',
  S: '#ef6c00',
  T: '#1565c0',
  QRS: '#c62828',
  'QRS notch': '#7b1fa2',
  'f-waves': '#00838f',
  'F-waves': '#00838f',
  delta: '#ad1457',
};

/** Colour of a part without its own. */
export const OTHER_PART_COLOR = '#546e7a';

/** Parts that span the whole window (atrial activity): labelled at the left edge, not at their peak. */
export const CONTINUOUS_PARTS: ReadonlySet<string> = new Set(['f-waves', 'F-waves']);

/** The line colour of part `name`. */
export function partColor(name: string): string {
  return PART_COLORS[name] ?? OTHER_PART_COLOR;
}

/** A translucent fill of `hex` (`#rrggbb`) at `alpha`. */
export function partFill(hex: string, alpha = 0.1): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}
