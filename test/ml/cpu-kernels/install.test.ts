import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  FAST_CPU_KERNELS,
  fastKernelCalls,
  fastCpuKernelsInstalled,
  installFastCpuKernels,
  stockCpuKernel,
  uninstallFastCpuKernels,
} from '../../../src/ml/cpu-kernels';
import { Rng } from '../../../src/core/rng';

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => uninstallFastCpuKernels());

function rand(shape: number[], seed: number): tf.Tensor {
  const rng = new Rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: n }, () => rng.next() * 2 - 1), shape);
}

/** Runs f with the stock kernels and with the fast ones; returns both results as flat arrays. */
function stockVsFast(f: () => tf.Tensor | tf.Tensor[]): { stock: Float32Array[]; fast: Float32Array[] } {
  const run = () => {
    const out = tf.tidy(f);
    const ts = Array.isArray(out) ? out : [out];
    const vals = ts.map((t) => t.dataSync() as Float32Array);
    tf.dispose(ts);
    return vals;
  };
  uninstallFastCpuKernels();
  const stock = run();
  installFastCpuKernels();
  const fast = run();
  return { stock, fast };
}

/** Fast-loop and stock-fallback calls of `names` made by f. */
function callsDuring(names: string[], f: () => void): { fast: number; stock: number } {
  const sum = () => {
    const c = fastKernelCalls();
    return names.reduce((a, n) => ({ fast: a.fast + (c[n]?.fast ?? 0), stock: a.stock + (c[n]?.stock ?? 0) }), { fast: 0, stock: 0 });
  };
  const before = sum();
  f();
  const after = sum();
  return { fast: after.fast - before.fast, stock: after.stock - before.stock };
}

const CONV = [tf.Conv2D, tf.Conv2DBackpropInput, tf.Conv2DBackpropFilter];
const DW = [tf.DepthwiseConv2dNative, tf.DepthwiseConv2dNativeBackpropInput, tf.DepthwiseConv2dNativeBackpropFilter];

function maxAbsDiff(a: Float32Array[], b: Float32Array[]): number {
  expect(a.map((x) => x.length)).toEqual(b.map((x) => x.length));
  let m = 0;
  a.forEach((x, i) => x.forEach((v, j) => (m = Math.max(m, Math.abs(v - b[i][j])))));
  return m;
}

interface Case {
  k: number;
  stride: number;
  pad: Pad;
  size: [number, number];
  batch: number;
}

const CASES: Case[] = [];
for (const k of [1, 3, 5, 7])
  for (const stride of [1, 2])
    for (const pad of ['same', 'valid'] as const) {
      const size: [number, number] = (k + stride) % 2 === 0 ? [8, 8] : [9, 7];
      if (pad === 'valid' && (size[0] < k || size[1] < k)) continue;
      CASES.push({ k, stride, pad, size, batch: k % 2 === 1 && stride === 2 ? 3 : 1 });
    }
CASES.push({ k: 3, stride: 1, pad: 1, size: [6, 5], batch: 2 });
CASES.push({ k: 3, stride: 2, pad: [[0, 0], [1, 2], [2, 0], [0, 0]], size: [7, 8], batch: 3 });
CASES.push({ k: 5, stride: 2, pad: 'same', size: [14, 14], batch: 3 });

const label = (c: Case) => `k${c.k} s${c.stride} pad ${JSON.stringify(c.pad)} ${c.size.join('x')} batch ${c.batch}`;

