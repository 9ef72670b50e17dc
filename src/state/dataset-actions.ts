/** Actions of the Dataset builder that change its store: loading a recipe file. No DOM. */
import { parseRecipe, RecipeError } from '../dataset/recipe-validate.ts';
import { formOfRecipe } from './dataset-form.ts';
import { datasetStore } from './dataset-store.ts';

/**
 * Load recipe.json text: the form shows the recipe, which (unchanged) regenerates byte-identical data.
 * A malformed recipe, or one of another generator version, is refused with a message naming the file
 * and the field (and both versions); the form is kept. Returns whether it was loaded.
 */
export function loadRecipeText(fileName: string, text: string): boolean {
  try {
    const recipe = parseRecipe(text);
    const form = formOfRecipe(recipe);
    datasetStore.setState({ form, loaded: { fileName, recipe, form }, loadError: null });
    return true;
  } catch (e) {
    const reason = e instanceof RecipeError ? e.message : `cannot read it: ${(e as Error).message}`;
    datasetStore.setState({ loadError: `Refused ${fileName}: ${reason}` });
    return false;
  }
}
