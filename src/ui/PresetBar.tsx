/**
 * Preset controls: the built-in base preset, reset to defaults, presets saved by name in this browser,
 * and download/upload of preset JSON files.
 */
import { useState, type ChangeEvent } from 'react';
import { PRESETS, type PresetName } from '../synth/index.ts';
import { choosePreset, resetToDefaults } from '../state/params-actions.ts';
import { currentPresetFile, importPresetFile } from '../state/preset-file-actions.ts';
import {
  deleteSavedPreset,
  loadSavedPreset,
  MAX_PRESET_NAME_CHARS,
  savePreset,
} from '../state/saved-presets.ts';
import { useStudio } from '../state/use-studio.ts';
import { downloadText } from './download-text.ts';

const BUILT_IN = Object.keys(PRESETS) as PresetName[];

function BuiltInPresets() {
  const presetName = useStudio((s) => s.presetName);
  return (
    <div className="toolbar-group">
      <label htmlFor="built-in-preset">Built-in preset</label>
      <select
        id="built-in-preset"
        value={presetName}
        onChange={(e) => choosePreset(e.currentTarget.value as PresetName)}
      >
        {BUILT_IN.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <button type="button" onClick={resetToDefaults}>
        Reset to defaults
      </button>
    </div>
  );
}

function SavedPresets() {
  const names = useStudio((s) => s.savedPresetNames);
  const [newName, setNewName] = useState('');
  const [selected, setSelected] = useState('');
  const current = names.includes(selected) ? selected : (names[0] ?? '');
  return (
    <div className="toolbar-group">
      <label htmlFor="preset-name">Preset name</label>
      <input
        id="preset-name"
        type="text"
        value={newName}
        maxLength={MAX_PRESET_NAME_CHARS}
        placeholder="my preset"
        onChange={(e) => setNewName(e.currentTarget.value)}
      />
      <button
        type="button"
        onClick={() => {
          if (savePreset(newName)) setSelected(newName.trim());
        }}
      >
        Save
      </button>
      <label htmlFor="saved-presets">Saved presets</label>
      <select
        id="saved-presets"
        value={current}
        disabled={names.length === 0}
        onChange={(e) => setSelected(e.currentTarget.value)}
      >
        {names.length === 0 && <option value="">(none)</option>}
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <button type="button" disabled={!current} onClick={() => loadSavedPreset(current)}>
        Load
      </button>
      <button type="button" disabled={!current} onClick={() => deleteSavedPreset(current)}>
        Delete
      </button>
    </div>
  );
}

function PresetFiles() {
  const onUpload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    importPresetFile(file.name, await file.text());
    input.value = '';
  };
  return (
    <div className="toolbar-group">
      <button
        type="button"
        onClick={() => {
          const { fileName, text } = currentPresetFile();
          downloadText(fileName, text);
        }}
      >
        Download preset (JSON)
      </button>
      <label className="file-button" htmlFor="preset-upload">
        Upload preset (JSON)
      </label>
      <input
        id="preset-upload"
        className="visually-hidden-file"
        type="file"
        accept=".json,application/json"
        onChange={(e) => void onUpload(e)}
      />
    </div>
  );
}

/** All preset controls. */
export function PresetBar() {
  return (
    <div className="preset-bar" role="group" aria-label="Presets">
      <BuiltInPresets />
      <SavedPresets />
      <PresetFiles />
    </div>
  );
}
