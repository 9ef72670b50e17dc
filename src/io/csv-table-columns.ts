/** What a CSV header cell says about its column. */
export interface CsvColumnRole {
  /** `time`: a time column; `index`: a sample counter; `text`: labels; `signal`: samples. */
  kind: 'time' | 'index' | 'text' | 'signal';
  /** The name without its unit suffix (`ii` for `ii_uv`). */
  baseName: string;
  /** Units the name carries: `mV` or `uV` for signals, `s` or `ms` for time; undefined when none. */
  units?: 'mV' | 'uV' | 's' | 'ms';
}

const VOLT_SUFFIX_RE = /^(.*?)[\s_\-.]*[[(]?\s*(mv|uv|µv|μv|microvolts?|millivolts?)\s*[\])]?$/i;
const TIME_RE =
  /^(t|time|times|timestamp|elapsed|elapsed_time|seconds|secs?)(?:[\s_\-.]*[[(]?\s*(s|sec|secs|seconds|ms|msec)\s*[\])]?)?$/i;
const INDEX_RE = /^(sample|samples|sample_?(no|num|number|index)|index|idx|n|#)$/i;
const TEXT_RE = /^(label|class|rhythm|annotation|symbol|note|comment|beat)s?$/i;

/**
 * Classifies a CSV header cell: a time column (`time`, `t`, `time_s`, `time_ms`, `seconds` ...), a sample
 * index (`sample`, `index` ...), a label column (`label`, `rhythm` ...) or a signal, whose unit suffix
 * (`_mV`, `_uv`, ` (µV)`, `[mV]` ...) gives its units.
 */
export function csvColumnRole(name: string): CsvColumnRole {
  const n = name.trim();
  const t = TIME_RE.exec(n);
  if (t !== null) {
    const ms = t[2] !== undefined && /^ms|^msec/i.test(t[2]);
    return { kind: 'time', baseName: t[1], units: ms ? 'ms' : 's' };
  }
  if (INDEX_RE.test(n)) return { kind: 'index', baseName: n };
  if (TEXT_RE.test(n)) return { kind: 'text', baseName: n };
  const v = VOLT_SUFFIX_RE.exec(n);
  if (v !== null) {
    const unit = v[2].toLowerCase();
    return { kind: 'signal', baseName: v[1], units: unit === 'mv' || unit.startsWith('milli') ? 'mV' : 'uV' };
  }
  return { kind: 'signal', baseName: n };
}
