/**
 * The Training lab's figures as plain data (no DOM): the live loss and accuracy curves per epoch, the
 * test metric against the real-data budget for both regimes (mean ± sd over seeds, every seed as a
 * dot) with the relative gain, and a confusion matrix.
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { EpochPoint } from '../../state/train-store.ts';
import type { GainRow, SummaryRow } from '../../train/experiment/summary.ts';
import type { RunResult } from '../../train/experiment/runs.ts';
import type { MetricName } from '../../train/metrics.ts';
import type { Figure } from './FigurePlot.tsx';

const BASE: Partial<Layout> = {
  height: 280,
  margin: { l: 60, r: 60, t: 30, b: 50 },
  legend: { orientation: 'h', y: -0.25 },
  font: { size: 12 },
};

const REGIME_COLOR = { scratch: '#6b7280', pretrain: '#c2410c' } as const;

/** Training loss, validation loss and validation accuracy per epoch of the current fit. */
export function curvesFigure(points: readonly EpochPoint[]): Figure {
  const fit = points.at(-1)?.fit;
  const mine = points.filter((p) => p.fit === fit);
  const x = mine.map((p) => p.log.epoch);
  const data: Data[] = [
    { x, y: mine.map((p) => p.log.trainLoss), name: 'training loss', mode: 'lines+markers', type: 'scatter' },
    { x, y: mine.map((p) => p.log.valLoss), name: 'validation loss', mode: 'lines+markers', type: 'scatter' },
    {
      x,
      y: mine.map((p) => p.log.valAccuracy * 100),
      name: 'validation accuracy',
      mode: 'lines+markers',
      type: 'scatter',
      yaxis: 'y2',
    },
  ];
  return {
    data,
    layout: {
      ...BASE,
      title: { text: fit === undefined ? 'waiting for the first epoch' : fit },
      xaxis: { title: { text: 'epoch' }, dtick: 1 },
      yaxis: { title: { text: 'loss (weighted cross-entropy)' }, rangemode: 'tozero' },
      yaxis2: { title: { text: 'accuracy (%)' }, overlaying: 'y', side: 'right', range: [0, 100] },
    },
  };
}

const METRIC_TEXT: Record<MetricName, string> = {
  f1: 'F1 at 0.5',
  auroc: 'AUROC',
  auprc: 'AUPRC',
  accuracy: 'accuracy',
};

/** The test metric against the budget for both regimes, with the relative gain as text on the points. */
export function budgetFigure(
  summary: readonly SummaryRow[],
  results: readonly RunResult[],
  gains: readonly GainRow[],
  metric: MetricName,
): Figure {
  const data: Data[] = [];
  for (const regime of ['scratch', 'pretrain'] as const) {
    const rows = summary.filter((s) => s.regime === regime);
    if (rows.length === 0) continue;
    const color = REGIME_COLOR[regime];
    const name = regime === 'scratch' ? 'from scratch' : 'synthetic pre-training + fine-tuning';
    data.push({
      x: rows.map((s) => s.budget),
      y: rows.map((s) => s.mean[metric]),
      error_y: { type: 'data', array: rows.map((s) => (Number.isFinite(s.sd[metric]) ? s.sd[metric] : 0)) },
      text:
        regime === 'pretrain'
          ? rows.map((s) => {
              const g = gains.find((k) => k.budget === s.budget && k.arch === s.arch)?.gain[metric];
              return g === undefined || !Number.isFinite(g)
                ? ''
                : `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)} %`;
            })
          : undefined,
      textposition: 'top center',
      mode: regime === 'pretrain' ? 'text+lines+markers' : 'lines+markers',
      type: 'scatter',
      name: `${name} (mean ± sd)`,
      line: { color },
    });
    const each = results.filter((r) => r.regime === regime);
    data.push({
      x: each.map((r) => r.budget),
      y: each.map((r) => r.metrics[metric]),
      mode: 'markers',
      type: 'scatter',
      name: `${regime}: each seed`,
      marker: { color, size: 5, opacity: 0.5 },
    });
  }
  return {
    data,
    layout: {
      ...BASE,
      height: 320,
      title: { text: `test ${METRIC_TEXT[metric]} against the real-data budget (labels: relative gain)` },
      xaxis: { title: { text: 'real training windows per class' }, type: 'log' },
      yaxis: { title: { text: `${METRIC_TEXT[metric]} (0-1)` }, range: [0, 1.05] },
    },
  };
}

/** A confusion matrix as a heatmap (rows: true class, columns: predicted). */
export function confusionFigure(confusion: number[][], classes: readonly string[], title: string): Figure {
  return {
    data: [
      {
        z: confusion,
        x: classes.map((c) => `pred ${c}`),
        y: classes.map((c) => `true ${c}`),
        type: 'heatmap',
        colorscale: 'Blues',
        showscale: false,
        text: confusion.map((row) => row.map(String)) as unknown as string[],
        texttemplate: '%{text}',
      } as Data,
    ],
    layout: {
      ...BASE,
      height: 220,
      width: 260,
      margin: { l: 70, r: 10, t: 40, b: 40 },
      title: { text: title, font: { size: 11 } },
      yaxis: { autorange: 'reversed', title: { text: 'true class' } },
      xaxis: { title: { text: 'predicted class (windows)' } },
    },
  };
}