describe('fast cpu conv kernels equal the stock kernels', () => {
  it.each(CASES)('conv2d forward and both gradients: k$k stride $stride pad $pad size $size batch $batch', (c) => {
    const [h, w] = c.size;
    const x = rand([c.batch, h, w, 3], 1);
    const f = rand([c.k, c.k, 3, 5], 2);
    const fwd = stockVsFast(() => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.stride, c.pad));
    expect(maxAbsDiff(fwd.stock, fwd.fast), label(c)).toBeLessThan(1e-4);
    const dyShape = tf.tidy(() => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.stride, c.pad).shape);
    const dy = rand(dyShape, 3);
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad), dy)));
    let grads = stockVsFast(() => g([x, f]));
    expect(callsDuring(CONV, () => (grads = stockVsFast(() => g([x, f]))))).toEqual({ fast: 3, stock: 0 });
    expect(grads.fast).toHaveLength(2);
    expect(maxAbsDiff(grads.stock, grads.fast), label(c)).toBeLessThan(1e-4);
    tf.dispose([x, f, dy]);
  });

  it.each(CASES)('depthwiseConv2d forward and both gradients: k$k stride $stride pad $pad size $size batch $batch', (c) => {
    const [h, w] = c.size;
    const x = rand([c.batch, h, w, 6], 4);
    const f = rand([c.k, c.k, 6, 1], 5);
    const fwd = stockVsFast(() => tf.depthwiseConv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.stride, c.pad));
    expect(maxAbsDiff(fwd.stock, fwd.fast), label(c)).toBeLessThan(1e-4);
    const dyShape = tf.tidy(() => tf.depthwiseConv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.stride, c.pad).shape);
    const dy = rand(dyShape, 6);
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad), dy)),
    );
    let grads = stockVsFast(() => g([x, f]));
    expect(callsDuring(DW, () => (grads = stockVsFast(() => g([x, f]))))).toEqual({ fast: 3, stock: 0 });
    expect(maxAbsDiff(grads.stock, grads.fast), label(c)).toBeLessThan(1e-4);
    tf.dispose([x, f, dy]);
  });

  it('1×1 conv at supernet scale (batch 3, 7×7, 144→24) matches', () => {
    const x = tf.relu(rand([3, 7, 7, 144], 7));
    const f = rand([1, 1, 144, 24], 8);
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'))));
    const r = stockVsFast(() => [tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same'), ...g([x, f])]);
    // values here are O(10); compare relative to magnitude
    const scale = Math.max(...r.stock.map((a) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0)));
    expect(maxAbsDiff(r.stock, r.fast) / scale).toBeLessThan(1e-5);
    tf.dispose([x, f]);
  });

  it('unsupported attributes (dilation 2, channel multiplier 2) go to the stock kernel', () => {
    const x = rand([2, 9, 9, 3], 9);
    const f = rand([3, 3, 3, 4], 10);
    const dw2 = rand([3, 3, 3, 2], 11);
    let r = { stock: [] as Float32Array[], fast: [] as Float32Array[] };
    const calls = callsDuring([...CONV, ...DW], () => {
      r = stockVsFast(() => [
        tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same', 'NHWC', 2),
        tf.depthwiseConv2d(x as tf.Tensor4D, dw2 as tf.Tensor4D, 1, 'same'),
        ...tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same')))([x, dw2]),
      ]);
    });
    expect(calls).toEqual({ fast: 0, stock: 5 });
    expect(maxAbsDiff(r.stock, r.fast)).toBe(0);
    tf.dispose([x, f, dw2]);
  });
});

describe('install / uninstall', () => {
  it('is idempotent, leaks no tensors and uninstall restores the stock kernel configs', () => {
    uninstallFastCpuKernels();
    const original = FAST_CPU_KERNELS.map((n) => tf.getKernel(n, 'cpu'));
    expect(original.every((k) => k !== undefined)).toBe(true);
    installFastCpuKernels();
    const fast = FAST_CPU_KERNELS.map((n) => tf.getKernel(n, 'cpu'));
    installFastCpuKernels();
    expect(fastCpuKernelsInstalled()).toBe(true);
    FAST_CPU_KERNELS.forEach((n, i) => {
      expect(fast[i]).not.toBe(original[i]);
      expect(tf.getKernel(n, 'cpu')).toBe(fast[i]); // second install changed nothing
      expect(stockCpuKernel(n)).toBe(original[i]);
    });

    const x = rand([2, 8, 8, 4], 12);
    const f = rand([3, 3, 4, 4], 13);
    const d = rand([5, 5, 4, 1], 14);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) {
      const g = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
        tf.sum(tf.depthwiseConv2d(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same'), c as tf.Tensor4D, 1, 'same')),
      )([x, f, d]);
      tf.dispose(g);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, f, d]);

    uninstallFastCpuKernels();
    expect(fastCpuKernelsInstalled()).toBe(false);
    FAST_CPU_KERNELS.forEach((n, i) => expect(tf.getKernel(n, 'cpu')).toBe(original[i]));
    uninstallFastCpuKernels(); // no-op
    FAST_CPU_KERNELS.forEach((n, i) => expect(tf.getKernel(n, 'cpu')).toBe(original[i]));
  });
});
