/** Actions for preset files: the text to download, and applying an uploaded file. */
import { closestPreset } from './closest-preset.ts';
import { clearMessage, reportError, reportInfo } from './messages-actions.ts';
import { replaceParams } from './params-actions.ts';
import { parsePresetFile, presetFileText } from './preset-file.ts';
import { studioStore } from './studio-store.ts';

/** The preset file of the current parameters: suggested file name and JSON text. */
export function currentPresetFile(): { fileName: string; text: string } {
  const { params, presetName } = studioStore.getState();
  return { fileName: `pqrst-preset-${presetName}-seed${params.seed}.json`, text: presetFileText(params) };
}

/**
 * Apply the uploaded preset file `fileName` with contents `text`. A malformed file is refused with a
 * message naming the file and the field; the current state is kept. Returns whether it was applied.
 */
export function importPresetFile(fileName: string, text: string): boolean {
  let params;
  try {
    params = parsePresetFile(fileName, text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    reportError('file', `Refused ${reason}. The current settings are kept.`);
    return false;
  }
  replaceParams(params, closestPreset(params));
  clearMessage('input');
  reportInfo('file', `Loaded preset file '${fileName}'.`);
  return true;
}
