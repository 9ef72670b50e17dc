/**
 * An imported record on ECG paper: a 10-s view window with its beat annotations and rhythm episodes,
 * scrolled over the whole record with a slider (or the arrow buttons). Drawn with Plotly outside React.
 */
import Plotly, { type Config } from 'plotly.js-dist-min';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { importedRecord, importStore } from '../../state/import-store.ts';
import { reportPlotError } from './plot-error.ts';
import { recordFigure, RECORD_VIEW_S } from './record-figure.ts';

const CONFIG: Partial<Config> = { displaylogo: false, responsive: true, scrollZoom: false };

/** The selected imported record. */
export function RecordPlot() {
  const plotRef = useRef<HTMLDivElement>(null);
  const selected = useStore(importStore, (s) => s.selected);
  const records = useStore(importStore, (s) => s.records);
  const rec = records.find((r) => r.name === selected);
  const [startS, setStartS] = useState(0);
  const durationS = rec ? rec.signalMv.length / rec.fsHz : 0;
  const maxStartS = Math.max(0, Math.floor(durationS - RECORD_VIEW_S));
  const start = Math.min(startS, maxStartS);

  useEffect(() => setStartS(0), [selected]);

  useEffect(() => {
    const div = plotRef.current;
    const current = importedRecord(selected);
    if (!div || !current) return;
    let stale = false;
    const figure = recordFigure(current, start);
    Plotly.react(div, figure.data, figure.layout, CONFIG).then(
      () => {
        if (stale) return;
        importStore.setState({
          plotted: {
            record: current.name,
            startS: start,
            points: figure.points,
            beatMarkers: figure.beatMarkers,
            rhythmBands: figure.rhythmBands,
          },
        });
      },
      (err: unknown) => reportPlotError('record plot', err),
    );
    return () => {
      stale = true;
    };
  }, [selected, records, start]);

  useEffect(() => {
    const div = plotRef.current;
    return () => {
      if (div) Plotly.purge(div);
    };
  }, []);

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
              onClick={() => setStartS(Math.max(0, start - RECORD_VIEW_S))}
              disabled={start <= 0}
            >
              ◀ 10 s
            </button>
            <label>
              Window start (s)
              <input
                type="range"
                min={0}
                max={maxStartS}
                step={1}
                value={start}
                onChange={(e) => setStartS(Number(e.target.value))}
              />
            </label>
            <output>
              {start} – {start + RECORD_VIEW_S} s
            </output>
            <button
              type="button"
              onClick={() => setStartS(Math.min(maxStartS, start + RECORD_VIEW_S))}
              disabled={start >= maxStartS}
            >
              10 s ▶
            </button>
          </div>
        </>
      )}
      <div ref={plotRef} data-testid="record-plot" />
    </figure>
  );
}
