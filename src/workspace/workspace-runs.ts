/**
 * Experiment runs in the workspace (kind `run`, see run-record.ts): every experiment the Training lab
 * starts is kept, and saved again as each run finishes and when it stops (done, paused, cancelled,
 * failed), so a reload or a closed tab loses at most the run that was training. After a reload the
 * newest kept run is shown in the lab with what finished; an interrupted one offers Resume (only the
 * unfinished runs, same seeds, on the same real dataset found by its SHA-256) and Discard.
 */
import { currentRunSetup, resumeRunSetup } from '../app/train-client.ts';
import { defaultTrainForm, type TrainForm } from '../state/train-form.ts';
import { trainStore, type TrainDataset, type TrainState } from '../state/train-store.ts';
import { workspaceStore } from '../state/workspace-store.ts';
import type { ExperimentConfig } from '../train/experiment/config.ts';
import { datasetDigestParts } from '../train/experiment/digest.ts';
import type { RealDataset } from '../train/experiment/real-dataset.ts';
import {
  remainingRuns,
  RUN_RECORD_FORMAT,
  RUN_RECORD_VERSION,
  runRecordFromJson,
  runRecordName,
  runRecordToJson,
  runProgressText,
  type RunDatasetRef,
  type RunRecord,
  type RunStatus,
} from '../train/experiment/run-record.ts';
import { planRuns } from '../train/experiment/runs.ts';
import { summarizeResults } from '../train/experiment/summary.ts';
import { deleteWorkspaceItems, makeItem, newItemId, saveItems } from './workspace-actions.ts';
import { listItems, readItemData } from './workspace-db.ts';

/** The kept run the lab shows or runs now. */
interface Current {
  itemId: string;
  /** The config object of the lab's store this record belongs to (a new one = a new experiment). */
  config: ExperimentConfig;
  record: RunRecord;
  createdAt: number;
}

let current: Current | null = null;
/** Runs deleted or discarded: their queued saves are dropped. */
const forgotten = new Set<string>();
let queue: Promise<void> = Promise.resolve();
let pending = 0;

function say(text: string): void {
  workspaceStore.setState({ message: { level: 'error', text } });
}

/** Run `work` after the saves queued before it (saves never overlap or reorder). */
function enqueue(work: () => Promise<void>): void {
  pending++;
  queue = queue
    .then(work)
    .catch((e: unknown) => say(`Experiment run not kept: ${e instanceof Error ? e.message : String(e)}`))
    .finally(() => {
      pending--;
    });
}

/** Resolves once every queued save of a run is done. */
export async function runsSaved(): Promise<void> {
  while (pending > 0) await queue;
}

