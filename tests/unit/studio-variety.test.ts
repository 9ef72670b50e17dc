// The studio's variety requests: the worker's job computes exactly the records the thumbnails promise
// (record i = synthesize with seed recordSeed(seed, class, i)), refuses bad requests naming the
// parameter, and the main-thread client and worker split coalesce and route replies correctly.
import { describe, expect, it } from 'vitest';
import { VarietyClient } from '../../src/app/variety-client.ts';
import { splitWorker } from '../../src/app/worker-channels.ts';
import { DEFAULT_PARAMS, recordSeed, synthesize, type SynthParams } from '../../src/synth/index.ts';
import { VarietyJob, varietyTransferables } from '../../src/workers/variety-job.ts';
import type { VarietyReply, VarietyRequest, WorkerReply } from '../../src/workers/variety-protocol.ts';

function run(request: VarietyRequest): VarietyReply {
  const job = new VarietyJob(request);
  let steps = 0;
  while (!job.done) {
    job.step();
    expect(++steps).toBeLessThanOrEqual(request.count);
  }
  return job.reply();
}

describe('variety job', () => {
  it('record i is the exact record of seed recordSeed(seed, class, i), cut to the window', () => {
    for (const className of ['af', 'pvc'] as const) {
      const params: SynthParams = { ...DEFAULT_PARAMS, className, seed: 4_294_967_290 };
      const reply = run({ type: 'variety', id: 3, params, count: 12, windowS: 4 });
      if (reply.type !== 'variety-result') throw new Error(`unexpected ${reply.type}`);
      expect(reply.id).toBe(3);
      expect(reply.thumbs).toHaveLength(12);
      reply.thumbs.forEach((thumb, i) => {
        const seed = recordSeed(params.seed, className, i);
        expect(thumb.seed).toBe(seed);
        expect(thumb.className).toBe(className);
        const record = synthesize({ ...params, seed });
        expect(Array.from(thumb.signalMv)).toEqual(Array.from(record.signalMv.subarray(0, 4 * params.fsHz)));
        const v = Array.from(record.rPeak).filter(
          (r, k) => r < 4 * params.fsHz && record.beatSymbol[k] === 'V',
        );
        expect(Array.from(thumb.ventricularPeaks)).toEqual(v);
      });
      // Seeds wrap around 2^32.
      expect(reply.thumbs[6].seed).toBe(0);
      expect(new Set(varietyTransferables(reply)).size).toBe(24);
    }
  });

  it('a window longer than the record keeps the whole record', () => {
    const params: SynthParams = { ...DEFAULT_PARAMS, durationS: 3 };
    const reply = run({ type: 'variety', id: 1, params, count: 2, windowS: 10 });
    if (reply.type !== 'variety-result') throw new Error(`unexpected ${reply.type}`);
    expect(reply.thumbs.map((t) => t.signalMv.length)).toEqual([1500, 1500]);
  });

  it('refuses invalid parameters, naming the parameter, and bad counts or windows', () => {
    const bad = run({
      type: 'variety',
      id: 7,
      params: { ...DEFAULT_PARAMS, rAmpMv: 99 },
      count: 12,
      windowS: 10,
    });
    expect(bad).toMatchObject({ type: 'variety-error', id: 7, key: 'rAmpMv' });
    for (const [count, windowS] of [
      [0, 10],
      [65, 10],
      [1.5, 10],
      [12, 0],
      [12, Number.NaN],
    ]) {
      const reply = run({ type: 'variety', id: 8, params: DEFAULT_PARAMS, count, windowS });
      expect(reply).toMatchObject({ type: 'variety-error', id: 8, key: null });
    }
  });
});

/** A fake worker that records posted messages and lets the test answer. */
function fakeWorker() {
  const posted: unknown[] = [];
  const worker = {
    postMessage: (message: unknown) => posted.push(message),
    onmessage: null as ((event: MessageEvent<WorkerReply>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
  };
  const reply = (data: WorkerReply) => worker.onmessage?.({ data } as MessageEvent<WorkerReply>);
  return { worker, posted, reply };
}

describe('variety client and worker channels', () => {
  it('keeps one request in flight, sends only the newest queued one, and routes replies by type', () => {
    const { worker, posted, reply } = fakeWorker();
    const channels = splitWorker(worker as unknown as Worker);
    const strip: unknown[] = [];
    channels.synth.onmessage = (event) => strip.push(event.data);
    const results: number[] = [];
    const client = new VarietyClient(
      channels.variety,
      { count: 12, windowS: 10 },
      {
        onResult: (_result, params) => results.push(params.seed),
        onFailure: () => results.push(-1),
      },
    );
    client.request({ ...DEFAULT_PARAMS, seed: 1 });
    client.request({ ...DEFAULT_PARAMS, seed: 2 });
    client.request({ ...DEFAULT_PARAMS, seed: 3 });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'variety', id: 1, count: 12, windowS: 10, params: { seed: 1 } });
    expect(client.isIdle()).toBe(false);

    reply({ type: 'dropped', id: 1 }); // a strip reply with the same id goes to the strip
    expect(strip).toHaveLength(1);
    expect(posted).toHaveLength(1);

    reply({ type: 'variety-result', id: 1, windowS: 10, thumbs: [], synthMs: 1 });
    expect(results).toEqual([1]);
    expect(posted).toHaveLength(2);
    expect(posted[1]).toMatchObject({ id: 2, params: { seed: 3 } });

    reply({ type: 'variety-error', id: 2, key: 'seed', message: 'bad' });
    expect(results).toEqual([1, -1]);
    expect(client.isIdle()).toBe(true);
  });
});
