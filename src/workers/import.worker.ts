/**
 * Module worker of the real-ECG import: reads the dropped files (WFDB with annotations, EDF/EDF+, CSV),
 * builds the windowed dataset with the pure pipeline, reports progress per record and stops on an abort
 * message. A malformed file is listed as skipped with its reason; nothing escapes the handler.
 */
import type { ImportedDataset } from '../dataset/build-import.ts';
import { buildImportedDataset } from '../dataset/build-import.ts';
import { bytesImportSources } from '../dataset/bytes-import.ts';
import type { ImportRecord } from '../dataset/import-types.ts';
import { summarizeImport } from '../dataset/import-summary.ts';
import type { ImportSettings } from '../dataset/import-recipe.ts';
import { formatLabelRule, parseLabelRule } from '../dataset/label-rule.ts';
import { parsePatientMap } from '../dataset/patient-map.ts';
import { DEFAULT_RHYTHM_CLASSES } from '../dataset/rhythm-classes.ts';
import { writeImportedDataset } from '../dataset/write-imported.ts';
import type { ImportedRecordView, ImportReply, ImportRequest } from './import-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let running: { id: number; controller: AbortController } | null = null;
let last: { dataset: ImportedDataset; settings: ImportSettings } | null = null;

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

function viewOf(rec: ImportRecord): ImportedRecordView {
  const beats = [...rec.beats].sort((a, b) => a.timeS - b.timeS);
  return {
    name: rec.record,
    patient: rec.patient,
    lead: rec.lead,
    fsHz: rec.fsHz,
    signalMv: rec.signalMv,
    beatSamples: Int32Array.from(beats, (b) => Math.round(b.timeS * rec.fsHz)),
    beatSymbols: beats.map((b) => b.symbol),
    rhythms: [...rec.rhythms].sort((a, b) => a.startS - b.startS),
    windows: 0,
    warnings: rec.warnings,
  };
}

async function runImport(request: Extract<ImportRequest, { type: 'import' }>): Promise<void> {
  const controller = new AbortController();
  running = { id: request.id, controller };
  const { options } = request;
  try {
    let rule;
    try {
      rule = parseLabelRule(options.labelRule);
    } catch (e) {
      throw new Error(`Label rule: ${errorText(e)}`, { cause: e });
    }
    let patients;
    if (options.patientsCsv !== undefined && options.patientsCsv.trim() !== '') {
      try {
        patients = parsePatientMap(options.patientsCsv);
      } catch (e) {
        throw new Error(`Patients CSV: ${errorText(e)}`, { cause: e });
      }
    }
    const loaded: ImportRecord[] = [];
    const files = request.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) }));
    const { sources, skipped } = bytesImportSources(files, {
      lead: options.lead,
      patients,
      beforeLoad: yieldToEvents,
      onLoaded: (rec) => loaded.push(rec),
    });
    send({ type: 'progress', id: request.id, done: 0, total: sources.length, name: '' });
    const dataset = await buildImportedDataset(sources, {
      fsHz: options.fsHz,
      windowS: options.windowS,
      strideS: options.strideS,
      rule,
      rhythmClasses: DEFAULT_RHYTHM_CLASSES,
      signal: controller.signal,
      onProgress: (done, total, name) => send({ type: 'progress', id: request.id, done, total, name }),
    });
    dataset.skippedRecords = [...skipped, ...dataset.skippedRecords];
    last = {
      dataset,
      settings: {
        inputs: request.files.map((f) => f.name),
        lead: options.lead,
        fsHz: options.fsHz,
        windowS: options.windowS,
        strideS: options.strideS,
        labelRule: formatLabelRule(rule),
        rhythmClasses: { ...DEFAULT_RHYTHM_CLASSES },
        recordLabelSources: ['REFERENCE.csv among the files', '#Dx: SNOMED-CT codes (default table)'],
        patientSource: patients ? 'patients CSV (else the record name)' : 'record name',
      },
    };
    const summary = summarizeImport(dataset);
    const windowsOf = new Map(dataset.records.map((r) => [r.record, r.windows]));
    const records = loaded.map((rec) => ({ ...viewOf(rec), windows: windowsOf.get(rec.record) ?? 0 }));
    const transfer = records.flatMap((r) => [r.signalMv.buffer, r.beatSamples.buffer]) as ArrayBuffer[];
    send({ type: 'done', id: request.id, records, skipped: dataset.skippedRecords, summary }, [
      ...new Set(transfer),
    ]);
  } catch (e) {
    if (controller.signal.aborted) send({ type: 'cancelled', id: request.id });
    else send({ type: 'error', id: request.id, message: errorText(e) });
  } finally {
    if (running?.id === request.id) running = null;
  }
}

async function runExport(id: number): Promise<void> {
  try {
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
    } else if (request.type === 'import') {
      if (running) running.controller.abort();
      void runImport(request);
    } else if (request.type === 'export') {
      void runExport(request.id);
    }
  } catch (e) {
    send({ type: 'error', id: -1, message: errorText(e) });
  }
};
