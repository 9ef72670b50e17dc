/**
 * Dataset recipes in the workspace (kind `recipe`): the Dataset builder's "Keep in workspace" keeps its
 * current recipe (every parameter, the seed and generatorVersion, as recipe.json holds them); the
 * Workspace panel loads a kept recipe back into the builder, which then regenerates the same data.
 */
import type { SyntheticRecipe } from '../dataset/recipe.ts';
import { recipeJson } from '../dataset/recipe-validate.ts';
import { loadRecipeText } from '../state/dataset-actions.ts';
import { workspaceStore } from '../state/workspace-store.ts';
import { keepItem, makeItem, newItemId } from './workspace-actions.ts';
import { readItemData } from './workspace-db.ts';

/** A kept recipe's JSON part. */
export interface KeptRecipeData {
  /** The recipe.json object. */
  recipe: unknown;
}

/** Keep `recipe` as `name`; returns whether it was kept. */
export function keepRecipe(name: string, recipe: SyntheticRecipe): Promise<boolean> {
  const label = name.trim() === '' ? `recipe ${new Date().toISOString().slice(0, 16)}` : name.trim();
  const data: KeptRecipeData = { recipe: JSON.parse(recipeJson(recipe)) };
  return keepItem(makeItem('recipe', newItemId('recipe'), label, data, null), `recipe '${label}'`);
}

/** Load kept recipe `id` into the Dataset builder (refused like a recipe file, naming the field). */
export async function loadKeptRecipe(id: string): Promise<boolean> {
  const it = await readItemData(id);
  if (it === undefined) return false;
  const data = it.data as Partial<KeptRecipeData> | null;
  const ok = loadRecipeText(`workspace recipe '${it.meta.name}'`, JSON.stringify(data?.recipe ?? null));
  workspaceStore.setState({
    message: ok
      ? { level: 'info', text: `Loaded recipe '${it.meta.name}' into the Dataset builder.` }
      : { level: 'error', text: `Recipe '${it.meta.name}' was refused: see the Dataset builder.` },
  });
  return ok;
}
