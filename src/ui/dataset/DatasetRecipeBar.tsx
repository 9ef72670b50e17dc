/**
 * The recipe controls: download the current recipe.json (every parameter, the seed and
 * generatorVersion), or load one, which fills the builder (a refused file is named with its field).
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { recipeJson } from '../../dataset/recipe-validate.ts';
import type { SyntheticRecipe } from '../../dataset/recipe.ts';
import { loadRecipeText } from '../../state/dataset-actions.ts';
import { datasetStore } from '../../state/dataset-store.ts';
import { keepRecipe } from '../../workspace/workspace-recipes.ts';
import { downloadText } from '../download-text.ts';

/** Props: the current recipe (null while the form has an error) and whether an export is running. */
export interface DatasetRecipeBarProps {
  recipe: SyntheticRecipe | null;
  disabled: boolean;
  /** True while the form is unchanged since the recipe file was loaded. */
  fromFile: boolean;
}

/** Download / load recipe.json. */
export function DatasetRecipeBar({ recipe, disabled, fromFile }: DatasetRecipeBarProps) {
  const loaded = useStore(datasetStore, (s) => s.loaded);
  const loadError = useStore(datasetStore, (s) => s.loadError);
  const [keepName, setKeepName] = useState('');
  return (
    <div className="dataset-recipe">
      <button
        type="button"
        disabled={recipe === null}
        onClick={() => recipe && downloadText('recipe.json', recipeJson(recipe))}
      >
        Download recipe.json
      </button>
      <label>
        Recipe name{' '}
        <input
          type="text"
          size={14}
          value={keepName}
          placeholder="my recipe"
          onChange={(e) => setKeepName(e.target.value)}
        />
      </label>
      <button
        type="button"
        disabled={recipe === null}
        title="Keep this recipe in the workspace (this browser); load it back from the Workspace panel"
        onClick={() => recipe && void keepRecipe(keepName, recipe)}
      >
        Keep recipe in workspace
      </button>
      <label className="file-button" htmlFor="dataset-recipe-upload">
        Load recipe (JSON)
      </label>
      <input
        id="dataset-recipe-upload"
        type="file"
        accept=".json,application/json"
        className="visually-hidden-file"
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void file.text().then((text) => loadRecipeText(file.name, text));
        }}
      />
      {loaded !== null && (
        <span className="dataset-hint" data-testid="dataset-loaded">
          {fromFile
            ? `Recipe ${loaded.fileName} (generator ${loaded.recipe.generatorVersion}): regenerates its data byte for byte.`
            : `Changed since ${loaded.fileName} was loaded.`}
        </span>
      )}
      {loadError !== null && (
        <p className="dataset-error" role="alert" data-testid="dataset-load-error">
          {loadError}
        </p>
      )}
    </div>
  );
}
