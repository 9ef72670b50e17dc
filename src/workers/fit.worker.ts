/**
 * Module worker of the studio's fit panel: fits a record with `fitRecord` (templates and per-beat fits),
 * reports progress, sends each template's traces and distributions back, and keeps the fit to make a
 * class preset (`classPreset`) on request. Bad input (no beats) comes back as an error message.
 */
import { beatDistributions, classPreset, fitRecord, type RecordFit } from '../analysis/fit/index.ts';
import type { FitReply, FitRequest, FitResultView, FitTemplateView } from './fit-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Smallest progress step reported. */
const PROGRESS_STEP = 0.01;

let lastFit: RecordFit | null = null;

function send(reply: FitReply, transfer: Transferable[] = []): void {
  self.postMessage(reply, transfer);
}

function viewOf(fit: RecordFit, record: string, fitMs: number): FitResultView {
  const templates = fit.templates.map((t): FitTemplateView => {
    const view: FitTemplateView = {
      segment: t.segment,
      className: t.className,
      beatType: t.beatType,
      nBeats: t.nBeats,
      rrS: t.rrS,
      timeS: t.fit.timeS,
      templateMv: t.fit.templateMv,
      fittedMv: t.fit.fittedMv,
      residualMv: t.fit.residualMv,
      components: { ...t.fit.components },
      params: t.fit.params,
      rmsUv: t.fit.rmsUv,
      varianceExplained: t.fit.varianceExplained,
    };
    if (t.fWaves) view.fWaves = { ampMv: t.fWaves.ampMv, freqHz: t.fWaves.freqHz };
    if (t.beats) view.beats = beatDistributions([t.beats]);
    return view;
  });
  return {
    record,
    fsHz: fit.fsHz,
    durationS: fit.durationS,
    nBeats: fit.nBeats,
    beatSource: fit.beatSource,
    templates,
    skipped: fit.skipped.map((s) => ({ ...s })),
    fitMs,
  };
}

function handle(req: FitRequest): void {
  if (req.type === 'fit') {
    lastFit = null;
    const t0 = performance.now();
    let reported = 0;
    const fit = fitRecord(
      {
        signalMv: req.record.signalMv,
        fsHz: req.record.fsHz,
        beats: req.record.beats,
        rhythms: req.record.rhythms,
      },
      {
        className: req.className,
        onProgress: (fraction) => {
          if (fraction - reported < PROGRESS_STEP && fraction < 1) return;
          reported = fraction;
          send({ type: 'progress', id: req.id, fraction });
        },
      },
    );
    lastFit = fit;
    send({ type: 'fitted', id: req.id, result: viewOf(fit, req.record.name, performance.now() - t0) });
    return;
  }
  if (lastFit === null) throw new Error('no record fitted yet: fit a record first');
  const preset = classPreset(req.className, [lastFit], req.base);
  send({ type: 'preset', id: req.id, ...preset });
}

self.onmessage = (event: MessageEvent<FitRequest>) => {
  const req = event.data;
  try {
    handle(req);
  } catch (e) {
    send({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
  }
};
