// A call far below the clock's resolution still gets a finite, positive time per call (each
// sample repeats it until the sample lasts long enough), and timing leaks no tensor.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { median, timeStepMs } from '../../../src/ml/bench/timing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('timeStepMs', () => {
  it('times a tiny op as a finite positive number of ms per call, leaking nothing', async () => {
    const a = tf.ones([2, 2]);
    const before = tf.memory().numTensors;
    const ms = await timeStepMs(() => tf.add(a, a), 1, 3);
    expect(Number.isFinite(ms) && ms > 0).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    a.dispose();
  });
  it('takes the median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
