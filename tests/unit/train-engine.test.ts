// The training engine (src/train/trainer*.ts, models/): a tiny, separable task in Node on WASM (and CPU),
// checked on measurable facts: tensors are freed, seeds reproduce, early stopping keeps the best epoch,
// cancel stops between batches, the reference CNN has its hand-counted parameters.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeTrainer, setupNodeBackends } from '../../src/cli/tf-node.ts';
import { createRng } from '../../src/core/rng.ts';
import { PauseGate } from '../../src/train/pause-gate.ts';
import { createTrainer } from '../../src/train/trainer.ts';
import {
  ARCH_NAMES,
  type ExampleSet,
  type ModelSpec,
  type Trainer,
  type TrainSettings,
} from '../../src/train/types.ts';

const L = 64;

/** n windows: class 0 a sine of period 16 samples, class 1 of period 6, random phase and amplitude, noise. */
function sines(n: number, seed: number): ExampleSet {
  const rng = createRng(seed);
  const x = new Float32Array(n * L);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    const period = y[i] === 0 ? 16 : 6;
    const phase = rng.uniform() * 2 * Math.PI;
    const amp = 0.5 + rng.uniform();
    for (let t = 0; t < L; t++)
      x[i * L + t] = amp * Math.sin((2 * Math.PI * t) / period + phase) + 0.2 * rng.normal();
  }
  return { x, y, n, inputLength: L };
}

const spec: ModelSpec = { arch: 'cnn', depth: 2, width: 8, inputLength: L, nClasses: 2 };
const settings: TrainSettings = {
  epochs: 3,
  batchSize: 16,
  learningRate: 1e-2,
  patience: 0,
  seed: 7,
  maskFraction: 0.2,
  shiftMaxSamples: 16,
};
const train = sines(64, 1);
const val = sines(32, 2);

let trainer: Trainer;
beforeAll(async () => {
  trainer = await createNodeTrainer('wasm');
});

