/**
 * Saved presets in the workspace (kind `preset`, id `preset:NAME`, the preset file as JSON part). On
 * first start the presets older versions kept in localStorage are copied in once; they stay in
 * localStorage too.
 */
import type { WorkspaceItem } from '../dataset/workspace-types.ts';
import { legacyPresets, setPresetPersistence } from '../state/saved-presets.ts';
import { deleteWorkspaceItems, makeItem, saveItems } from './workspace-actions.ts';
import { listItems, readItemData } from './workspace-db.ts';

/** localStorage flag: the old presets were copied into the workspace. */
export const PRESETS_MIGRATED_KEY = 'pqrst-studio.presets.v1.migrated';

function presetId(name: string): string {
  return `preset:${name}`;
}

/** The presets the workspace holds, by name. */
async function workspacePresets(): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const meta of await listItems()) {
    if (meta.kind !== 'preset') continue;
    const it = await readItemData(meta.id);
    if (it !== undefined) out.set(meta.name, it.data);
  }
  return out;
}

/** Copy the localStorage presets in (once), then keep presets in the workspace. */
export async function startWorkspacePresets(): Promise<void> {
  let presets = await workspacePresets();
  if (localStorage.getItem(PRESETS_MIGRATED_KEY) === null) {
    let legacy: Record<string, unknown> = {};
    try {
      legacy = legacyPresets();
    } catch {
      // a corrupted old entry: nothing to copy (it stays in localStorage)
    }
    const items: WorkspaceItem[] = Object.entries(legacy)
      .filter(([name]) => !presets.has(name))
      .map(([name, file]) => makeItem('preset', presetId(name), name, file, null));
    if (items.length > 0) await saveItems(items, `${items.length} saved presets`);
    localStorage.setItem(PRESETS_MIGRATED_KEY, '1');
    presets = await workspacePresets();
  }
  setPresetPersistence(
    {
      async save(name, file) {
        const old = await readItemData(presetId(name));
        await saveItems(
          [makeItem('preset', presetId(name), name, file, null, old?.meta.createdAt)],
          `preset '${name}'`,
        );
      },
      async remove(name) {
        const ids = (await listItems())
          .filter((m) => m.kind === 'preset' && m.name === name)
          .map((m) => m.id);
        await deleteWorkspaceItems(ids);
      },
    },
    presets,
  );
}