/** SHA-256 (hex) of a real dataset, as the experiment's provenance computes it (digest.ts). */
export async function datasetSha256(dataset: RealDataset): Promise<string> {
  const parts = datasetDigestParts(dataset).map((p) =>
    typeof p === 'string' ? new TextEncoder().encode(p) : p,
  );
  const all = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of parts) {
    all.set(b, at);
    at += b.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function save(c: Current): Promise<void> {
  if (forgotten.has(c.itemId)) return; // deleted in the panel (or discarded) meanwhile: not kept again
  c.record.updatedAt = Date.now();
  const old = await readItemData(c.itemId);
  const name = old?.meta.name ?? runRecordName(c.record.config);
  await saveItems(
    [makeItem('run', c.itemId, name, runRecordToJson(c.record), null, c.createdAt)],
    `experiment run '${name}'`,
  );
}

function statusOf(s: TrainState): RunStatus {
  if (s.phase === 'done') return 'done';
  if (s.phase === 'cancelled') return 'cancelled';
  if (s.phase === 'running') return 'running';
  return 'paused';
}

function formValues(form: TrainForm): Record<string, unknown> {
  return { ...form };
}

/** A new experiment started: keep its record (config, form, data references). */
function startRecord(s: TrainState): void {
  const setup = currentRunSetup();
  if (setup === null || s.config === null) return;
  const now = Date.now();
  const c: Current = {
    itemId: newItemId('run'),
    config: s.config,
    createdAt: now,
    record: {
      format: RUN_RECORD_FORMAT,
      version: RUN_RECORD_VERSION,
      status: 'running',
      config: setup.config,
      form: formValues(s.form),
      synthetic: setup.synthetic,
      dataset: {
        name: setup.trainName,
        sha256: '0'.repeat(64),
        windows: setup.train.windows.length,
        fsHz: setup.train.fsHz,
      },
      backend: s.backend,
      results: [],
      curves: [],
      finished: null,
      startedAt: now,
      updatedAt: now,
    },
  };
  current = c;
  trainStore.setState({ keptRun: null });
  const train = setup.train;
  enqueue(async () => {
    c.record.dataset.sha256 = await datasetSha256(train);
    await save(c);
  });
}

function onTrainChange(s: TrainState, prev: TrainState): void {
  if (
    s.phase === 'running' &&
    prev.phase !== 'running' &&
    (current === null || s.config !== current.config)
  ) {
    startRecord(s);
    return;
  }
  const c = current;
  if (c === null || s.config !== c.config) return;
  const phaseChanged = s.phase !== prev.phase && s.phase !== 'idle';
  const resultsChanged = s.results !== prev.results && s.results.length > 0;
  if (!phaseChanged && !resultsChanged) return;
  c.record.status = statusOf(s);
  c.record.results = [...s.results];
  c.record.curves = s.epochs.map((p) => ({ fit: p.fit, log: p.log, tensorCount: p.tensorCount }));
  c.record.backend = s.backend ?? c.record.backend;
  if (s.phase === 'done' && s.finished !== null) {
    const { provenance, resultsCsv, resultsJson } = s.finished;
    c.record.finished = { provenance, resultsCsv, resultsJson };
  }
  enqueue(() => save(c));
}

/** The lab's form of a record (the known fields; the dataset is picked on resume). */
function formOf(record: RunRecord): TrainForm {
  const base = defaultTrainForm();
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base)) {
    if (key in record.form && typeof record.form[key] === typeof out[key]) out[key] = record.form[key];
  }
  if (record.form.recipeFile !== undefined) out.recipeFile = record.form.recipeFile;
  return { ...(out as unknown as TrainForm), datasetId: '' };
}

