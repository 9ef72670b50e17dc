/**
 * Presets saved by name, in the preset file format. They are kept in the workspace (IndexedDB, kind
 * `preset`) once it is open; presets saved by older versions in localStorage (one key) are copied into it
 * once and left where they were. Names and files are cached here, so the preset bar stays synchronous;
 * the workspace write follows, and a failed one is undone and reported. Storage failures (private mode,
 * quota, corrupted entries) become messages, never exceptions.
 */
import { closestPreset } from './closest-preset.ts';
import { clearMessage, reportError, reportInfo } from './messages-actions.ts';
import { replaceParams } from './params-actions.ts';
import { presetFile, presetFromObject, PresetFileError, type PresetFile } from './preset-file.ts';
import { studioStore } from './studio-store.ts';

/** The localStorage key holding `{ [name]: PresetFile }` (older versions; read, no longer written once the workspace is open). */
export const SAVED_PRESETS_KEY = 'pqrst-studio.presets.v1';

/** Longest accepted preset name, characters. */
export const MAX_PRESET_NAME_CHARS = 60;

/** Where saved presets are written once the workspace is open (see src/workspace/workspace-presets.ts). */
export interface PresetPersistence {
  save(name: string, file: unknown): Promise<void>;
  remove(name: string): Promise<void>;
}

let persistence: PresetPersistence | null = null;
/** The saved presets by name (as stored: validated when loaded). */
let cache: Map<string, unknown> | null = null;

/** The presets kept in localStorage by older versions (throws on a corrupted entry). */
export function legacyPresets(): Record<string, unknown> {
  const text = localStorage.getItem(SAVED_PRESETS_KEY);
  if (text === null) return {};
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
  return data as Record<string, unknown>;
}

function readAll(): Map<string, unknown> {
  cache ??= new Map(Object.entries(legacyPresets()));
  return cache;
}

function writeLegacy(all: Map<string, unknown>): void {
  localStorage.setItem(SAVED_PRESETS_KEY, JSON.stringify(Object.fromEntries(all)));
}

function storageFailure(action: string, err: unknown): void {
  reportError('storage', `Could not ${action}: ${err instanceof Error ? err.message : String(err)}`);
}

/**
 * From now on keep presets through `p`; `presets` are the ones it holds (replacing the cache). Called
 * by the workspace once it is open and the old presets are copied into it.
 */
export function setPresetPersistence(p: PresetPersistence, presets: Map<string, unknown>): void {
  persistence = p;
  cache = new Map(presets);
  refreshSavedPresetNames();
}

/** Reload the list of saved preset names into the store. */
export function refreshSavedPresetNames(): void {
  try {
    studioStore.setState({ savedPresetNames: [...readAll().keys()].sort() });
  } catch (err) {
    storageFailure('read the saved presets', err);
  }
}

/** Save the current parameters under `name` (overwriting a preset of that name). */
export function savePreset(name: string): boolean {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_PRESET_NAME_CHARS) {
    reportError('storage', `Preset name must be 1 to ${MAX_PRESET_NAME_CHARS} characters.`);
    return false;
  }
  const entry: PresetFile = presetFile(studioStore.getState().params);
  let all: Map<string, unknown>;
  try {
    all = readAll();
    const had = all.has(trimmed);
    const old = all.get(trimmed);
    all.set(trimmed, entry);
    if (persistence === null) writeLegacy(all);
    else {
      persistence.save(trimmed, entry).catch((err: unknown) => {
        if (had) all.set(trimmed, old);
        else all.delete(trimmed);
        refreshSavedPresetNames();
        storageFailure(`save preset '${trimmed}'`, err);
      });
    }
  } catch (err) {
    storageFailure(`save preset '${trimmed}'`, err);
    return false;
  }
  refreshSavedPresetNames();
  reportInfo('storage', `Saved preset '${trimmed}'.`);
  return true;
}

/** Load the saved preset `name`; a missing or corrupted entry is refused and the state kept. */
export function loadSavedPreset(name: string): boolean {
  try {
    const all = readAll();
    if (!all.has(name)) throw new Error(`no saved preset '${name}'`);
    const params = presetFromObject(`saved preset '${name}'`, all.get(name));
    replaceParams(params, closestPreset(params));
  } catch (err) {
    const reason =
      err instanceof PresetFileError ? err.message : String(err instanceof Error ? err.message : err);
    reportError('storage', `Could not load: ${reason}. The current settings are kept.`);
    return false;
  }
  clearMessage('input');
  reportInfo('storage', `Loaded preset '${name}'.`);
  return true;
}

/** Delete the saved preset `name`. */
export function deleteSavedPreset(name: string): void {
  try {
    const all = readAll();
    const old = all.get(name);
    all.delete(name);
    if (persistence === null) writeLegacy(all);
    else {
      persistence.remove(name).catch((err: unknown) => {
        all.set(name, old);
        refreshSavedPresetNames();
        storageFailure(`delete preset '${name}'`, err);
      });
    }
  } catch (err) {
    storageFailure(`delete preset '${name}'`, err);
    return;
  }
  refreshSavedPresetNames();
  reportInfo('storage', `Deleted preset '${name}'.`);
}
