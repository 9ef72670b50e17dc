/**
 * Module worker: serves the live strip (`synthesize` + `beatViews`) and the variety view off the main
 * thread. The strip always goes first: a variety request is computed one record per task, and a strip
 * request that arrives meanwhile is served before the next record. Requests superseded before they ran
 * (strip) or finished (variety) are answered `dropped` / `variety-dropped`; invalid parameters are
 * answered with an error naming the parameter (the worker never throws out of its handler). Buffers go
 * back by transfer.
 */
import { serveSynth, synthTransferables } from './serve-synth.ts';
import type { SynthRequest } from './synth-protocol.ts';
import { VarietyJob, varietyTransferables } from './variety-job.ts';
import type { VarietyRequest, WorkerReply, WorkerRequest } from './variety-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Longest a task spends on variety records before yielding, ms. */
const VARIETY_SLICE_MS = 4;

let newestSynthId = -Infinity;
let newestVarietyId = -Infinity;
let waitingSynth: SynthRequest | null = null;
let varietyJob: VarietyJob | null = null;
let scheduled = false;

function send(reply: WorkerReply, transfer: ArrayBuffer[] = []): void {
  self.postMessage(reply, transfer);
}

function schedule(): void {
  // Yield one task so that requests already queued behind this one can supersede it.
  if (!scheduled) {
    scheduled = true;
    setTimeout(runTask, 0);
  }
}

/** One task: the newest strip request if one waits, else a slice of the variety job. */
function runTask(): void {
  scheduled = false;
  const synth = waitingSynth;
  waitingSynth = null;
  if (synth) {
    const reply = serveSynth(synth);
    send(reply, synthTransferables(reply));
  } else if (varietyJob) {
    const job = varietyJob;
    const untilMs = performance.now() + VARIETY_SLICE_MS;
    do job.step();
    while (!job.done && performance.now() < untilMs);
    if (job.done) {
      varietyJob = null;
      const reply = job.reply();
      send(reply, varietyTransferables(reply));
    }
  }
  if (waitingSynth || varietyJob) schedule();
}

function acceptSynth(request: SynthRequest): void {
  if (request.id <= newestSynthId) {
    send({ type: 'dropped', id: request.id });
    return;
  }
  newestSynthId = request.id;
  if (waitingSynth) send({ type: 'dropped', id: waitingSynth.id });
  waitingSynth = request;
  schedule();
}

function acceptVariety(request: VarietyRequest): void {
  if (request.id <= newestVarietyId) {
    send({ type: 'variety-dropped', id: request.id });
    return;
  }
  newestVarietyId = request.id;
  if (varietyJob) send({ type: 'variety-dropped', id: varietyJob.request.id });
  varietyJob = new VarietyJob(request);
  schedule();
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (typeof request?.id !== 'number') {
    send({ type: 'error', id: -1, key: null, message: 'malformed request' });
  } else if (request.type === 'synth') {
    acceptSynth(request);
  } else if (request.type === 'variety') {
    acceptVariety(request);
  } else {
    send({ type: 'error', id: -1, key: null, message: 'malformed request' });
  }
};
