/**
 * Trained models in the workspace (kind `model`): each model the Training lab saved in the browser
 * (`indexeddb://NAME`, tfjs's own database) is mirrored as a workspace item (its topology and weight
 * specs as the JSON part, the weights as the binary part), so the Workspace panel lists it with size and
 * date, renames and deletes it (in both places), and exports / imports it; an imported model is written
 * back where the lab's "Load saved model" finds it.
 */
import type { WorkspaceItem, WorkspaceItemMeta } from '../dataset/workspace-types.ts';
import { trainStore } from '../state/train-store.ts';
import { workspaceStore } from '../state/workspace-store.ts';
import {
  deleteWorkspaceItems,
  makeItem,
  newItemId,
  refreshWorkspace,
  saveItems,
} from './workspace-actions.ts';
import { listItems, readItem, readItemData } from './workspace-db.ts';
import {
  joinedWeights,
  listTfjsModels,
  moveTfjsModel,
  readTfjsModel,
  removeTfjsModels,
  writeTfjsModel,
  type TfjsModelArtifacts,
} from './tfjs-models-db.ts';

/** A kept model's JSON part (the weights are the binary part). */
export interface KeptModelData {
  format: 'pqrst-model-item';
  /** Its name in `indexeddb://`. */
  modelPath: string;
  /** When tfjs saved it (ISO). */
  dateSaved: string;
  /** tfjs's artifacts without the weight data (topology, weight specs, metadata with provenance). */
  artifacts: Omit<TfjsModelArtifacts, 'weightData'>;
}

/** The rule of `indexeddb://` names the lab uses. */
export function modelNameProblem(name: string): string | null {
  return /^[A-Za-z0-9._-]{1,80}$/.test(name)
    ? null
    : `"${name}" must be 1-80 letters, digits, '.', '_' or '-'`;
}

function isModelData(v: unknown): v is KeptModelData {
  return typeof v === 'object' && v !== null && (v as KeptModelData).format === 'pqrst-model-item';
}

function iso(d: Date | string): string {
  return d instanceof Date ? d.toISOString() : String(d);
}

async function keptModels(): Promise<{ meta: WorkspaceItemMeta; data: KeptModelData }[]> {
  const out: { meta: WorkspaceItemMeta; data: KeptModelData }[] = [];
  for (const meta of await listItems()) {
    if (meta.kind !== 'model') continue;
    const it = await readItemData(meta.id);
    if (it !== undefined && isModelData(it.data)) out.push({ meta, data: it.data });
  }
  return out;
}

/** Mirror every model tfjs holds that the workspace does not (or holds an older save of). */
export async function syncModels(): Promise<number> {
  const saved = await listTfjsModels();
  if (saved.length === 0) return 0;
  const kept = await keptModels();
  const items: WorkspaceItem[] = [];
  for (const { name, info } of saved) {
    const mine = kept.find((k) => k.data.modelPath === name);
    if (mine !== undefined && mine.data.dateSaved === iso(info.dateSaved)) continue;
    const model = await readTfjsModel(name);
    if (model === undefined) continue;
    const { weightData: _w, ...artifacts } = model.artifacts;
    const data: KeptModelData = {
      format: 'pqrst-model-item',
      modelPath: name,
      dateSaved: iso(model.info.dateSaved),
      artifacts,
    };
    const id = mine?.meta.id ?? newItemId('model');
    items.push(makeItem('model', id, name, data, joinedWeights(model.artifacts), mine?.meta.createdAt));
  }
  if (items.length > 0) await saveItems(items, `${items.length} saved model(s)`);
  return items.length;
}

function dropStored(names: readonly string[]): void {
  trainStore.setState((s) => ({ stored: s.stored.filter((m) => !names.includes(m.name)) }));
}

/** Delete kept models `ids` and their `indexeddb://` copies. */
export async function deleteModels(ids: readonly string[]): Promise<void> {
  const names: string[] = [];
  for (const id of ids) {
    const it = await readItemData(id);
    if (it !== undefined && isModelData(it.data)) names.push(it.data.modelPath);
  }
  try {
    await removeTfjsModels(names);
  } catch (e) {
    workspaceStore.setState({
      message: { level: 'error', text: `Could not delete the saved model: ${String(e)}` },
    });
    return;
  }
  dropStored(names);
  await deleteWorkspaceItems(ids);
}

/** Rename kept model `id` (and its `indexeddb://` name). */
export async function renameModel(id: string, newName: string): Promise<void> {
  const name = newName.trim();
  const say = (text: string) => workspaceStore.setState({ message: { level: 'error', text } });
  const problem = modelNameProblem(name);
  if (problem !== null) return say(`Model name: ${problem}`);
  const it = await readItem(id);
  if (it === undefined || !isModelData(it.data)) return say('Could not rename: the model is not kept');
  const from = it.data.modelPath;
  try {
    if (from !== name) await moveTfjsModel(from, name);
    const data: KeptModelData = { ...it.data, modelPath: name };
    await saveItems([makeItem('model', id, name, data, it.bytes, it.meta.createdAt)], `model '${name}'`);
  } catch (e) {
    return say(`Could not rename model '${from}': ${e instanceof Error ? e.message : String(e)}`);
  }
  trainStore.setState((s) => ({
    stored: s.stored.map((m) => (m.name === from ? { ...m, name } : m)),
  }));
  workspaceStore.setState({ message: { level: 'info', text: `Renamed model to '${name}'.` } });
}

/** Remove the `indexeddb://` copies of every kept model (before the workspace is cleared). */
export async function removeAllModelCopies(): Promise<void> {
  const names = (await keptModels()).map((k) => k.data.modelPath);
  await removeTfjsModels(names);
  dropStored(names);
}

/** After an archive import: write its models where the lab loads them (replacing a model of the same name). */
export async function modelsImported(items: readonly WorkspaceItem[]): Promise<void> {
  const models = items.filter((it) => it.meta.kind === 'model' && isModelData(it.data));
  if (models.length === 0) return;
  const others = (await keptModels()).filter((k) => !models.some((m) => m.meta.id === k.meta.id));
  const stale: string[] = [];
  for (const it of models) {
    const data = it.data as KeptModelData;
    const weights = it.bytes ?? new Uint8Array(0);
    const buffer = weights.buffer.slice(
      weights.byteOffset,
      weights.byteOffset + weights.byteLength,
    ) as ArrayBuffer;
    const artifacts: TfjsModelArtifacts = { ...data.artifacts, weightData: buffer };
    await writeTfjsModel(data.modelPath, artifacts, {
      dateSaved: new Date(data.dateSaved),
      modelTopologyType: 'JSON',
      modelTopologyBytes: JSON.stringify(data.artifacts.modelTopology ?? null).length,
      weightSpecsBytes: JSON.stringify(data.artifacts.weightSpecs ?? []).length,
      weightDataBytes: buffer.byteLength,
    });
    for (const o of others) if (o.data.modelPath === data.modelPath) stale.push(o.meta.id);
  }
  if (stale.length > 0) await deleteWorkspaceItems(stale);
  await refreshWorkspace();
}