describe('training engine on wasm', () => {
  it('runs on the wasm backend and counts the reference CNN parameters by hand', () => {
    expect(trainer.backend).toBe('wasm');
    const ref = trainer.createModel({ arch: 'cnn', depth: 2, width: 16, inputLength: 1000, nClasses: 2 }, 1);
    // conv 1→16 k7: 7·16 + 16; conv 16→32 k7: 7·16·32 + 32; dense 32→2: 32·2 + 2.
    expect(ref.paramCount).toBe(7 * 16 + 16 + (7 * 16 * 32 + 32) + (32 * 2 + 2));
    ref.dispose();
  });

  it('keeps the tensor count flat across epochs and frees everything it made', async () => {
    const before = trainer.tensorCount();
    const counts: number[] = [];
    const res = await trainer.fit(spec, train, val, settings, {
      onEpoch: () => counts.push(trainer.tensorCount()),
    });
    expect(counts).toHaveLength(3);
    expect(counts[2]).toBe(counts[0]);
    res.model.dispose();
    expect(trainer.tensorCount()).toBe(before);
  });

  it('learns a separable task, and the same seed gives the same numbers', async () => {
    const run = async (seed: number) => {
      const res = await trainer.fit(spec, train, val, { ...settings, epochs: 12, seed });
      const probs = await trainer.predict(res.model, val);
      res.model.dispose();
      return { history: res.history, probs };
    };
    const a = await run(3);
    const b = await run(3);
    const c = await run(4);
    expect(b.history.map((h) => h.valLoss)).toEqual(a.history.map((h) => h.valLoss));
    expect(b.probs).toEqual(a.probs);
    expect(c.history.map((h) => h.valLoss)).not.toEqual(a.history.map((h) => h.valLoss));
    let correct = 0;
    for (let i = 0; i < val.n; i++) if ((a.probs[2 * i + 1] > 0.5 ? 1 : 0) === val.y[i]) correct++;
    expect(correct / val.n).toBeGreaterThanOrEqual(0.9);
    for (let i = 0; i < val.n; i++) expect(a.probs[2 * i] + a.probs[2 * i + 1]).toBeCloseTo(1, 5);
  });

  it('stops early and keeps the epoch with the lowest validation loss', async () => {
    const res = await trainer.fit(spec, train, val, {
      ...settings,
      epochs: 30,
      patience: 2,
      learningRate: 0.05,
    });
    const losses = res.history.map((h) => h.valLoss);
    const best = losses.indexOf(Math.min(...losses)) + 1;
    expect(res.bestEpoch).toBe(best);
    expect(res.history.length).toBeLessThanOrEqual(best + 2);
    // The kept weights are the best epoch's: their validation loss is the best one.
    const probs = await trainer.predict(res.model, val);
    let loss = 0;
    for (let i = 0; i < val.n; i++) loss -= Math.log(Math.max(probs[2 * i + val.y[i]], 1e-7));
    expect(loss / val.n).toBeCloseTo(losses[best - 1], 4);
    res.model.dispose();
  });

  it('cancels between batches, frees its tensors, and rejects with the signal reason', async () => {
    const before = trainer.tensorCount();
    const controller = new AbortController();
    let batches = 0;
    const run = trainer.fit(
      spec,
      train,
      val,
      { ...settings, epochs: 50 },
      {
        signal: controller.signal,
        onProgress: () => {
          if (++batches === 2) controller.abort(new Error('stop here'));
        },
      },
    );
    await expect(run).rejects.toThrow('stop here');
    expect(batches).toBe(2);
    expect(trainer.tensorCount()).toBe(before);
  });

  it('pauses inside a fit: no batch runs while paused, and the result equals an unpaused run', async () => {
    const plain = await trainer.fit(spec, train, val, settings);
    const plainProbs = await trainer.predict(plain.model, val);
    plain.model.dispose();
    const gate = new PauseGate();
    let batches = 0;
    let batchesAtPause = -1;
    const run = trainer.fit(spec, train, val, settings, {
      pauseGate: gate,
      onProgress: () => {
        if (++batches === 3) {
          gate.pause();
          batchesAtPause = batches;
        }
      },
    });
    await new Promise((r) => setTimeout(r, 400));
    expect(gate.paused).toBe(true);
    expect(batches).toBe(batchesAtPause);
    gate.resume();
    const paused = await run;
    expect(batches).toBe(3 * (train.n / settings.batchSize));
    const pausedProbs = await trainer.predict(paused.model, val);
    expect(Array.from(pausedProbs)).toEqual(Array.from(plainProbs));
    // Throughput leaves the pause out: no epoch took the 400 ms the pause lasted.
    expect(Math.max(...paused.history.map((h) => h.epochMs))).toBeLessThan(
      Math.max(...plain.history.map((h) => h.epochMs)) + 300,
    );
    paused.model.dispose();
  });

  it('cancels a paused fit', async () => {
    const before = trainer.tensorCount();
    const gate = new PauseGate();
    gate.pause();
    const controller = new AbortController();
    const run = trainer.fit(spec, train, val, settings, { pauseGate: gate, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled while paused')), 100);
    await expect(run).rejects.toThrow('cancelled while paused');
    expect(trainer.tensorCount()).toBe(before);
  });

  it('fine-tunes from a model: the start is its weights, and a different spec is refused', async () => {
    const base = await trainer.fit(spec, train, val, { ...settings, epochs: 4 });
    const baseProbs = await trainer.predict(base.model, val);
    const tuned = await trainer.fit(
      spec,
      train,
      val,
      { ...settings, epochs: 1, learningRate: 1e-9, maskFraction: 0 },
      {
        initFrom: base.model,
      },
    );
    const tunedProbs = await trainer.predict(tuned.model, val);
    for (let i = 0; i < baseProbs.length; i++) expect(tunedProbs[i]).toBeCloseTo(baseProbs[i], 4);
    await expect(
      trainer.fit({ ...spec, width: 12 }, train, val, settings, { initFrom: base.model }),
    ).rejects.toThrow(/initFrom: model width 8 differs/);
    base.model.dispose();
    tuned.model.dispose();
  });

  it('trains every architecture of the zoo for one epoch', async () => {
    for (const arch of ARCH_NAMES) {
      const s: ModelSpec = { arch, depth: 1, width: 8, inputLength: L, nClasses: 3 };
      const three = { ...train, y: train.y.map((v, i) => (i % 3 === 0 ? 2 : v)) };
      const res = await trainer.fit(s, three, val, { ...settings, epochs: 1 });
      expect(res.history[0].trainLoss, arch).toBeGreaterThan(0);
      expect(Number.isFinite(res.history[0].valLoss), arch).toBe(true);
      expect(res.model.paramCount, arch).toBeGreaterThan(0);
      res.model.dispose();
    }
  });

  it('refuses bad input with the field and the reason', async () => {
    await expect(trainer.fit(spec, { ...train, inputLength: 50 }, val, settings)).rejects.toThrow(
      'train: inputLength 50 differs',
    );
    await expect(trainer.fit(spec, train, val, { ...settings, batchSize: 0 })).rejects.toThrow('batchSize');
    expect(() => trainer.createModel({ ...spec, arch: 'mlp' as never }, 1)).toThrow('arch');
  });
});

describe('backends in Node', () => {
  it('falls back from webgpu and webgl (absent in Node) to wasm and says why', async () => {
    setupNodeBackends();
    const t = (await createTrainer('webgpu')) as Trainer & { skipped: string[] };
    expect(t.backend).toBe('wasm');
    expect(t.skipped).toEqual(['webgpu: not available here', 'webgl: not available here']);
  });

  it('cpu and wasm train to the same numbers (the wasm kernels are exact)', async () => {
    const cpu = await createNodeTrainer('cpu');
    const res = await cpu.fit(spec, train, val, { ...settings, epochs: 2 });
    const wasm = await createNodeTrainer('wasm');
    const res2 = await wasm.fit(spec, train, val, { ...settings, epochs: 2 });
    for (let e = 0; e < 2; e++) expect(res2.history[e].valLoss).toBeCloseTo(res.history[e].valLoss, 3);
    res.model.dispose();
    res2.model.dispose();
  });
});
