/**
 * Summaries over seeds (EXPERIMENT.md: report every seed and the mean ± sd, not the best run) and the
 * relative gain of synthetic pre-training: (mean_pretrain − mean_scratch) / mean_scratch per task,
 * architecture and budget, and its mean over architectures.
 */
import { METRIC_NAMES, type MetricName } from '../metrics.ts';
import type { Regime } from './config.ts';
import type { RunResult } from './runs.ts';
import type { TaskName } from './tasks.ts';

/** Mean ± sd over seeds of one task, arch, regime and budget. */
export interface SummaryRow {
  task: TaskName;
  arch: string;
  regime: Regime;
  budget: number;
  /** Seeds (results) summarized. */
  seeds: number;
  /** Mean over the seeds where the metric is defined. */
  mean: Record<MetricName, number>;
  /** Sample standard deviation (n − 1) over those seeds; NaN with fewer than 2. */
  sd: Record<MetricName, number>;
}

/** Relative gain of pretrain over scratch; `arch` is `mean` for the mean over architectures. */
export interface GainRow {
  task: TaskName;
  arch: string;
  budget: number;
  gain: Record<MetricName, number>;
}

/** Mean and sample sd of the finite values of `xs` (NaN when there are none / fewer than 2). */
export function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const v = xs.filter((x) => Number.isFinite(x));
  if (v.length === 0) return { mean: NaN, sd: NaN };
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  if (v.length < 2) return { mean, sd: NaN };
  const ss = v.reduce((a, b) => a + (b - mean) * (b - mean), 0);
  return { mean, sd: Math.sqrt(ss / (v.length - 1)) };
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list === undefined) out.set(k, [t]);
    else list.push(t);
  }
  return out;
}

function metricRecord(f: (m: MetricName) => number): Record<MetricName, number> {
  return Object.fromEntries(METRIC_NAMES.map((m) => [m, f(m)])) as Record<MetricName, number>;
}

/** The summary rows and gains of `results` (in first-seen order). */
export function summarizeResults(results: readonly RunResult[]): { summary: SummaryRow[]; gains: GainRow[] } {
  const summary: SummaryRow[] = [];
  for (const rs of group(results, (r) => `${r.task}|${r.arch}|${r.regime}|${r.budget}`).values()) {
    const stats = metricRecord(() => 0);
    const sd = metricRecord(() => 0);
    for (const m of METRIC_NAMES) ({ mean: stats[m], sd: sd[m] } = meanSd(rs.map((r) => r.metrics[m])));
    const { task, arch, regime, budget } = rs[0];
    summary.push({ task, arch, regime, budget, seeds: rs.length, mean: stats, sd });
  }
  const gains: GainRow[] = [];
  const byCell = group(summary, (s) => `${s.task}|${s.budget}`);
  for (const cell of byCell.values()) {
    const perArch: GainRow[] = [];
    for (const rows of group(cell, (s) => s.arch).values()) {
      const scratch = rows.find((s) => s.regime === 'scratch');
      const pre = rows.find((s) => s.regime === 'pretrain');
      if (scratch === undefined || pre === undefined) continue;
      const gain = metricRecord((m) =>
        scratch.mean[m] > 0 ? (pre.mean[m] - scratch.mean[m]) / scratch.mean[m] : NaN,
      );
      perArch.push({ task: scratch.task, arch: scratch.arch, budget: scratch.budget, gain });
    }
    gains.push(...perArch);
    if (perArch.length > 1) {
      const { task, budget } = perArch[0];
      gains.push({
        task,
        arch: 'mean',
        budget,
        gain: metricRecord((m) => meanSd(perArch.map((g) => g.gain[m])).mean),
      });
    }
  }
  return { summary, gains };
}
