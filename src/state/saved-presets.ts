/**
 * Presets saved by name in this browser's localStorage, stored in the preset file format under one
 * key. Storage failures (private mode, quota, corrupted entries) become messages, never exceptions.
 */
import { closestPreset } from './closest-preset.ts';
import { clearMessage, reportError, reportInfo } from './messages-actions.ts';
import { replaceParams } from './params-actions.ts';
import { presetFile, presetFromObject, PresetFileError, type PresetFile } from './preset-file.ts';
import { studioStore } from './studio-store.ts';

/** The localStorage key holding `{ [name]: PresetFile }`. */
export const SAVED_PRESETS_KEY = 'pqrst-studio.presets.v1';

/** Longest accepted preset name, characters. */
export const MAX_PRESET_NAME_CHARS = 60;

function readAll(): Record<string, unknown> {
  const text = localStorage.getItem(SAVED_PRESETS_KEY);
  if (text === null) return {};
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
  return data as Record<string, unknown>;
}

function storageFailure(action: string, err: unknown): void {
  reportError('storage', `Could not ${action}: ${err instanceof Error ? err.message : String(err)}`);
}

/** Reload the list of saved preset names into the store. */
export function refreshSavedPresetNames(): void {
  try {
    studioStore.setState({ savedPresetNames: Object.keys(readAll()).sort() });
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
  try {
    const all = readAll();
    const entry: PresetFile = presetFile(studioStore.getState().params);
    all[trimmed] = entry;
    localStorage.setItem(SAVED_PRESETS_KEY, JSON.stringify(all));
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
    if (!Object.hasOwn(all, name)) throw new Error(`no saved preset '${name}'`);
    const params = presetFromObject(`saved preset '${name}'`, all[name]);
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
    delete all[name];
    localStorage.setItem(SAVED_PRESETS_KEY, JSON.stringify(all));
  } catch (err) {
    storageFailure(`delete preset '${name}'`, err);
    return;
  }
  refreshSavedPresetNames();
  reportInfo('storage', `Deleted preset '${name}'.`);
}
