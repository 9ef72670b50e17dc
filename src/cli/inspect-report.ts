/** The `pqrst inspect` report: what a record holds, built from what the pure readers return. */
import { formatFloat32Shortest } from '../io/csv-signal.ts';
import type { CsvSignals } from '../io/csv-table.ts';
import type { EdfRecord } from '../io/edf.ts';
import { mvPerUnit } from '../io/physical-units.ts';
import { isBeatSymbol, type WfdbAnnotation } from '../io/wfdb-annotation.ts';
import type { WfdbRecord } from '../io/wfdb-record.ts';
import { rhythmSegments } from '../io/wfdb-rhythm.ts';

/** How many first values in mV each signal lists. */
const FIRST_VALUES = 5;

/** One signal of the report. */
export interface InspectSignal {
  name: string;
  units: string;
  gain: number;
  baseline: number;
  fmt: string;
  /** The first values in mV (non-voltage units: in their own units); null for invalid samples. */
  firstMv: (number | null)[];
}

/** The JSON `pqrst inspect --json` prints. */
export interface InspectReport {
  fs: number;
  nSamples: number;
  signals: InspectSignal[];
  annotations: { beats: Record<string, number>; rhythms: Record<string, number> };
  warnings: string[];
}

/** Shortest decimal of a float32 value; null for NaN (JSON has no NaN). */
function firstValues(values: Float32Array, scale = 1): (number | null)[] {
  return Array.from(values.subarray(0, FIRST_VALUES), (v) =>
    Number.isNaN(v) ? null : Number(formatFloat32Shortest(v * scale)),
  );
}

/** Seconds rounded to the millisecond. */
const ms = (s: number): number => Math.round(s * 1000) / 1000;

/** Counts per beat symbol, keys in first-seen order. */
function countBeats(symbols: string[]): Record<string, number> {
  const beats: Record<string, number> = {};
  for (const s of symbols) if (isBeatSymbol(s)) beats[s] = (beats[s] ?? 0) + 1;
  return beats;
}

function addSeconds(into: Record<string, number>, rhythm: string, seconds: number): void {
  into[rhythm] = ms((into[rhythm] ?? 0) + seconds);
}

/** The WFDB format field as the header writes it: `212`, `16+24`, `212x4`, `212:4`. */
function formatField(s: WfdbRecord['header']['signals'][number]): string {
  let f = String(s.format);
  if (s.samplesPerFrame !== 1) f += `x${s.samplesPerFrame}`;
  if (s.skew !== 0) f += `:${s.skew}`;
  if (s.byteOffset !== 0) f += `+${s.byteOffset}`;
  return f;
}

/** The report of a WFDB record and the annotations of its `.atr` (when there is one). */
export function wfdbReport(
  rec: WfdbRecord,
  anns: WfdbAnnotation[] | undefined,
  warnings: string[],
): InspectReport {
  const h = rec.header;
  const nSamples =
    h.nSamples > 0
      ? h.nSamples
      : h.nSignals > 0
        ? rec.signalsAdc[0].length / h.signals[0].samplesPerFrame
        : 0;
  const rhythms: Record<string, number> = {};
  for (const seg of rhythmSegments(anns ?? [], nSamples)) {
    addSeconds(rhythms, seg.rhythm, (seg.endSample - seg.startSample) / h.fsHz);
  }
  return {
    fs: h.fsHz,
    nSamples,
    signals: h.signals.map((s, i) => ({
      name: s.description === '' ? `signal ${i}` : s.description,
      units: s.units,
      gain: s.gainAdcPerUnit,
      baseline: s.baselineAdc,
      fmt: formatField(s),
      firstMv: firstValues(rec.signalsMv[i]),
    })),
    annotations: { beats: countBeats((anns ?? []).map((a) => a.symbol)), rhythms },
    warnings: [...rec.warnings, ...warnings],
  };
}

/** The report of an EDF/EDF+ file: rhythm texts `(…` last their TAL duration, else until the next one. */
export function edfReport(rec: EdfRecord): InspectReport {
  const first = rec.signals[0];
  const endS = rec.header.recordDurationS * rec.recordStartsS.length;
  const rhythms: Record<string, number> = {};
  const changes = rec.annotations.filter((a) => a.text.startsWith('('));
  changes.forEach((a, i) => {
    const next = i + 1 < changes.length ? changes[i + 1].onsetS : endS;
    addSeconds(rhythms, a.text.trim(), a.durationS ?? Math.max(0, next - a.onsetS));
  });
  return {
    fs: first?.fsHz ?? 0,
    nSamples: first?.physical.length ?? 0,
    signals: rec.signals.map((s) => {
      const h = s.header;
      const gain = (h.digitalMax - h.digitalMin) / (h.physicalMax - h.physicalMin);
      return {
        name: h.label,
        units: h.units,
        gain,
        baseline: Math.round((h.digitalMin - h.physicalMin * gain) * 1000) / 1000,
        fmt: rec.header.variant,
        firstMv: firstValues(s.physical, mvPerUnit(h.units) ?? 1),
      };
    }),
    annotations: { beats: countBeats(rec.annotations.map((a) => a.text.trim())), rhythms },
    warnings: rec.warnings,
  };
}

/** The report of a CSV table: values per mV or µV as the file holds them (gain 1, baseline 0). */
export function csvReport(rec: CsvSignals): InspectReport {
  return {
    fs: rec.fsHz,
    nSamples: rec.signalsMv[0]?.length ?? 0,
    signals: rec.names.map((name, i) => ({
      name,
      units: rec.unitsInFile[i],
      gain: 1,
      baseline: 0,
      fmt: 'csv',
      firstMv: firstValues(rec.signalsMv[i]),
    })),
    annotations: { beats: {}, rhythms: {} },
    warnings: rec.warnings,
  };
}
