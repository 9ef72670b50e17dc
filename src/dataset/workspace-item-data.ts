/**
 * The JSON parts of workspace items, as an archive carries them: the version of each kind's JSON part
 * this studio writes (an archive item made by a newer one is refused), and the checks a recipe, model
 * or run must pass before an archive is imported (so a damaged one is refused, not kept).
 */
import { IoError } from '../io/io-error.ts';
import { RunRecordError, runRecordFromJson } from '../train/experiment/run-record.ts';
import type { WorkspaceKind } from './workspace-types.ts';

/** The version of each kind's JSON part this studio writes and the newest it reads. */
export const ITEM_DATA_VERSIONS: Readonly<Record<WorkspaceKind, number>> = {
  preset: 1,
  import: 1,
  recipe: 1,
  model: 1,
  run: 1,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Check item `field` (of `file`) of `kind`: its data version and, for recipes, models and runs, its
 * JSON part (and a model's weights). Throws IoError naming the field and the reason.
 */
export function checkItemData(
  file: string,
  field: string,
  kind: WorkspaceKind,
  dataVersion: unknown,
  data: unknown,
  byteLength: number,
): void {
  const newest = ITEM_DATA_VERSIONS[kind];
  if (typeof dataVersion !== 'number' || !Number.isInteger(dataVersion) || dataVersion < 1) {
    throw new IoError('must be an integer ≥ 1', { file, field: `${field}.dataVersion` });
  }
  if (dataVersion > newest) {
    throw new IoError(
      `a ${kind} from a newer studio (${kind} version ${dataVersion}; this one reads up to ${newest})`,
      { file, field },
    );
  }
  const bad = (reason: string, sub = 'data'): never => {
    throw new IoError(reason, { file, field: `${field}.${sub}` });
  };
  if (kind === 'recipe' && !(isRecord(data) && isRecord(data.recipe))) bad('must hold a recipe object');
  if (kind === 'model') {
    if (!isRecord(data) || data.format !== 'pqrst-model-item') bad('is not a kept model');
    const d = data as Record<string, unknown>;
    if (typeof d.modelPath !== 'string' || !/^[A-Za-z0-9._-]{1,80}$/.test(d.modelPath)) {
      bad('must be 1-80 letters, digits, ".", "_" or "-"', 'data.modelPath');
    }
    if (!isRecord(d.artifacts) || !Array.isArray(d.artifacts.weightSpecs)) {
      bad('must hold the topology and weight specs', 'data.artifacts');
    }
    if (byteLength < 0) bad('a model needs its weights', 'byteLength');
  }
  if (kind === 'run') {
    try {
      runRecordFromJson(data);
    } catch (e) {
      if (e instanceof RunRecordError) bad(e.message);
      throw e;
    }
  }
}
