/**
 * The Workspace panel: everything kept in this browser (kind, size, dates), the storage used against
 * the quota, persistent storage, rename / delete / clear all (each confirmed), and export / import of
 * the workspace as one `.pqrstws` file.
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import { useStore } from 'zustand';
import type { WorkspaceItemMeta } from '../../dataset/workspace-types.ts';
import { workspaceStore } from '../../state/workspace-store.ts';
import { formatMb } from '../../workspace/quota.ts';
import {
  exportWorkspace,
  importWorkspaceArchive,
  requestPersistence,
} from '../../workspace/workspace-actions.ts';
import { clearKept, deleteKept, renameKept } from '../../workspace/workspace-kept-start.ts';
import { KindActions, RunState } from './KindActions.tsx';
import { RestoreProgress } from './RestoreProgress.tsx';
import './workspace.css';
import { downloadBytes } from '../download-text.ts';

function when(ms: number): string {
  return new Date(ms).toLocaleString();
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40) || 'item';
}

async function exportItems(ids: string[] | undefined, fileName: string): Promise<void> {
  try {
    downloadBytes(fileName, await exportWorkspace(ids));
  } catch (e) {
    workspaceStore.setState({ message: { level: 'error', text: `Export failed: ${String(e)}` } });
  }
}

function ItemRow({ item }: { item: WorkspaceItemMeta }) {
  const restored = useStore(workspaceStore, (s) => s.restored.some((r) => r.id === item.id));
  return (
    <tr data-kind={item.kind} data-id={item.id}>
      <td>{item.kind}</td>
      <td className="workspace-name">{item.name}</td>
      <td>{formatMb(item.sizeBytes)}</td>
      <td>{when(item.createdAt)}</td>
      <td>{when(item.updatedAt)}</td>
      <td>
        {item.kind === 'import' ? (restored ? 'in Training lab' : 'kept') : ''}
        {item.kind === 'run' && <RunState item={item} />}
      </td>
      <td className="workspace-actions">
        <KindActions item={item} />
        <button
          type="button"
          aria-label={`Rename ${item.kind} ${item.name}`}
          onClick={() => {
            const name = window.prompt(`New name for ${item.kind} '${item.name}'`, item.name);
            if (name !== null && name.trim() !== '') void renameKept(item, name);
          }}
        >
          Rename
        </button>
        <button
          type="button"
          aria-label={`Export ${item.kind} ${item.name}`}
          onClick={() => void exportItems([item.id], `${safeName(item.name)}.pqrstws`)}
        >
          Export
        </button>
        <button
          type="button"
          aria-label={`Delete ${item.kind} ${item.name}`}
          onClick={() => {
            if (window.confirm(`Delete ${item.kind} '${item.name}' (${formatMb(item.sizeBytes)})?`)) {
              void deleteKept([item]);
            }
          }}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

/** The whole panel. */
export function WorkspacePanel() {
  const s = useStore(workspaceStore);
  const [importing, setImporting] = useState(false);
  useEffect(() => {
    if (s.message?.level !== 'info') return;
    const t = setTimeout(() => workspaceStore.setState({ message: null }), 15_000);
    return () => clearTimeout(t);
  }, [s.message]);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setImporting(true);
    try {
      await importWorkspaceArchive(new Uint8Array(await file.arrayBuffer()), file.name);
    } finally {
      setImporting(false);
      input.value = '';
    }
  };
  const total = s.items.reduce((n, it) => n + it.sizeBytes, 0);
  return (
    <section className="workspace-panel" aria-labelledby="workspace-heading">
      <h2 id="workspace-heading">Workspace</h2>
      <p className="workspace-note">
        Kept in this browser only (IndexedDB); nothing leaves your machine.{' '}
        <span data-testid="workspace-usage">
          {s.usageBytes !== null && s.quotaBytes !== null
            ? `Storage used ${formatMb(s.usageBytes)} of ${formatMb(s.quotaBytes)}`
            : 'Storage estimate unavailable'}
        </span>
        ; items {formatMb(total)}.{' '}
        <span data-testid="workspace-persisted">
          {s.persisted === null
            ? 'Persistence unknown.'
            : s.persisted
              ? 'Persistent storage: granted.'
              : 'Persistent storage: not granted.'}
        </span>{' '}
        {s.persisted !== true && (
          <button type="button" onClick={() => void requestPersistence()}>
            Ask for persistent storage
          </button>
        )}
      </p>
      {s.message && (
        <p
          className={`workspace-message ${s.message.level}`}
          role={s.message.level === 'error' ? 'alert' : 'status'}
          data-testid="workspace-message"
        >
          {s.message.text}
        </p>
      )}
      <RestoreProgress />
      <div className="workspace-bar">
        <button
          type="button"
          disabled={s.items.length === 0 || s.busy}
          onClick={() => void exportItems(undefined, 'workspace.pqrstws')}
        >
          Export workspace
        </button>
        <label className="workspace-file">
          Import workspace file
          <input
            type="file"
            accept=".pqrstws,application/octet-stream"
            disabled={importing || s.busy}
            onChange={(e) => void onFile(e)}
          />
        </label>
        <button
          type="button"
          disabled={s.items.length === 0 || s.busy}
          onClick={() => {
            if (
              window.confirm(
                `Delete all ${s.items.length} kept items (${formatMb(total)})? This cannot be undone.`,
              )
            ) {
              void clearKept();
            }
          }}
        >
          Clear all
        </button>
      </div>
      {!s.ready ? (
        <p>Opening the workspace…</p>
      ) : s.items.length === 0 ? (
        <p data-testid="workspace-empty">Nothing kept yet: save a preset, or keep an import.</p>
      ) : (
        <table className="workspace-items" data-testid="workspace-items">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Name</th>
              <th scope="col">Size</th>
              <th scope="col">Created</th>
              <th scope="col">Updated</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {s.items.map((it) => (
              <ItemRow key={it.id} item={it} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
