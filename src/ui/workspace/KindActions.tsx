/** A kept item's own action in the Workspace panel: load a recipe into the builder, show a run in the lab. */
import type { WorkspaceItemMeta } from '../../dataset/workspace-types.ts';
import { loadKeptRecipe } from '../../workspace/workspace-recipes.ts';
import { showKeptRun } from '../../workspace/workspace-runs.ts';

/** The button of `item`'s kind (none for presets, imports and models). */
export function KindActions({ item }: { item: WorkspaceItemMeta }) {
  if (item.kind === 'recipe') {
    return (
      <button
        type="button"
        aria-label={`Load recipe ${item.name} into the builder`}
        onClick={() => void loadKeptRecipe(item.id)}
      >
        Load into builder
      </button>
    );
  }
  if (item.kind === 'run') {
    return (
      <button
        type="button"
        aria-label={`Show run ${item.name} in the Training lab`}
        onClick={() => void showKeptRun(item.id)}
      >
        Show in Training lab
      </button>
    );
  }
  return null;
}
