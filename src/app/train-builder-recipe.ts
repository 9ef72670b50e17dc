/**
 * The Dataset builder's current recipe, for the Training lab's synthetic pre-training (the same records
 * the builder exports). Null when the builder's form does not make a valid recipe.
 */
import { recipeJson } from '../dataset/recipe-validate.ts';
import { currentRecipe, datasetStore } from '../state/dataset-store.ts';

/** The builder's recipe as recipe.json text, or the reason there is none. */
export function builderRecipe(): { text: string; error: null } | { text: null; error: string } {
  const r = currentRecipe(datasetStore.getState());
  if (r.recipe === null)
    return { text: null, error: `the Dataset builder's recipe is refused: ${r.error.message}` };
  return { text: recipeJson(r.recipe), error: null };
}