/** Show kept run `id` in the Training lab (its results, curves and files; Resume when interrupted). */
export async function showKeptRun(id: string): Promise<boolean> {
  if (trainStore.getState().phase === 'running') {
    say('An experiment is running: pause or cancel it before showing a kept run.');
    return false;
  }
  const it = await readItemData(id);
  if (it === undefined) return false;
  let record: RunRecord;
  try {
    record = runRecordFromJson(it.data);
  } catch (e) {
    say(`Kept run '${it.meta.name}' cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  const total = planRuns(record.config).length;
  const left = remainingRuns(record.config, record.results).length;
  const done = record.status === 'done';
  const { summary, gains } = summarizeResults(record.results);
  trainStore.setState({
    config: record.config,
    form: formOf(record),
    results: record.results,
    epochs: record.curves,
    finished:
      done && record.finished !== null
        ? {
            ...record.finished,
            report: {
              results: record.results,
              summary,
              gains,
              splits: [],
              backend: record.backend ?? '',
              synthetic: record.synthetic.kind === 'config' ? 'config' : record.synthetic.name,
            },
          }
        : null,
    phase: done ? 'done' : record.status === 'cancelled' ? 'cancelled' : 'paused',
    progress: null,
    fraction: total === 0 ? 0 : (total - left) / total,
    resumedFrom: 0,
    leftS: NaN,
    error: null,
    keptRun: {
      itemId: id,
      interrupted: !done && record.status !== 'cancelled',
      dataset: record.dataset,
      message: null,
    },
  });
  // After the store change, so showing it is not taken for a change to save.
  forgotten.delete(id);
  current = { itemId: id, config: record.config, record, createdAt: it.meta.createdAt };
  return true;
}

async function settledRestores(): Promise<void> {
  while (workspaceStore.getState().restoring > 0 || !workspaceStore.getState().ready) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The lab's dataset with the same bytes as `ref` (by SHA-256), if taken or restored. */
export async function findRunDataset(ref: RunDatasetRef): Promise<TrainDataset | undefined> {
  await settledRestores();
  for (const d of trainStore.getState().datasets) {
    if (d.dataset.windows.length !== ref.windows || d.dataset.fsHz !== ref.fsHz) continue;
    if ((await datasetSha256(d.dataset)) === ref.sha256) return d;
  }
  return undefined;
}

function keptMessage(message: string): void {
  trainStore.setState((s) => ({ keptRun: s.keptRun && { ...s.keptRun, message } }));
}

/** Resume the kept, interrupted run the lab shows: only its unfinished runs, with the same seeds. */
export async function resumeKeptRun(): Promise<void> {
  const kept = trainStore.getState().keptRun;
  const c = current;
  if (kept === null || c === null || c.itemId !== kept.itemId) return;
  keptMessage('looking for its real dataset…');
  const entry = await findRunDataset(kept.dataset);
  if (entry === undefined) {
    const ref = kept.dataset;
    keptMessage(
      `Resume needs the real dataset it ran on ('${ref.name}', ${ref.windows} windows at ${ref.fsHz} Hz, ` +
        `SHA-256 ${ref.sha256.slice(0, 12)}…): keep its import in the workspace, or import and take it again.`,
    );
    return;
  }
  trainStore.setState((s) => ({
    form: { ...s.form, datasetId: String(entry.id) },
    keptRun: s.keptRun && { ...s.keptRun, interrupted: false, message: null },
  }));
  const setup = {
    config: c.config,
    train: entry.dataset,
    trainName: c.record.dataset.name,
    synthetic: c.record.synthetic,
  };
  await resumeRunSetup(setup, c.record.results);
}

/** Delete the kept run the lab shows and clear the lab's results. */
export async function discardKeptRun(): Promise<void> {
  const kept = trainStore.getState().keptRun;
  if (kept === null) return;
  forgotten.add(kept.itemId);
  current = null;
  trainStore.setState({
    keptRun: null,
    phase: 'idle',
    config: null,
    results: [],
    epochs: [],
    finished: null,
    progress: null,
    fraction: 0,
    error: null,
  });
  await runsSaved();
  await deleteWorkspaceItems([kept.itemId]);
}

/** Stop keeping the run being saved when its item is among `ids` (deleted in the panel); null: any. */
export function forgetRuns(ids: readonly string[] | null): void {
  if (current !== null && (ids === null || ids.includes(current.itemId))) {
    forgotten.add(current.itemId);
    current = null;
  }
}

/** The kept runs with their status and finished results (for tests and the panel). */
export async function keptRuns(): Promise<{ id: string; status: RunStatus; results: number }[]> {
  const out: { id: string; status: RunStatus; results: number }[] = [];
  for (const meta of await listItems()) {
    if (meta.kind !== 'run') continue;
    const it = await readItemData(meta.id);
    if (it === undefined) continue;
    try {
      const r = runRecordFromJson(it.data);
      out.push({ id: meta.id, status: r.status, results: r.results.length });
    } catch {
      // unreadable: listed by the panel, not here
    }
  }
  return out;
}

/** A kept run's state in words: `done`, `cancelled`, or `interrupted: 3 of 8 runs finished`. */
export async function runStateText(id: string): Promise<string> {
  const it = await readItemData(id);
  if (it === undefined) return '';
  try {
    const r = runRecordFromJson(it.data);
    if (r.status === 'done') return 'done';
    const shown = current?.itemId === id && trainStore.getState().phase === 'running';
    return `${shown ? 'running' : r.status === 'cancelled' ? 'cancelled' : 'interrupted'}: ${runProgressText(r)}`;
  } catch (e) {
    return `unreadable (${e instanceof Error ? e.message : String(e)})`;
  }
}

let started = false;

/** Keep every experiment the lab runs, and show the newest kept one after a reload (once). */
export async function startWorkspaceRuns(): Promise<void> {
  if (started) return;
  started = true;
  trainStore.subscribe(onTrainChange);
  if (typeof indexedDB === 'undefined') return;
  const newest = workspaceStore.getState().items.find((m) => m.kind === 'run');
  if (newest !== undefined && trainStore.getState().phase === 'idle') await showKeptRun(newest.id);
}
