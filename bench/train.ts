// Training throughput of the engine in Node (`npm run bench train`): train samples per second of the
// real training loop (batch assembly, augmentation, forward, backward, Adam), median over batches after
// warm-up batches (three on wasm). Cases: the reference CNN (depth 2, width 16) at 1000 and 5000
// samples, and every architecture at 5000, on wasm and cpu; plus where a wasm training step spends its
// time, and the PyTorch reference where python3 has torch.
import * as tf from '@tensorflow/tfjs-core';
import { createNodeTrainer, wasmThreads } from '../src/cli/tf-node.ts';
import { createRng } from '../src/core/rng.ts';
import { kernelTimings, setKernelTiming } from '../src/train/kernels/kernel-timing.ts';
import {
  ARCH_NAMES,
  type ArchName,
  type ExampleSet,
  type ModelSpec,
  type Trainer,
} from '../src/train/types.ts';
import { median } from './synth-rate.ts';
import { profileTrainStep } from './train-profile.ts';
import { benchTrainPytorch } from './train-pytorch.ts';

/** Batch size of every case (the benchmark). */
export const BENCH_BATCH = 64;

/** Depth and width of the benchmarked models (the reference CNN's). */
const DEPTH = 2;
const WIDTH = 16;

function randomExamples(n: number, inputLength: number, seed: number): ExampleSet {
  const rng = createRng(seed);
  const x = new Float32Array(n * inputLength);
  for (let i = 0; i < x.length; i++) x[i] = rng.uniform() - 0.5;
  return { x, y: Int32Array.from({ length: n }, (_, i) => i % 2), n, inputLength };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Batches timed per case after `warmup` untimed ones (the cpu backend takes seconds per batch). */
const BATCHES = { wasm: { warmup: 3, measured: 5 }, cpu: { warmup: 0, measured: 1 } };

/**
 * Median train samples per second over the measured batches, from wall time and from this process's
 * CPU time (the two agree on an idle machine; on a busy one, wall time also counts waiting for a core).
 */
async function samplesPerSec(
  trainer: Trainer,
  spec: ModelSpec,
  { warmup, measured }: { warmup: number; measured: number },
): Promise<{ wall: number; cpu: number }> {
  const train = randomExamples(BENCH_BATCH * (warmup + measured), spec.inputLength, 1);
  const none = randomExamples(0, spec.inputLength, 2);
  const wall: number[] = [performance.now()];
  const cpu: number[] = [cpuMs()];
  const res = await trainer.fit(
    spec,
    train,
    none,
    {
      epochs: 1,
      batchSize: BENCH_BATCH,
      learningRate: 1e-3,
      patience: 0,
      seed: 1,
      maskFraction: 0.5,
      shiftMaxSamples: 100,
    },
    {
      onProgress: () => {
        wall.push(performance.now());
        cpu.push(cpuMs());
      },
    },
  );
  res.model.dispose();
  const rate = (stamps: number[]) =>
    (BENCH_BATCH / median(stamps.slice(warmup + 1).map((t, i) => t - stamps[warmup + i]))) * 1000;
  return { wall: rate(wall), cpu: rate(cpu) };
}

/** One JSON line per case, emitted as it finishes. */
export async function benchTrain(emit: (line: object) => void): Promise<void> {
  const cases: [ArchName, number][] = [
    ['cnn', 1000],
    ...ARCH_NAMES.map((a): [ArchName, number] => [a, 5000]),
  ];
  for (const backend of ['wasm', 'cpu'] as const) {
    const trainer = await createNodeTrainer(backend);
    if (trainer.backend !== backend) {
      process.stderr.write(`bench train: ${backend} did not start, skipped\n`);
      continue;
    }
    for (const [arch, inputLength] of cases) {
      const spec: ModelSpec = { arch, depth: DEPTH, width: WIDTH, inputLength, nClasses: 2 };
      process.stderr.write(`bench train: ${backend} ${arch} at ${inputLength}…\n`);
      const rate = await samplesPerSec(trainer, spec, BATCHES[backend]);
      const paramCount = trainer.createModel(spec, 1);
      emit({
        bench: 'train',
        backend,
        model: arch,
        depth: DEPTH,
        width: WIDTH,
        params: paramCount.paramCount,
        inputLength,
        batch: BENCH_BATCH,
        threads: backend === 'wasm' ? wasmThreads() : 1,
        trainSamplesPerSec: Math.round(rate.wall * 10) / 10,
        trainSamplesPerCpuSec: Math.round(rate.cpu * 10) / 10,
      });
      paramCount.dispose();
    }
    if (backend === 'wasm') {
      for (const inputLength of [1000, 5000]) {
        const spec: ModelSpec = { arch: 'cnn', depth: DEPTH, width: WIDTH, inputLength, nClasses: 2 };
        setKernelTiming(true, cpuMs);
        const profile = await profileTrainStep(spec, BENCH_BATCH);
        const phases = kernelTimings();
        setKernelTiming(false);
        emit({
          bench: 'train-profile',
          backend,
          model: 'cnn',
          inputLength,
          batch: BENCH_BATCH,
          ...profile,
          wasmKernelPhasesMs: round(phases),
        });
      }
    }
  }
  process.stderr.write('bench train: the PyTorch reference…\n');
  benchTrainPytorch().forEach(emit);
  if (tf.memory().numTensors > 0)
    process.stderr.write(`bench train: ${tf.memory().numTensors} tensors left\n`);
}

function round(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}
