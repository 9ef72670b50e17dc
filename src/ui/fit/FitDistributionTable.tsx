/** The per-beat parameter distributions of one template: mean, sd, min and max of each, with units. */
import type { BeatDistributions, ParamDistribution } from '../../analysis/fit/index.ts';

interface Row {
  name: string;
  unit: string;
  scale: number;
  digits: number;
  d: ParamDistribution;
}

function rowsOf(b: BeatDistributions): Row[] {
  const rows: Row[] = [];
  for (const [wave, d] of Object.entries(b.waves)) {
    rows.push({ name: `${wave} amplitude`, unit: 'mV', scale: 1, digits: 3, d: d.ampMv });
    rows.push({ name: `${wave} width σ`, unit: 'ms', scale: 1000, digits: 1, d: d.widthS });
    rows.push({ name: `${wave} position (from R)`, unit: 'ms', scale: 1000, digits: 1, d: d.positionS });
  }
  if (b.delta) {
    rows.push({ name: 'delta amplitude', unit: 'mV', scale: 1, digits: 3, d: b.delta.ampMv });
    rows.push({ name: 'delta duration', unit: 'ms', scale: 1000, digits: 1, d: b.delta.durationS });
    rows.push({ name: 'delta onset (from R)', unit: 'ms', scale: 1000, digits: 1, d: b.delta.onsetS });
  }
  rows.push({ name: 'RR interval', unit: 's', scale: 1, digits: 3, d: b.rrS });
  rows.push({ name: 'RMS error', unit: 'µV', scale: 1, digits: 1, d: b.rmsUv });
  rows.push({ name: 'variance explained', unit: '%', scale: 100, digits: 1, d: b.varianceExplained });
  return rows;
}

const fmt = (v: number, scale: number, digits: number): string =>
  Number.isFinite(v) ? (v * scale).toFixed(digits) : '—';

/** The table of `beats`, captioned with the beat counts. */
export function FitDistributionTable({ beats }: { beats: BeatDistributions }) {
  return (
    <table className="fit-table">
      <caption>
        Per-beat fits: {beats.nAccepted} of {beats.nBeats} beats (variance explained ≥ 80 %)
      </caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Unit</th>
          <th scope="col">Mean</th>
          <th scope="col">SD</th>
          <th scope="col">Min</th>
          <th scope="col">Max</th>
        </tr>
      </thead>
      <tbody>
        {rowsOf(beats).map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td>{r.unit}</td>
            <td>{fmt(r.d.mean, r.scale, r.digits)}</td>
            <td>{fmt(r.d.sd, r.scale, r.digits)}</td>
            <td>{fmt(r.d.min, r.scale, r.digits)}</td>
            <td>{fmt(r.d.max, r.scale, r.digits)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
