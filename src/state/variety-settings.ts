/** What the variety view shows and how eagerly it follows the parameters. */

/** Records in the variety view. */
export const VARIETY_COUNT = 12;
/** Seconds shown of each record (its start; the whole record when shorter). */
export const VARIETY_WINDOW_S = 10;
/** Quiet time after the last parameter change before the variety view is recomputed, ms. */
export const VARIETY_DEBOUNCE_MS = 150;
