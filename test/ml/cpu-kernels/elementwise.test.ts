import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { fastKernelCalls, installFastCpuKernels, uninstallFastCpuKernels } from '../../../src/ml/cpu-kernels';
import { Rng } from '../../../src/core/rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => uninstallFastCpuKernels());

function rand(shape: number[], seed: number, dtype: 'float32' | 'int32' = 'float32'): tf.Tensor {
  const rng = new Rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  if (dtype === 'int32') return tf.tensor(Int32Array.from({ length: n }, () => rng.int(7) - 3), shape, 'int32');
  return tf.tensor(Float32Array.from({ length: n }, () => rng.next() * 2 + 0.5), shape);
}

const totalFast = () => Object.values(fastKernelCalls()).reduce((a, c) => a + c.fast, 0);

/**
 * Stock vs fast kernels on the same computation: equal shapes, dtypes and values (to 1e-5
 * relative); `fast` says whether the fast loops must have run (true) or the stock kernel (false).
 */
function expectSame(f: () => tf.Tensor, fast: boolean) {
  uninstallFastCpuKernels();
  const s = tf.tidy(f);
  installFastCpuKernels();
  const before = tf.memory().numTensors;
  const fastBefore = totalFast();
  const q = tf.tidy(f);
  expect(totalFast() > fastBefore).toBe(fast);
  expect(tf.memory().numTensors).toBe(before + 1);
  expect(q.shape).toEqual(s.shape);
  expect(q.dtype).toBe(s.dtype);
  const a = s.dataSync();
  const b = q.dataSync();
  a.forEach((v, i) => {
    if (Number.isNaN(v)) expect(b[i]).toBeNaN();
    else expect(Math.abs(v - b[i])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(v)));
  });
  tf.dispose([s, q]);
}

/** [shape a, shape b, handled by the fast loops] */
const PAIRS: [number[], number[], boolean][] = [
  [[3, 4, 5, 6], [3, 4, 5, 6], true],
  [[3, 4, 5, 6], [6], true],
  [[6], [3, 4, 5, 6], true],
  [[1, 1, 1, 6], [3, 4, 5, 6], true],
  [[3, 4, 5, 6], [1, 1, 5, 6], true],
  [[3, 4, 5, 6], [], true],
  [[], [2, 3], true],
  [[2, 3], [1], true],
  [[3, 4, 5, 6], [3, 1, 1, 6], true], // general broadcasts: strided rows
  [[3, 1, 1, 6], [3, 4, 5, 6], true],
  [[4, 1], [4, 3], true],
  [[4, 1], [1, 3], true],
  [[2, 1, 5, 1], [3, 1, 6], true],
];

describe('fast binary kernels equal the stock kernels', () => {
  it.each(PAIRS)('%j op %j (fast %s)', (sa, sb, fast) => {
    const a = rand(sa, 1);
    const b = rand(sb, 2);
    for (const op of [tf.add, tf.sub, tf.mul, tf.div]) expectSame(() => op(a, b), fast);
    tf.dispose([a, b]);
  });

  it('int32 operands keep the stock int32 result', () => {
    const a = rand([2, 3, 4], 3, 'int32');
    const b = rand([4], 4, 'int32');
    expectSame(() => tf.mul(a, b), false);
    expectSame(() => tf.add(a, b), false);
    tf.dispose([a, b]);
  });
});

describe('fast Relu / Step equal the stock kernels', () => {
  it('on values with zeros, negatives and NaN, and their gradients', () => {
    const x = tf.tensor([-2, -0.5, 0, 0.5, 3, NaN, -0, 7], [2, 4]);
    expectSame(() => tf.relu(x), true);
    expectSame(() => tf.step(x, 0.25), true);
    expectSame(() => tf.grad((t: tf.Tensor) => tf.sum(tf.relu(t)))(x), true);
    const xi = tf.tensor([-1, 2], [2], 'int32');
    expectSame(() => tf.relu(xi), false);
    tf.dispose([x, xi]);
  });
});

describe('fast Sum / Mean / Tile equal the stock kernels', () => {
  const x = rand([3, 4, 5, 6], 5);
  it.each([
    [[0, 1, 2], true],
    [[0], true],
    [[3], true],
    [[2, 3], true],
    [[-1], true],
    [null, true],
    [[0, 1, 2, 3], true],
    [[1, 2], false],
    [[0, 2], false],
  ] as [number[] | null, boolean][])('axis %j with and without keepDims (fast %s)', (axis, fast) => {
    for (const keep of [false, true]) {
      expectSame(() => tf.sum(x, axis ?? undefined, keep), fast);
      expectSame(() => tf.mean(x, axis ?? undefined, keep), fast);
    }
  });
  it('tiles a per-channel vector and falls back for other tilings', () => {
    const v = rand([1, 1, 1, 6], 6);
    expectSame(() => tf.tile(v, [3, 4, 5, 1]), true);
    expectSame(() => tf.tile(x, [2, 1, 1, 1]), false);
    expectSame(() => tf.tile(v, [2, 1, 3, 2]), false);
    v.dispose();
  });
  it('int32 sums keep the stock kernel', () => {
    const xi = rand([3, 4], 7, 'int32');
    expectSame(() => tf.sum(xi, 0), false);
    xi.dispose();
  });
});
