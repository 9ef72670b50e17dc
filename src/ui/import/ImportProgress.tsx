/** The running import's progress: files read, then records read and windowed, with a Cancel button. */
import { useStore } from 'zustand';
import { importStore } from '../../state/import-store.ts';

/** Progress bar, counts and Cancel (shown while a run is going). */
export function ImportProgress({ onCancel }: { onCancel: () => void }) {
  const phase = useStore(importStore, (s) => s.phase);
  const task = useStore(importStore, (s) => s.task);
  const progress = useStore(importStore, (s) => s.progress);
  const fileCount = useStore(importStore, (s) => s.fileCount);
  if ((phase !== 'reading' && phase !== 'running') || progress === null) return null;
  const what =
    phase === 'reading' ? 'Reading files' : task === 'window' ? 'Windowing records' : 'Importing records';
  const counts =
    phase === 'reading'
      ? `${progress.done} / ${progress.total} files read`
      : task === 'window'
        ? `${progress.done} / ${progress.total} records windowed`
        : `${progress.done} / ${progress.total} records (${fileCount} files)`;
  return (
    <div className="import-progress">
      <label>
        {what}
        <progress max={Math.max(1, progress.total)} value={progress.done} />
      </label>
      <span data-testid="import-progress-text" aria-live="polite">
        {counts}
        {progress.name !== '' && ` — ${progress.name}`}
      </span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
