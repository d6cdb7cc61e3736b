// The FLOP counter against the kernels tfjs really records (names and shapes from tf.profile)
// for a training step's matmul and convolutions, forward and backward.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { profileFlops } from '../../../src/ml/bench/timing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('profileFlops on recorded kernels', () => {
  it('counts a dense layer forward and backward exactly', async () => {
    const x = tf.ones([8, 16]);
    const w = tf.variable(tf.ones([16, 4]));
    const step = () => tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => tf.matMul(x, w).sum() as tf.Scalar, [w]);
      tf.dispose(grads);
      return value;
    });
    const before = tf.memory().numTensors;
    const s = await profileFlops(step);
    expect(tf.memory().numTensors).toBe(before);
    // forward 2·8·4·16, gradient of w: xᵀ·dy = 2·16·4·8
    expect(s.exactFlops).toBe(2 * 8 * 4 * 16 + 2 * 16 * 4 * 8);
    expect(s.flops).toBeGreaterThan(s.exactFlops);
    tf.dispose([x, w]);
  });

  it('counts a convolution and its filter and input gradients', async () => {
    const x = tf.variable(tf.ones([2, 6, 6, 3]));
    const w = tf.variable(tf.ones([3, 3, 3, 5]));
    const step = () => tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same').sum() as tf.Scalar, [x, w]);
      tf.dispose(grads);
      return value;
    });
    const s = await profileFlops(step);
    expect(s.exactFlops).toBe(3 * (2 * 2 * 6 * 6 * 5 * 3 * 3 * 3));
    tf.dispose([x, w]);
  });
});
