/**
 * An imported record on ECG paper: a view (10 s to start with) with its beat annotations and rhythm
 * episodes, and Plotly's range slider under it over the whole record (drag the window or its edges;
 * the plot also pans by dragging). The arrow buttons and the start box move the view from the keyboard.
 * Each view change hands Plotly only that view's samples (record-figure.ts), latest wins.
 */
import type { Config, PlotRelayoutEvent } from 'plotly.js-dist-min';
import { plotPurge, plotReact } from '../plots/plotly.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { importStore } from '../../state/import-store.ts';
import type { ImportedRecordView } from '../../workers/import-protocol.ts';
import { createLatestPainter } from '../plots/latest-painter.ts';
import { nextFrame } from '../plots/next-frame.ts';
import { reportPlotError } from '../plots/plot-error.ts';
import { recordFigure, recordOverview, RECORD_VIEW_S, sliceOf, type RecordView } from './record-figure.ts';

const CONFIG: Partial<Config> = { displaylogo: false, responsive: true, scrollZoom: false };
/** Narrowest view, s. */
const MIN_VIEW_S = 1;
/** View widths offered by the width select, s. */
const VIEW_WIDTHS_S = [5, 10, 30, 60, 300] as const;
/**
 * Wait after the last range-slider or pan step before drawing the view's own samples, ms: Plotly moves
 * the samples it has (a view's width on each side) itself meanwhile, so a drag costs one redraw per step.
 */
const SETTLE_MS = 150;

/** `view` moved/clamped into [0, durationS], keeping its width where it fits. */
function clampView(view: RecordView, durationS: number): RecordView {
  const width = Math.min(Math.max(MIN_VIEW_S, view.endS - view.startS), Math.max(durationS, MIN_VIEW_S));
  const startS = Math.min(Math.max(0, view.startS), Math.max(0, durationS - width));
  return { startS, endS: startS + width };
}

/** The x range a `plotly_relayout` event sets, if it sets one. */
function relayoutRange(e: PlotRelayoutEvent): [number, number] | undefined {
  const r = e as Record<string, unknown>;
  const pair = r['xaxis.range'];
  if (Array.isArray(pair) && pair.length === 2) return [Number(pair[0]), Number(pair[1])];
  const a = r['xaxis.range[0]'];
  const b = r['xaxis.range[1]'];
  if (a !== undefined && b !== undefined) return [Number(a), Number(b)];
  return undefined;
}

interface PaintItem {
  rec: ImportedRecordView;
  view: RecordView;
  requestedMs: number;
}

