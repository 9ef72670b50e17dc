/**
 * Exporting: where the archive goes (a file you pick, written as it is made; or the browser's downloads,
 * through its private storage), the Export button, the progress bar with records/s and time left,
 * Cancel, and what the last export did.
 */
import { useStore } from 'zustand';
import { cancelExport, startExport } from '../../app/dataset-export.ts';
import { filePickerAvailable, type ExportDestination } from '../../app/dataset-sink.ts';
import type { SyntheticRecipe } from '../../dataset/recipe.ts';
import { datasetStore, exportRunning, type ExportOutcome } from '../../state/dataset-store.ts';
import { formatMb } from './DatasetPreview.tsx';

/** Props: the recipe to export (null while the form has an error), the destination and its setter. */
export interface DatasetExportBarProps {
  recipe: SyntheticRecipe | null;
  destination: ExportDestination;
  onDestination: (d: ExportDestination) => void;
}

function outcomeText(o: ExportOutcome): string {
  const seconds = (o.durationMs / 1000).toFixed(1);
  if (o.phase === 'done') {
    const where = o.destination === 'file' ? `Wrote ${o.fileName}` : `Downloaded ${o.fileName}`;
    return `${where}: ${o.rows.toLocaleString('en')} records, ${formatMb(o.archiveBytes ?? 0)} in ${seconds} s (${Math.round(o.recordsPerSec).toLocaleString('en')} records/s, ${o.workers} workers).`;
  }
  if (o.phase === 'cancelled') {
    return o.destination === 'file'
      ? `Cancelled: ${o.fileName} was not written (an existing file keeps its old contents).`
      : 'Cancelled: the partial archive was removed.';
  }
  return `Export failed: ${o.error}`;
}

/** Time left as "12 s", "3 min 5 s". */
function leftText(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  const s = Math.ceil(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The export controls. */
export function DatasetExportBar({ recipe, destination, onDestination }: DatasetExportBarProps) {
  const phase = useStore(datasetStore, (s) => s.phase);
  const progress = useStore(datasetStore, (s) => s.progress);
  const outcome = useStore(datasetStore, (s) => s.outcome);
  const running = exportRunning({ phase });
  const pickerOk = filePickerAvailable();
  const elapsedS = progress ? (progress.nowMs - progress.startMs) / 1000 : 0;
  const rate = progress && elapsedS > 0 ? progress.doneRows / elapsedS : 0;
  const left = progress && rate > 0 ? (progress.totalRows - progress.doneRows) / rate : Infinity;
  return (
    <div className="dataset-export">
      <fieldset className="dataset-destination" disabled={running}>
        <legend>Save the archive to</legend>
        <label className="dataset-check">
          <input
            type="radio"
            name="dataset-destination"
            value="file"
            checked={destination === 'file'}
            disabled={!pickerOk}
            onChange={() => onDestination('file')}
          />
          a file you choose, written as it is made{pickerOk ? '' : ' (not available in this browser)'}
        </label>
        <label className="dataset-check">
          <input
            type="radio"
            name="dataset-destination"
            value="download"
            checked={destination === 'download'}
            onChange={() => onDestination('download')}
          />
          the browser's downloads (written to browser storage first)
        </label>
      </fieldset>
      <div className="dataset-run">
        <button
          type="button"
          className="dataset-export-button"
          disabled={recipe === null || running}
          onClick={() => recipe && void startExport(recipe, destination)}
        >
          Export dataset (.zip)
        </button>
        {running && progress && (
          <>
            <label className="dataset-progress">
              Export progress
              <progress max={Math.max(1, progress.totalRows)} value={progress.doneRows} />
            </label>
            <span data-testid="dataset-progress-text" aria-live="polite">
              {phase === 'finishing'
                ? 'Finishing the archive…'
                : `${progress.doneRows.toLocaleString('en')} / ${progress.totalRows.toLocaleString('en')} records · ${Math.round(rate).toLocaleString('en')} records/s · ${leftText(left)} left`}
            </span>
            <button type="button" onClick={cancelExport} disabled={phase === 'finishing'}>
              Cancel export
            </button>
          </>
        )}
      </div>
      {!running && outcome !== null && (
        <p
          className={outcome.phase === 'error' ? 'dataset-error' : 'dataset-status'}
          role={outcome.phase === 'error' ? 'alert' : 'status'}
          data-testid="dataset-outcome"
        >
          {outcomeText(outcome)}
        </p>
      )}
    </div>
  );
}
