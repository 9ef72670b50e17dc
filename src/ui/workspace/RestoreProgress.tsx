/**
 * While kept imports are read back after a reload: how many are left and, for the one being read, a
 * progress bar with megabytes read. The rest of the studio is usable meanwhile.
 */
import { useStore } from 'zustand';
import { workspaceStore } from '../../state/workspace-store.ts';
import { formatMb } from '../../workspace/quota.ts';

/** The restore line of the Workspace panel (nothing when no import is being restored). */
export function RestoreProgress() {
  const restoring = useStore(workspaceStore, (s) => s.restoring);
  const progress = useStore(workspaceStore, (s) => s.restoreProgress);
  if (restoring === 0) return null;
  return (
    <p className="workspace-restoring" data-testid="workspace-restoring" role="status">
      Restoring {restoring} kept import{restoring === 1 ? '' : 's'} for the Training lab
      {progress === null
        ? '…'
        : `: '${progress.name}', ${formatMb(progress.doneBytes)} of ${formatMb(progress.totalBytes)}`}
      {progress !== null && (
        <progress
          max={progress.totalBytes}
          value={progress.doneBytes}
          aria-label={`Restoring ${progress.name}`}
        />
      )}
    </p>
  );
}
