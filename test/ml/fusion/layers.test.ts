// The fusion layers broadcast two ways — by matmuls with ones (for tfjs's JS cpu backend) or
// natively (every other backend) — and both must compute the same network: same logits, same
// BN running statistics, same gradients on every weight and architecture parameter.
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { broadcastByMatmul, forceBroadcastByMatmul } from '../../../src/ml/fusion/layers';
import { createSearchNet, disposeSearchNet, searchForward } from '../../../src/ml/fusion/search-network';
import { randomTensor, useCpu } from './helpers';

const cfg = { featureChannels: [3, 3, 4, 4, 2, 2, 5, 5], c: 8, cells: 2, nodes: 2, numClasses: 4 };

beforeAll(useCpu);
afterEach(() => forceBroadcastByMatmul(undefined));

/** Logits, BN statistics after one training forward, and every gradient, as plain numbers. */
function run(byMatmul: boolean): number[][] {
  forceBroadcastByMatmul(byMatmul);
  expect(broadcastByMatmul()).toBe(byMatmul);
  const net = createSearchNet(cfg, new Rng(5));
  const before = tf.memory().numTensors;
  const out = tf.tidy(() => {
    const x = cfg.featureChannels.map((c, k) => randomTensor([5, 4, 4, c], 20 + k));
    const ctx = { training: true, updateStats: true, nextSeed: () => 9 };
    const weights = [...net.store.weights, ...net.archVars];
    const { value, grads } = tf.variableGrads(() => searchForward(net, x, ctx).mul(randomTensor([5, 4], 3)).sum() as tf.Scalar, weights);
    const evalLogits = searchForward(net, x, { training: false, updateStats: false, nextSeed: () => 0 });
    return [
      [value.dataSync()[0]],
      Array.from(evalLogits.dataSync()),
      ...net.store.stats.map((s) => Array.from(s.dataSync())),
      ...weights.map((w) => Array.from(grads[w.name].dataSync())),
    ];
  });
  expect(tf.memory().numTensors).toBe(before);
  disposeSearchNet(net);
  return out;
}

describe('fusion layers: broadcasting by matmul or natively', () => {
  it('picks matmuls on the cpu backend unless forced', () => {
    expect(broadcastByMatmul()).toBe(true);
    forceBroadcastByMatmul(false);
    expect(broadcastByMatmul()).toBe(false);
  });

  it('computes the same logits, BN statistics and gradients both ways', () => {
    const a = run(true);
    const b = run(false);
    expect(b.length).toBe(a.length);
    a.forEach((xs, i) => {
      expect(b[i].length).toBe(xs.length);
      xs.forEach((v, j) => expect(Math.abs(b[i][j] - v)).toBeLessThan(1e-4 * Math.max(1, Math.abs(v))));
    });
    // the gradients are not all zero (so the comparison means something)
    expect(a.slice(2).some((g) => g.some((v) => Math.abs(v) > 1e-6))).toBe(true);
  });
});
