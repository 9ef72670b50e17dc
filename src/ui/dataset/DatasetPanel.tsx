/**
 * "Build a synthetic dataset": choose the classes and their record counts, the record settings, each
 * class's parameters (preset, or the studio's current ones), the format and a split; see sample records
 * and the expected size; download or load the recipe; export the .zip archive from parallel workers,
 * written to disk as it is made, with progress and Cancel. The archive is byte for byte what
 * `pqrst generate --recipe recipe.json --zip` writes.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { requestPreview } from '../../app/dataset-preview.ts';
import { clearStoredArchives, filePickerAvailable, type ExportDestination } from '../../app/dataset-sink.ts';
import { recipeJson } from '../../dataset/recipe-validate.ts';
import { sameForm } from '../../state/dataset-form.ts';
import { currentRecipe, datasetStore, exportRunning, setDatasetForm } from '../../state/dataset-store.ts';
import { DatasetClasses } from './DatasetClasses.tsx';
import { DatasetExportBar } from './DatasetExportBar.tsx';
import { DatasetPreview } from './DatasetPreview.tsx';
import { DatasetRecipeBar } from './DatasetRecipeBar.tsx';
import { DatasetSettings } from './DatasetSettings.tsx';
import { installDatasetTestApi } from './dataset-test-api.ts';
import './dataset.css';

/** Wait after the last change before computing the preview, ms. */
const PREVIEW_DELAY_MS = 250;

/** The Dataset builder section. */
export function DatasetPanel() {
  const form = useStore(datasetStore, (s) => s.form);
  const loaded = useStore(datasetStore, (s) => s.loaded);
  const running = useStore(datasetStore, exportRunning);
  const previewKey = useStore(datasetStore, (s) => s.preview?.recipeKey ?? null);
  const [destination, setDestination] = useState<ExportDestination>(() =>
    filePickerAvailable() ? 'file' : 'download',
  );
  const checked = useMemo(() => currentRecipe({ form, loaded }), [form, loaded]);
  const fromFile = loaded !== null && sameForm(form, loaded.form);
  const stale = useMemo(
    // Dimmed while it shows earlier choices (being recomputed, or the form has an error).
    () => checked.recipe === null || previewKey !== recipeJson(checked.recipe),
    [checked, previewKey],
  );

  useEffect(() => {
    installDatasetTestApi(window);
    void clearStoredArchives();
  }, []);

  useEffect(() => {
    const recipe = checked.recipe;
    if (recipe === null) return;
    const timer = setTimeout(() => requestPreview(recipe), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [checked]);

  const error = checked.error;
  return (
    <section className="dataset-panel" aria-labelledby="dataset-heading">
      <h2 id="dataset-heading">Build a synthetic dataset</h2>
      <p className="dataset-hint">
        Records of each class are drawn from its parameter distributions; record k of a class has seed
        (dataset seed + k). The .zip holds recipe.json, README.txt, labels.csv and the signals, exactly as{' '}
        <code>pqrst generate --recipe recipe.json --zip</code> writes them.
      </p>
      <div className="dataset-layout">
        <div className="dataset-form">
          <DatasetClasses form={form} onChange={setDatasetForm} error={error} disabled={running} />
          <DatasetSettings form={form} onChange={setDatasetForm} error={error} disabled={running} />
          {error !== null && (
            <p
              className="dataset-error"
              role="alert"
              id="dataset-form-error"
              data-testid="dataset-form-error"
            >
              {error.control}: {error.message}
            </p>
          )}
          <DatasetRecipeBar recipe={checked.recipe} disabled={running} fromFile={fromFile} />
          <DatasetExportBar
            recipe={checked.recipe}
            destination={destination}
            onDestination={setDestination}
          />
        </div>
        <DatasetPreview stale={stale} />
      </div>
    </section>
  );
}
