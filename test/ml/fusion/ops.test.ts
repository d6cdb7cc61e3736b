import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { FUSION_OPS } from '../../../src/core/types';
import { VarStore, batchNorm, makeBatchNorm, makePairDense, pairDense } from '../../../src/ml/fusion/layers';
import { applyOp, makeOp } from '../../../src/ml/fusion/ops';
import { adaptiveMaxPool4, adaptiveWindow, makeProjections, projectAll } from '../../../src/ml/fusion/feature-projection';
import { randomTensor, useCpu } from './helpers';

const N = 3;
const L = 16;
const C = 8;
const train = { training: true, updateStats: false, nextSeed: () => 7 };

beforeAll(useCpu);

describe('fusion operators', () => {
  for (const op of FUSION_OPS) {
    it(`${op}: [N,L,C] x [N,L,C] → [N,L,C], gradients reach both inputs`, () => {
      const before = tf.memory().numTensors;
      const store = new VarStore(new Rng(1));
      const p = makeOp(store, op, C);
      const [shape, gxMax, gyMax] = tf.tidy(() => {
        const x = randomTensor([N, L, C], 1);
        const y = randomTensor([N, L, C], 2);
        const r = randomTensor([N, L, C], 3);
        const out = applyOp(p, x, y, train);
        const [gx, gy] = tf.grads((a: tf.Tensor, b: tf.Tensor) => applyOp(p, a, b, train).mul(r).sum())([x, y]);
        return [out.shape, gx.abs().max().dataSync()[0], gy.abs().max().dataSync()[0]] as const;
      });
      expect(shape).toEqual([N, L, C]);
      expect(gxMax).toBeGreaterThan(1e-4);
      expect(gyMax).toBeGreaterThan(1e-4);
      store.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('Sum is x + y and SE1 gates y by a function of x only', () => {
    const store = new VarStore(new Rng(2));
    tf.tidy(() => {
      const x = randomTensor([N, L, C], 4);
      const y = randomTensor([N, L, C], 5);
      const sum = applyOp(makeOp(store, 'Sum', C), x, y, train);
      expect(sum.sub(x.add(y)).abs().max().dataSync()[0]).toBeLessThan(1e-6);
      const se = makeOp(store, 'SE1', C);
      const g1 = applyOp(se, x, y, train).div(y);
      // gate is constant over positions of the same sample
      const spread = g1.max(1).sub(g1.min(1)).abs().max().dataSync()[0];
      expect(spread).toBeLessThan(1e-4);
    });
    store.dispose();
  });
});

describe('feature projection', () => {
  it('adaptive windows cover the input and give 4 cells', () => {
    for (const size of [4, 5, 7, 10, 14, 28]) {
      const w = [0, 1, 2, 3].map((i) => adaptiveWindow(i, size, 4));
      expect(w[0][0]).toBe(0);
      expect(w[3][1]).toBe(size);
      for (const [a, b] of w) expect(b).toBeGreaterThan(a);
    }
  });

  it('max-pools any H ≥ 4 to 4×4 and upsamples smaller maps', () => {
    tf.tidy(() => {
      for (const h of [3, 4, 5, 7, 10, 14]) {
        const x = tf.range(0, h * h * 2).reshape([1, h, h, 2]) as tf.Tensor4D;
        const y = adaptiveMaxPool4(x);
        expect(y.shape).toEqual([1, 4, 4, 2]);
        // values increase row-major, so each window's max is its bottom-right corner
        const v = y.arraySync()[0];
        for (let i = 0; i < 4; i++) {
          for (let j = 0; j < 4; j++) {
            const r = h >= 4 ? adaptiveWindow(i, h, 4)[1] - 1 : Math.floor((i * h) / 4);
            const c = h >= 4 ? adaptiveWindow(j, h, 4)[1] - 1 : Math.floor((j * h) / 4);
            expect(v[i][j][1]).toBe((r * h + c) * 2 + 1);
          }
        }
      }
    });
  });

  it('projects each feature [N,4,4,Cin] to [N,16,C]: relu(x·W) / sqrt(1 + eps) at fresh BN stats', () => {
    const store = new VarStore(new Rng(3));
    const channels = [5, 2, 3, 5, 1, 4, 4, 2];
    const ps = makeProjections(store, channels, C);
    tf.tidy(() => {
      const pooled = channels.map((c, k) => randomTensor([N, 4, 4, c], 20 + k));
      const outs = projectAll(ps, pooled, { training: false, updateStats: false, nextSeed: () => 0 });
      channels.forEach((cin, k) => {
        expect(outs[k].shape).toEqual([N, 16, C]);
        const ref = tf.matMul(pooled[k].reshape([-1, cin]), ps[k].dense.w).relu().div(Math.sqrt(1 + 1e-5)).reshape([N, 16, C]);
        expect(outs[k].sub(ref).abs().max().dataSync()[0]).toBeLessThan(1e-5);
      });
      // training mode: batch statistics → each channel has mean ≈ 0 before the ReLU, outputs ≥ 0
      const t = projectAll(ps, pooled, train);
      expect(t[0].min().dataSync()[0]).toBeGreaterThanOrEqual(0);
    });
    store.dispose();
  });
});

describe('pair dense', () => {
  it('x·W_x + y·W_y equals a 1×1 conv on concat(x, y) with W = [W_x; W_y]', () => {
    const store = new VarStore(new Rng(4));
    const p = makePairDense(store, C, 5);
    tf.tidy(() => {
      const x = randomTensor([N, L, C], 30);
      const y = randomTensor([N, L, C], 31);
      const w = tf.concat([p.wx, p.wy], 0);
      const ref = tf.matMul(tf.concat([x, y], -1).reshape([-1, 2 * C]), w).reshape([N, L, 5]);
      expect(pairDense(p, x, y).sub(ref).abs().max().dataSync()[0]).toBeLessThan(1e-5);
    });
    store.dispose();
  });

  it('batch norm in training mode gives per-channel mean 0, variance 1 and updates running stats', () => {
    const store = new VarStore(new Rng(5));
    const bn = makeBatchNorm(store, C);
    tf.tidy(() => {
      const x = randomTensor([N, L, C], 32).mul(3).add(2);
      const y = batchNorm(bn, x, { training: true, updateStats: true, nextSeed: () => 0 }).reshape([-1, C]);
      const { mean, variance } = tf.moments(y, 0);
      expect(mean.abs().max().dataSync()[0]).toBeLessThan(1e-4);
      expect(variance.sub(1).abs().max().dataSync()[0]).toBeLessThan(1e-3);
      const batchMean = tf.moments(x.reshape([-1, C]), 0).mean;
      expect(bn.mean.sub(batchMean.mul(0.1)).abs().max().dataSync()[0]).toBeLessThan(1e-5);
    });
    store.dispose();
  });
});