/** The selected imported record. */
export function RecordPlot() {
  const plotRef = useRef<HTMLDivElement>(null);
  const selected = useStore(importStore, (s) => s.selected);
  const records = useStore(importStore, (s) => s.records);
  const rec = records.find((r) => r.name === selected);
  const durationS = rec ? rec.signalMv.length / rec.fsHz : 0;
  const [view, setView] = useState<RecordView>({ startS: 0, endS: RECORD_VIEW_S });
  const shown = clampView(view, durationS);
  const overview = useMemo(() => (rec ? recordOverview(rec) : null), [rec]);
  const durationRef = useRef(durationS);
  durationRef.current = durationS;
  const listening = useRef(false);
  /** The view the plot moved to itself (range slider, pan), not yet drawn by us. */
  const movedByPlot = useRef<RecordView | null>(null);
  /** The record and stretch of it last handed to Plotly. */
  const drawn = useRef<{ record: string; slice: RecordView; widthS: number } | null>(null);

  /** A range set on the plot (range slider, pan): the new view, when it differs. */
  const onRelayout = useRef((e: PlotRelayoutEvent) => {
    const range = relayoutRange(e);
    if (range === undefined || !Number.isFinite(range[0]) || !Number.isFinite(range[1])) return;
    const next = clampView({ startS: range[0], endS: range[1] }, durationRef.current);
    movedByPlot.current = next;
    setView((old) =>
      Math.abs(old.startS - next.startS) < 1e-6 && Math.abs(old.endS - next.endS) < 1e-6 ? old : next,
    );
  });

  useEffect(() => setView({ startS: 0, endS: RECORD_VIEW_S }), [selected]);

  const painter = useMemo(
    () =>
      createLatestPainter<PaintItem>(
        async ({ rec: r, view: v, requestedMs }) => {
          const div = plotRef.current;
          const ov = overview;
          if (!div || !ov) return;
          const figure = recordFigure(r, v, ov);
          drawn.current = {
            record: r.name,
            slice: sliceOf(v, r.signalMv.length / r.fsHz),
            widthS: v.endS - v.startS,
          };
          const plot = await plotReact(div, figure.data, figure.layout, CONFIG);
          if (!listening.current) {
            plot.on('plotly_relayout', onRelayout.current);
            listening.current = true;
          }
          await nextFrame();
          importStore.setState({
            plotted: {
              record: r.name,
              startS: v.startS,
              endS: v.endS,
              points: figure.points,
              overviewPoints: figure.overviewPoints,
              beatMarkers: figure.beatMarkers,
              rhythmBands: figure.rhythmBands,
              paintMs: performance.now() - requestedMs,
            },
          });
        },
        (err) => reportPlotError('record plot', err),
      ),
    [overview],
  );
  useEffect(() => () => painter.dispose(), [painter]);

  useEffect(() => {
    if (!rec) return;
    const item = { rec, view: shown, requestedMs: performance.now() };
    const moved = movedByPlot.current;
    movedByPlot.current = null;
    const last = drawn.current;
    const onScreen =
      moved !== null &&
      moved.startS === shown.startS &&
      moved.endS === shown.endS &&
      last !== null &&
      last.record === rec.name &&
      shown.startS >= last.slice.startS &&
      shown.endS <= last.slice.endS &&
      Math.abs(shown.endS - shown.startS - last.widthS) <= 0.05 * last.widthS;
    if (!onScreen) {
      painter.schedule(item);
      return;
    }
    const timer = setTimeout(() => painter.schedule(item), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [painter, rec, shown.startS, shown.endS]);

  useEffect(() => {
    const div = plotRef.current;
    return () => {
      listening.current = false;
      if (div) plotPurge(div);
    };
  }, []);

  const widthS = shown.endS - shown.startS;
  const move = (startS: number) => setView(clampView({ startS, endS: startS + widthS }, durationS));
  const round = (s: number) => Math.round(s * 100) / 100;

  return (
    <figure className="plot-card record-plot" hidden={!rec}>
      {rec && (
        <>
          <figcaption>
            <h2>Record {rec.name}</h2>
            <span className="plot-note">
              lead {rec.lead}, {rec.fsHz} Hz, {durationS.toFixed(1)} s, {rec.beatSymbols.length} beat
              annotations, {rec.rhythms.length} rhythm episodes
            </span>
          </figcaption>
          <div className="record-scroll">
            <button
              type="button"
              onClick={() => move(shown.startS - widthS)}
              disabled={shown.startS <= 0}
              aria-label={`Back ${round(widthS)} s`}
            >
              ◀ {round(widthS)} s
            </button>
            <label>
              View start (s)
              <input
                type="number"
                min={0}
                max={Math.max(0, round(durationS - widthS))}
                step={1}
                value={round(shown.startS)}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (e.target.value !== '' && Number.isFinite(v)) move(v);
                }}
              />
            </label>
            <label>
              View width (s)
              <select
                value={VIEW_WIDTHS_S.find((w) => Math.abs(w - widthS) < 1e-6) ?? ''}
                onChange={(e) => {
                  const w = e.target.value === 'all' ? durationS : Number(e.target.value);
                  setView(clampView({ startS: shown.startS, endS: shown.startS + w }, durationS));
                }}
              >
                {!VIEW_WIDTHS_S.some((w) => Math.abs(w - widthS) < 1e-6) && (
                  <option value="">{round(widthS)}</option>
                )}
                {VIEW_WIDTHS_S.map((w) => (
                  <option key={w} value={w}>
                    {w}
                  </option>
                ))}
                <option value="all">whole record</option>
              </select>
            </label>
            <output aria-live="polite">
              {round(shown.startS)} – {round(shown.endS)} s of {round(durationS)} s
            </output>
            <button
              type="button"
              onClick={() => move(shown.startS + widthS)}
              disabled={shown.endS >= durationS}
              aria-label={`Forward ${round(widthS)} s`}
            >
              {round(widthS)} s ▶
            </button>
          </div>
        </>
      )}
      <div ref={plotRef} data-testid="record-plot" />
    </figure>
  );
}
