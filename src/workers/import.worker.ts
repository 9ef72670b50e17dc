/**
 * Module worker of the real-ECG import: reads the dropped files (WFDB with annotations, EDF/EDF+, CSV),
 * builds the windowed dataset with the pure pipeline (src/dataset/import-session.ts), reports progress
 * per record and stops on an abort message. It keeps the files and the records read, so new windowing
 * settings re-window without reading again. A malformed file is listed as skipped with its reason;
 * nothing escapes the handler.
 */
import { parseLabelRule } from '../dataset/label-rule.ts';
import type { ImportedDataset } from '../dataset/build-import.ts';
import type { ImportRecord } from '../dataset/import-types.ts';
import { summarizeImport } from '../dataset/import-summary.ts';
import { ImportSession, type SessionWindowSettings } from '../dataset/import-session.ts';
import { parsePatientMap } from '../dataset/patient-map.ts';
import { parseRhythmMap } from '../dataset/rhythm-classes.ts';
import { writeImportedDataset } from '../dataset/write-imported.ts';
import type {
  ImportedRecordView,
  ImportReply,
  ImportRequest,
  LoadOptions,
  WindowOptions,
} from './import-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const session = new ImportSession();
let running: { id: number; controller: AbortController } | null = null;

function send(reply: ImportReply, transfer: Transferable[] = []): void {
  self.postMessage(reply, transfer);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Let queued messages (an abort) run before the next record. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** `parse(text)`, its error prefixed with the field's name. */
function field<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new Error(`${name}: ${errorText(e)}`, { cause: e });
  }
}

function windowSettings(o: WindowOptions): SessionWindowSettings {
  return {
    fsHz: o.fsHz,
    windowS: o.windowS,
    strideS: o.strideS,
    rule: field('Label rule', () => parseLabelRule(o.labelRule)),
    rhythmClasses: field('Rhythm notes', () => parseRhythmMap(o.rhythmMap, {})),
    bandpass: o.bandpass ?? undefined,
    handLabels: o.handLabels,
  };
}

function loadSettings(o: LoadOptions) {
  const csv = o.patientsCsv;
  const patients =
    csv !== undefined && csv.trim() !== '' ? field('Patients CSV', () => parsePatientMap(csv)) : undefined;
  return { lead: o.lead, annotator: o.annotator, patients };
}

/** The record for the studio: a copy of its lead (the session keeps the original) and sorted annotations. */
function viewOf(rec: ImportRecord): ImportedRecordView {
  const beats = [...rec.beats].sort((a, b) => a.timeS - b.timeS);
  return {
    name: rec.record,
    patient: rec.patient,
    lead: rec.lead,
    fsHz: rec.fsHz,
    signalMv: rec.signalMv.slice(),
    beatSamples: Int32Array.from(beats, (b) => Math.round(b.timeS * rec.fsHz)),
    beatSymbols: beats.map((b) => b.symbol),
    rhythms: [...rec.rhythms].sort((a, b) => a.startS - b.startS),
    recordLabel: rec.recordLabel?.source ?? null,
    warnings: rec.warnings,
  };
}

function windowsByRecord(dataset: ImportedDataset): Record<string, number> {
  return Object.fromEntries(dataset.records.map((r) => [r.record, r.windows]));
}

async function run(request: Extract<ImportRequest, { type: 'import' | 'window' }>): Promise<void> {
  const controller = new AbortController();
  running = { id: request.id, controller };
  const progress = {
    signal: controller.signal,
    beforeLoad: yieldToEvents,
    onProgress: (done: number, total: number, name: string) =>
      send({ type: 'progress', id: request.id, done, total, name }),
  };
  try {
    let dataset: ImportedDataset;
    let records: ImportedRecordView[] | undefined;
    if (request.type === 'import') {
      const win = windowSettings(request.options.window);
      const load = loadSettings(request.options.load);
      const files = request.files?.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })) ?? null;
      send({ type: 'progress', id: request.id, done: 0, total: 0, name: '' });
      dataset = await session.importFiles(files, load, win, progress);
      records = session.loaded.map(viewOf);
    } else {
      const win = windowSettings(request.options);
      await yieldToEvents();
      dataset = await session.rewindow(win, progress);
    }
    const transfer = (records ?? []).flatMap((r) => [r.signalMv.buffer, r.beatSamples.buffer]);
    send(
      {
        type: 'done',
        id: request.id,
        records,
        windowsByRecord: windowsByRecord(dataset),
        skipped: dataset.skippedRecords,
        summary: summarizeImport(dataset),
      },
      transfer as ArrayBuffer[],
    );
  } catch (e) {
    if (controller.signal.aborted) send({ type: 'cancelled', id: request.id });
    else send({ type: 'error', id: request.id, message: errorText(e) });
  } finally {
    if (running?.id === request.id) running = null;
  }
}

async function runExport(id: number): Promise<void> {
  try {
    const last = session.last;
    if (last === null) throw new Error('nothing imported yet');
    const parts: Uint8Array[] = [];
    let labelsCsv = '';
    await writeImportedDataset(last.dataset, last.settings, {
      writeFile(path, data) {
        if (path === 'signals.npy') parts.splice(0, parts.length, toBytes(data));
        if (path === 'labels.csv')
          labelsCsv = typeof data === 'string' ? data : new TextDecoder().decode(data);
      },
      appendFile(path, data) {
        if (path === 'signals.npy') parts.push(toBytes(data).slice());
      },
    });
    const size = parts.reduce((n, p) => n + p.byteLength, 0);
    const npy = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      npy.set(p, at);
      at += p.byteLength;
    }
    send({ type: 'exported', id, npy: npy.buffer, labelsCsv }, [npy.buffer]);
  } catch (e) {
    send({ type: 'error', id, message: `Download: ${errorText(e)}` });
  }
}

function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  try {
    const request = event.data;
    if (request.type === 'abort') {
      if (running?.id === request.id) running.controller.abort();
    } else if (request.type === 'import' || request.type === 'window') {
      if (running) running.controller.abort();
      void run(request);
    } else if (request.type === 'export') {
      void runExport(request.id);
    }
  } catch (e) {
    send({ type: 'error', id: -1, message: errorText(e) });
  }
};
