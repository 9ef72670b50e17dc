/**
 * A kept item's own action in the Workspace panel (load a recipe into the builder, show a run in the
 * lab) and a kept run's state.
 */
import { useEffect, useState } from 'react';
import type { WorkspaceItemMeta } from '../../dataset/workspace-types.ts';
import { loadKeptRecipe } from '../../workspace/workspace-recipes.ts';
import { runStateText, showKeptRun } from '../../workspace/workspace-runs.ts';

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

/** A kept run's state for the panel's State column: `done`, `interrupted: 3 of 8 runs finished` … */
export function RunState({ item }: { item: WorkspaceItemMeta }) {
  const [text, setText] = useState('');
  useEffect(() => {
    let live = true;
    void runStateText(item.id).then((t) => live && setText(t));
    return () => {
      live = false;
    };
  }, [item.id, item.updatedAt]);
  return <>{text}</>;
}
