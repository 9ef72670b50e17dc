// The WASM training kernels (src/train/kernels) against the cpu backend's reference gradients, on the
// shapes the zoo uses (1-D convs as [B, 1, W, C], strides 1 and 2, kernel = stride patch embeddings,
// 'same'/'valid'/explicit padding) and a few 2-D ones.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeTrainer } from '../../src/cli/tf-node.ts';
import { setMaxColumnFloats } from '../../src/train/kernels/conv2d-backprop-filter.ts';
import { registerTrainingGradients } from '../../src/train/kernels/gradients.ts';
import { registerCpuTrainingKernels } from '../../src/train/kernels/register-wasm.ts';
import { createRng } from '../../src/core/rng.ts';

type Pad = 'same' | 'valid' | number;
type Shape4 = [number, number, number, number];

function random(shape: number[], seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform() - 0.5);
}

/** Gradients of sum(conv2d(x, w)²) with respect to x and w, computed on `backend`. */
async function convGrads(
  backend: string,
  xs: number[],
  ws: number[],
  stride: number | [number, number],
  pad: Pad,
) {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor4d(random(xs, 1), xs as Shape4);
    const w = tf.tensor4d(random(ws, 2), ws as Shape4);
    const loss = (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad)));
    const [dx, dw] = tf.grads(loss)([x, w]);
    return [dx.dataSync() as Float32Array, dw.dataSync() as Float32Array];
  });
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(b.length).toBe(a.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function maxAbs(a: Float32Array): number {
  return a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

beforeAll(async () => {
  await createNodeTrainer('wasm');
});

describe('wasm Conv2DBackpropFilter and Conv2DBackpropInput', () => {
  const cases: [string, number[], number[], number | [number, number], Pad][] = [
    ['1-D k7 same (CNN)', [3, 1, 60, 4], [1, 7, 4, 8], 1, 'same'],
    ['1-D k1 input channel', [2, 1, 45, 1], [1, 7, 1, 6], 1, 'same'],
    ['1-D k5 stride 2 same (ResNet)', [3, 1, 50, 4], [1, 5, 4, 8], 2, 'same'],
    ['1-D k1 stride 2 shortcut', [2, 1, 41, 3], [1, 1, 3, 5], 2, 'same'],
    ['1-D patch embedding k = stride', [2, 1, 43, 1], [1, 10, 1, 6], 10, 'valid'],
    ['1-D valid', [2, 1, 33, 3], [1, 4, 3, 2], 1, 'valid'],
    ['2-D strided same', [2, 6, 9, 3], [3, 2, 3, 4], [2, 1], 'same'],
    ['2-D explicit pad 2', [2, 6, 9, 3], [3, 3, 3, 4], 1, 2],
  ];
  for (const [name, xs, ws, stride, pad] of cases) {
    it(`match the cpu backend: ${name}`, async () => {
      const [dxCpu, dwCpu] = await convGrads('cpu', xs, ws, stride, pad);
      const [dxWasm, dwWasm] = await convGrads('wasm', xs, ws, stride, pad);
      expect(maxAbsDiff(dxCpu, dxWasm)).toBeLessThan(1e-5 * Math.max(1, maxAbs(dxCpu)));
      expect(maxAbsDiff(dwCpu, dwWasm)).toBeLessThan(1e-5 * Math.max(1, maxAbs(dwCpu)));
    });
  }

  it('give the same filter gradient when the batch is split into column chunks', async () => {
    const [, dwCpu] = await convGrads('cpu', [5, 1, 40, 3], [1, 7, 3, 4], 1, 'same');
    const previous = setMaxColumnFloats(7 * 3 * 40 * 2); // two batch items per chunk: chunks of 2, 2 and 1
    try {
      const [, dwWasm] = await convGrads('wasm', [5, 1, 40, 3], [1, 7, 3, 4], 1, 'same');
      expect(maxAbsDiff(dwCpu, dwWasm)).toBeLessThan(1e-5 * Math.max(1, maxAbs(dwCpu)));
    } finally {
      setMaxColumnFloats(previous);
    }
  });
});

describe('wasm MaxPoolGrad', () => {
  const cases: [number[], [number, number], [number, number], 'same' | 'valid'][] = [
    [[3, 50, 1, 4], [2, 1], [2, 1], 'valid'],
    [[3, 51, 1, 4], [3, 1], [2, 1], 'same'],
    [[2, 6, 7, 3], [3, 3], [2, 2], 'valid'],
  ];
  for (const [xs, k, s, pad] of cases) {
    it(`matches the cpu backend: x ${xs.join('×')}, pool ${k.join('×')}, stride ${s.join('×')}, ${pad}`, async () => {
      const grad = async (backend: string) => {
        await tf.setBackend(backend);
        return tf.tidy(() => {
          const x = tf.tensor4d(random(xs, 3), xs as Shape4);
          const loss = (a: tf.Tensor) => tf.sum(tf.square(tf.maxPool(a as tf.Tensor4D, k, s, pad)));
          return tf.grad(loss)(x).dataSync() as Float32Array;
        });
      };
      expect(maxAbsDiff(await grad('cpu'), await grad('wasm'))).toBeLessThan(1e-6);
    });
  }
});

describe('Tile gradient', () => {
  it('sums the output gradient over the repetitions (rank 3)', async () => {
    registerTrainingGradients();
    await tf.setBackend('wasm');
    const xs = [2, 1, 3];
    const reps = [2, 4, 1];
    const ys = [4, 4, 3];
    const weights = random(ys, 4);
    const dx = tf.tidy(
      () =>
        tf
          .grad((x: tf.Tensor) => tf.sum(tf.mul(tf.tile(x, reps), tf.tensor(weights, ys))))(
            tf.tensor(random(xs, 5), xs),
          )
          .dataSync() as Float32Array,
    );
    // dx[i, j, k] = Σ over repetitions of weights at the positions that copy x[i, j, k].
    const expected = new Float32Array(6);
    for (let a = 0; a < 4; a++)
      for (let b = 0; b < 4; b++)
        for (let c = 0; c < 3; c++) expected[(a % 2) * 3 + (b % 1) * 3 + c] += weights[(a * 4 + b) * 3 + c];
    expect(maxAbsDiff(expected, dx)).toBeLessThan(1e-5);
  });
});

describe('wasm Sum and Mean', () => {
  const cases: [number[], number | number[] | undefined, boolean][] = [
    [[4, 30, 5], [0, 1], false], // a conv bias gradient
    [[4, 30, 5], 1, false], // global average pooling
    [[4, 30, 5], -1, true],
    [[4, 30, 5], undefined, false], // every axis (a loss mean)
    [[4, 30, 5], [0, 2], false], // not contiguous: the backend's own kernel
    [[6, 7], 0, true],
  ];
  for (const [shape, axis, keepDims] of cases) {
    it(`match the cpu backend: shape ${shape.join('×')}, axis ${JSON.stringify(axis)}, keepDims ${keepDims}`, async () => {
      const run = async (backend: string) => {
        await tf.setBackend(backend);
        return tf.tidy(() => {
          const x = tf.tensor(random(shape, 6), shape);
          return [tf.sum(x, axis, keepDims), tf.mean(x, axis, keepDims)].map((t) => ({
            shape: t.shape,
            values: t.dataSync() as Float32Array,
          }));
        });
      };
      const [cpu, wasm] = [await run('cpu'), await run('wasm')];
      for (let i = 0; i < 2; i++) {
        expect(wasm[i].shape).toEqual(cpu[i].shape);
        expect(maxAbsDiff(cpu[i].values, wasm[i].values)).toBeLessThan(1e-5);
      }
    });
  }
});

describe('wasm Tile', () => {
  const cases: [number[], number[]][] = [
    [
      [1, 1, 5],
      [3, 40, 1],
    ], // a normalisation statistic over a batch
    [
      [2, 3],
      [2, 2],
    ],
    [
      [2, 1, 3],
      [1, 4, 2],
    ],
    [[7], [3]],
  ];
  for (const [shape, reps] of cases) {
    it(`matches the cpu backend: ${shape.join('×')} tiled ${reps.join('×')}`, async () => {
      const run = async (backend: string) => {
        await tf.setBackend(backend);
        return tf.tidy(() => tf.tile(tf.tensor(random(shape, 8), shape), reps).dataSync() as Float32Array);
      };
      expect(maxAbsDiff(await run('cpu'), await run('wasm'))).toBe(0);
    });
  }
});

describe('Sum and Mean gradients', () => {
  it('spread dy over the reduced axes (Mean divides by their size)', async () => {
    registerTrainingGradients();
    await tf.setBackend('wasm');
    const weights = random([3, 5], 9);
    const grad = (reduce: (x: tf.Tensor) => tf.Tensor) =>
      tf.tidy(
        () =>
          tf
            .grad((x: tf.Tensor) => tf.sum(tf.mul(reduce(x), tf.tensor(weights, [3, 5]))))(
              tf.tensor(random([3, 4, 5], 10), [3, 4, 5]),
            )
            .dataSync() as Float32Array,
      );
    const dMean = grad((x) => tf.mean(x, 1));
    const dSum = grad((x) => tf.reshape(tf.sum(x, 1, true), [3, 5]));
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 4; j++)
        for (let k = 0; k < 5; k++) {
          expect(dMean[(i * 4 + j) * 5 + k]).toBeCloseTo(weights[i * 5 + k] / 4, 6);
          expect(dSum[(i * 4 + j) * 5 + k]).toBeCloseTo(weights[i * 5 + k], 6);
        }
  });
});

describe('cpu Conv2DBackpropFilter', () => {
  it('equals the filter gradient summed by definition (1-D, stride 2, same padding)', async () => {
    registerCpuTrainingKernels();
    await tf.setBackend('cpu');
    const [B, W, Ci, K, Co, s] = [3, 41, 4, 5, 6, 2];
    const x = random([B, 1, W, Ci], 11);
    const OW = Math.ceil(W / s);
    const dy = random([B, 1, OW, Co], 12);
    const dw = tf.tidy(() => {
      const inputs = { x: tf.tensor4d(x, [B, 1, W, Ci]), dy: tf.tensor4d(dy, [B, 1, OW, Co]) };
      const attrs = { strides: s, pad: 'same', dataFormat: 'NHWC', filterShape: [1, K, Ci, Co] };
      return (
        tf.engine().runKernel('Conv2DBackpropFilter', inputs, attrs) as tf.Tensor
      ).dataSync() as Float32Array;
    });
    // 'same' with stride 2: total padding max((OW − 1)·s + K − W, 0), the smaller half on the left.
    const left = Math.floor(Math.max((OW - 1) * s + K - W, 0) / 2);
    const expected = new Float32Array(K * Ci * Co);
    for (let b = 0; b < B; b++)
      for (let t = 0; t < OW; t++)
        for (let k = 0; k < K; k++) {
          const w = t * s + k - left;
          if (w < 0 || w >= W) continue;
          for (let i = 0; i < Ci; i++)
            for (let o = 0; o < Co; o++)
              expected[(k * Ci + i) * Co + o] += x[(b * W + w) * Ci + i] * dy[(b * OW + t) * Co + o];
        }
    expect(maxAbsDiff(expected, dw)).toBeLessThan(1e-5);
  });
});
