// Where one training step spends its time on the wasm (or cpu) backend: every kernel of the backend is
// wrapped with a timer of this process's CPU time (so the figures hold on a busy machine, where wall
// time is inflated by waiting), summed by kernel name; the rest of the step's CPU time is JavaScript
// outside kernels (tape, dispatch, Adam's bookkeeping, batch assembly).
import * as tf from '@tensorflow/tfjs-core';
import { buildModel } from '../src/train/models/index.ts';
import { weightedCrossEntropy } from '../src/train/trainer-loss.ts';
import type { ModelSpec } from '../src/train/types.ts';
import { median } from './synth-rate.ts';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wrap every kernel of `backend` with a CPU timer; returns the totals and an undo. */
function timeKernels(backend: string): { totals: Map<string, number>; restore: () => void } {
  const totals = new Map<string, number>();
  const undo: (() => void)[] = [];
  for (const config of tf.getKernelsForBackend(backend)) {
    const original = config.kernelFunc;
    const mutable = config as { kernelFunc: tf.KernelFunc };
    mutable.kernelFunc = (args) => {
      const t0 = cpuMs();
      const out = original(args);
      totals.set(config.kernelName, (totals.get(config.kernelName) ?? 0) + cpuMs() - t0);
      return out;
    };
    undo.push(() => (mutable.kernelFunc = original));
  }
  return { totals, restore: () => undo.forEach((f) => f()) };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** One step's wall and CPU time (medians of 3 after 2 warm-ups) and its per-kernel CPU time (top 8). */
export async function profileTrainStep(
  spec: ModelSpec,
  batch: number,
): Promise<{
  stepMs: number;
  stepCpuMs: number;
  kernelCpuMs: Record<string, number>;
  outsideKernelsCpuMs: number;
}> {
  const model = buildModel(spec, 1);
  const optimizer = tf.train.adam(1e-3);
  const x = tf.randomNormal([batch, spec.inputLength, 1]);
  const labels = Float32Array.from({ length: 2 * batch }, (_, i) => ((i >> 1) % 2 === i % 2 ? 1 : 0));
  const y = tf.tensor2d(labels, [batch, 2]);
  const w = tf.ones([batch]);
  const variables = model.trainableWeights.map((v) => v.read() as tf.Variable);
  const step = async () => {
    const loss = optimizer.minimize(
      () => weightedCrossEntropy(model.apply(x, { training: true }) as tf.Tensor, y, w),
      true,
      variables,
    );
    await loss?.data();
    loss?.dispose();
  };
  await step();
  await step();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [t0, c0] = [performance.now(), cpuMs()];
    await step();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  const { totals, restore } = timeKernels(tf.getBackend());
  const c0 = cpuMs();
  await step();
  const profiledCpu = cpuMs() - c0;
  restore();
  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  const inKernels = sorted.reduce((s, [, v]) => s + v, 0);
  const kernelCpuMs = Object.fromEntries([
    ...sorted.slice(0, 8).map(([k, v]) => [k, r1(v)]),
    ['others', r1(sorted.slice(8).reduce((s, [, v]) => s + v, 0))],
  ]);
  tf.dispose([x, y, w]);
  optimizer.dispose();
  model.dispose();
  return {
    stepMs: r1(median(wall)),
    stepCpuMs: r1(median(cpu)),
    kernelCpuMs,
    outsideKernelsCpuMs: r1(Math.max(0, profiledCpu - inKernels)),
  };
}
