/** The per-record distributions a class's parameters describe (mean, record sd, beat sd, with units). */
import { paramDistributions } from '../../dataset/param-distributions.ts';
import type { SynthParams } from '../../synth/index.ts';

function fmt(v: number | undefined): string {
  if (v === undefined) return '';
  return Number.isInteger(v) ? String(v) : v.toPrecision(3).replace(/\.?0+$/, '');
}

/** A collapsed table of the drawn parameters that vary (sd > 0) and their means. */
export function DatasetDistributions({ params }: { params: SynthParams }) {
  const rows = paramDistributions(params);
  return (
    <details className="dataset-distributions">
      <summary>Distributions of {params.className}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">parameter</th>
            <th scope="col">mean</th>
            <th scope="col">record sd</th>
            <th scope="col">beat sd</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                {r.label}
                {r.unit !== '' && ` (${r.unit})`}
              </th>
              <td>{fmt(r.mean)}</td>
              <td>{fmt(r.sdRecord)}</td>
              <td>{fmt(r.sdBeat)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
