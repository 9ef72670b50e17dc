/**
 * Picks the lead to import from a record's signal names. `II` and `MLII` (modified lead II, MIT-BIH)
 * stand for each other; names are compared without an `ECG`/`Lead` prefix, spaces and letter case
 * (`ECG MLII` is MLII). A record with a single signal whose name is no standard lead (CinC 2017 calls it
 * `ECG`) gives that signal.
 */

/** The lead chosen (index into the signal list), or why there is none. */
export type LeadChoice =
  { index: number; name: string; reason?: undefined } | { index?: undefined; reason: string };

const LEAD_II_FAMILY = ['II', 'MLII'];
const STANDARD_LEAD_RE = /^(ML)?(I|II|III)$|^AV[RLF]$|^M?V[1-9]$/;

function normalizeLead(name: string): string {
  return name
    .toUpperCase()
    .replace(/^\s*(ECG|EKG|LEAD)\b/, '')
    .replace(/[^A-Z0-9]/g, '');
}

/** The signal of `names` to take for lead `wanted` (e.g. `II`, `MLII`, `V1`), see the module comment. */
export function chooseLead(names: readonly string[], wanted: string): LeadChoice {
  const w = normalizeLead(wanted);
  const normalized = names.map(normalizeLead);
  let index = normalized.indexOf(w);
  if (index < 0 && LEAD_II_FAMILY.includes(w))
    index = normalized.findIndex((n) => LEAD_II_FAMILY.includes(n));
  if (index >= 0) return { index, name: names[index] };
  if (names.length === 1 && !STANDARD_LEAD_RE.test(normalized[0])) return { index: 0, name: names[0] };
  if (names.length === 1) return { reason: `the only signal is ${names[0]}, not lead ${wanted}` };
  return { reason: `no lead ${wanted} (signals: ${names.join(', ') || 'none'})` };
}
