/**
 * Models of the Training lab in the worker: saved to and loaded from the browser's IndexedDB
 * (`indexeddb://`), written as the files tfjs's `downloads://` handler writes (NAME.json with the
 * topology and a weights manifest pointing at ./NAME.weights.bin), read back from such files, and
 * evaluated on a real dataset. The provenance travels inside model.json (`userDefinedMetadata.pqrst`)
 * and as its own JSON file.
 */
import { io } from '@tensorflow/tfjs-core';
import { loadLayersModel, type LayersModel } from '@tensorflow/tfjs-layers';
import { evaluatePredictions } from '../train/metrics.ts';
import { conformDataset } from '../train/experiment/conform.ts';
import { gatherExamples } from '../train/experiment/examples.ts';
import type { RealDataset } from '../train/experiment/real-dataset.ts';
import { taskWindows } from '../train/experiment/tasks.ts';
import { layersModelOf, wrapLayersModel } from '../train/trainer-model.ts';
import type { ModelHandle, Trainer } from '../train/types.ts';
import type { Evaluation, ModelProvenance, StoredModel } from './experiment-protocol.ts';

const IDB = 'indexeddb://';

/** A model name usable in a URL scheme and a file name (letters, digits, `-`, `_`, `.`). */
export function checkModelName(name: string): string {
  const n = name.trim();
  if (!/^[A-Za-z0-9._-]{1,80}$/.test(n)) {
    throw new Error(`Model name: "${name}" must be 1-80 letters, digits, '.', '_' or '-'`);
  }
  return n;
}

function stamp(model: LayersModel, provenance: ModelProvenance): ModelProvenance {
  const p = { ...provenance, savedAt: new Date().toISOString() };
  model.setUserDefinedMetadata({ pqrst: p });
  return p;
}

/** Save `handle` to IndexedDB as `name`. */
export async function saveToBrowser(
  handle: ModelHandle,
  provenance: ModelProvenance,
  name: string,
): Promise<void> {
  const model = layersModelOf(handle);
  stamp(model, provenance);
  await model.save(`${IDB}${checkModelName(name)}`);
}

/** The files `downloads://NAME` would write, plus NAME.provenance.json. */
export async function downloadFiles(
  handle: ModelHandle,
  provenance: ModelProvenance,
  name: string,
): Promise<{ modelJson: string; weights: ArrayBuffer; provenanceJson: string }> {
  const n = checkModelName(name);
  const model = layersModelOf(handle);
  const p = stamp(model, provenance);
  let out: { modelJson: string; weights: ArrayBuffer } | null = null;
  await model.save(
    io.withSaveHandler(async (artifacts) => {
      const weights = io.CompositeArrayBuffer.join(artifacts.weightData);
      const json = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [`./${n}.weights.bin`], weights: artifacts.weightSpecs }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        userDefinedMetadata: artifacts.userDefinedMetadata,
      };
      out = { modelJson: JSON.stringify(json), weights };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (out === null) throw new Error('the model could not be serialized');
  const done: { modelJson: string; weights: ArrayBuffer } = out;
  return { ...done, provenanceJson: JSON.stringify(p, null, 2) + '\n' };
}

/** Models saved in IndexedDB. */
export async function listSaved(): Promise<StoredModel[]> {
  const all = await io.listModels();
  return Object.entries(all)
    .filter(([url]) => url.startsWith(IDB))
    .map(([url, info]) => ({
      name: url.slice(IDB.length),
      savedAt: info.dateSaved instanceof Date ? info.dateSaved.toISOString() : String(info.dateSaved),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

function provenanceOf(model: LayersModel, where: string): ModelProvenance {
  const meta = model.getUserDefinedMetadata() as { pqrst?: ModelProvenance } | undefined;
  const p = meta?.pqrst;
  if (p?.format !== 'pqrst-model' || typeof p.spec?.arch !== 'string') {
    model.dispose();
    throw new Error(`${where}: not a PQRST Studio model (model.json has no userDefinedMetadata.pqrst)`);
  }
  return p;
}

/** Load a model from IndexedDB (`name`) or from files (NAME.json + NAME.weights.bin; a provenance file is ignored). */
export async function loadModel(
  from: { kind: 'indexeddb'; name: string } | { kind: 'files'; files: File[] },
): Promise<{ handle: ModelHandle; provenance: ModelProvenance; where: string }> {
  let model: LayersModel;
  let where: string;
  if (from.kind === 'indexeddb') {
    where = `${IDB}${checkModelName(from.name)}`;
    model = await loadLayersModel(where);
  } else {
    const files = from.files.filter((f) => !f.name.endsWith('.provenance.json'));
    const json = files.filter((f) => f.name.endsWith('.json'));
    const weights = files.filter((f) => !f.name.endsWith('.json'));
    if (json.length !== 1) throw new Error(`Model files: pick one model .json file and its .weights.bin`);
    where = json[0].name;
    model = await loadLayersModel(io.browserFiles([json[0], ...weights]));
  }
  const provenance = provenanceOf(model, where);
  return { handle: wrapLayersModel(provenance.spec, model), provenance, where };
}

/** Metrics and confusion of `handle` on the windows of `dataset` whose class is one of the model's classes. */
export async function evaluateOn(
  trainer: Trainer,
  modelId: number,
  handle: ModelHandle,
  provenance: ModelProvenance,
  dataset: RealDataset,
): Promise<Evaluation> {
  const L = handle.spec.inputLength;
  const data = conformDataset(dataset, provenance.fsHz, L, 'dataset');
  const tw = taskWindows(data, provenance.classes);
  if (tw.indices.length === 0) {
    throw new Error(`dataset: no window of class ${provenance.classes.join(' or ')}`);
  }
  const examples = gatherExamples(data, tw.indices, tw.labels);
  const probs = await trainer.predict(handle, examples);
  const m = evaluatePredictions(probs, examples.y, provenance.classes.length);
  return {
    modelId,
    classes: provenance.classes,
    nWindows: examples.n,
    nPatients: new Set(tw.patients).size,
    metrics: { f1: m.f1, auroc: m.auroc, auprc: m.auprc, accuracy: m.accuracy, confusion: m.confusion },
  };
}
