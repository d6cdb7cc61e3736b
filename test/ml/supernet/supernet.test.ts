import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Supernet } from '../../../src/ml/supernet/supernet';
import { elasticDepthwiseKernel } from '../../../src/ml/supernet/elastic-ops';
import { extractSubnet, runExtracted } from '../../../src/ml/supernet/extract';
import { LARGEST_GENOME, SMALLEST_GENOME, parseGenome } from '../../../src/core/genome';
import { TINY, tinySplit } from './tiny';
import { toTensors } from '../../../src/ml/supernet/batches';
import { recalibrateBn } from '../../../src/ml/supernet/bn-recalibration';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('elastic supernet', () => {
  it('forward returns logits and 2 + d features of the right shapes', () => {
    const net = new Supernet(TINY, 1);
    const x = tf.randomNormal([2, 8, 8, 1], 0, 1, 'float32', 3) as tf.Tensor4D;
    for (const d of [2, 3, 4] as const) {
      const out = net.forward({ ...LARGEST_GENOME, d }, x);
      expect(out.logits.shape).toEqual([2, TINY.numClasses]);
      expect(out.features.length).toBe(2 + d);
      expect(out.features[0].shape).toEqual([2, 4, 4, TINY.stemChannels]);
      expect(out.features[1].shape).toEqual([2, 4, 4, TINY.stemChannels]);
      expect(out.features[2].shape).toEqual([2, 2, 2, TINY.stageChannels]);
      tf.dispose([out.logits, ...out.features]);
    }
    x.dispose();
    net.dispose();
  });

  it('kernel transforms give 7/5/3 kernels and 25×25, 9×9 matrices', () => {
    const net = new Supernet(TINY, 1);
    const b = net.params.stage[1];
    expect(b.transforms['7to5'].shape).toEqual([25, 25]);
    expect(b.transforms['5to3'].shape).toEqual([9, 9]);
    for (const k of [7, 5, 3]) {
      const w = tf.tidy(() => elasticDepthwiseKernel(b, k, 18));
      expect(w.shape).toEqual([k, k, 18, 1]);
      w.dispose();
    }
    // identity transforms at init: the 3×3 kernel is the centre crop of the 7×7 one
    const diff = tf.tidy(() => maxAbsDiff(elasticDepthwiseKernel(b, 3, 12), b.dw.slice([2, 2, 0, 0], [3, 3, 12, 1])));
    expect(diff).toBe(0);
    net.dispose();
  });

  it('kernel transform is learned: non-zero gradient, changes after an optimiser step', () => {
    const net = new Supernet(TINY, 2);
    const g = parseGenome('k3553e3333d2');
    const { x, y } = toTensors(tinySplit(6, 1), [0, 1, 2, 3, 4, 5]);
    const t53 = net.params.stage[0].transforms['5to3'];
    const t75 = net.params.stage[1].transforms['7to5'];
    const before = [t53.clone(), t75.clone()];
    const opt = tf.train.adam(0.01);
    const { grads, value } = tf.variableGrads(() =>
      tf.losses.softmaxCrossEntropy(tf.oneHot(y, TINY.numClasses), net.forward(g, x, 'train').logits) as tf.Scalar,
    );
    const gNorm = (v: tf.Variable) => tf.tidy(() => tf.sum(tf.abs(grads[v.name])).dataSync()[0]);
    expect(gNorm(t53)).toBeGreaterThan(0);
    expect(gNorm(t75)).toBeGreaterThan(0);
    opt.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
    expect(maxAbsDiff(before[0], t53)).toBeGreaterThan(0);
    expect(maxAbsDiff(before[1], t75)).toBeGreaterThan(0);
    tf.dispose([value, ...Object.values(grads), ...before, x, y]);
    opt.dispose();
    net.dispose();
  });

  it('depth d skips the later blocks: block-4 weights do not change a d=2 output', () => {
    const net = new Supernet(TINY, 3);
    const x = tf.randomNormal([2, 8, 8, 1], 0, 1, 'float32', 4) as tf.Tensor4D;
    const g2 = parseGenome('k7577e6436d2');
    const g4 = parseGenome('k7577e6436d4');
    const a2 = net.predict(g2, x);
    const a4 = net.predict(g4, x);
    const last = net.params.stage[3];
    tf.tidy(() => {
      last.expand.assign(tf.mul(last.expand, -3));
      last.project.assign(tf.add(last.project, 1));
    });
    const b2 = net.predict(g2, x);
    const b4 = net.predict(g4, x);
    expect(maxAbsDiff(a2, b2)).toBe(0);
    expect(maxAbsDiff(a4, b4)).toBeGreaterThan(1e-3);
    tf.dispose([x, a2, a4, b2, b4]);
    net.dispose();
  });

  it('extracted static network equals the supernet forward (1e-4), logits and features', async () => {
    const net = new Supernet(TINY, 5);
    const train = tinySplit(12, 2);
    const x = tf.randomNormal([3, 8, 8, 1], 0, 1, 'float32', 6) as tf.Tensor4D;
    for (const g of [LARGEST_GENOME, SMALLEST_GENOME, parseGenome('k5375e4634d3')]) {
      await recalibrateBn(net, g, train, { batchSize: 6 }); // non-trivial running stats
      const [refLogits, ...refFeatures] = tf.tidy(() => {
        const o = net.forward(g, x, 'eval');
        return [o.logits, ...o.features];
      });
      const ref = { logits: refLogits, features: refFeatures };
      const model = extractSubnet(net, g);
      const out = runExtracted(model, x);
      expect(out.features.length).toBe(ref.features.length);
      expect(maxAbsDiff(ref.logits, out.logits)).toBeLessThan(1e-4);
      ref.features.forEach((f, i) => expect(maxAbsDiff(f, out.features[i])).toBeLessThan(1e-4));
      tf.dispose([ref.logits, ...ref.features, out.logits, ...out.features]);
      model.dispose();
    }
    x.dispose();
    net.dispose();
  });

  it('an evaluation leaves tf.memory().numTensors unchanged', () => {
    const net = new Supernet(TINY, 7);
    const x = tf.randomNormal([2, 8, 8, 1], 0, 1, 'float32', 8) as tf.Tensor4D;
    net.predict(SMALLEST_GENOME, x).dispose(); // warm-up
    const before = tf.memory().numTensors;
    net.predict(parseGenome('k5555e4444d3'), x).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    net.dispose();
  });

  it('creating and disposing a supernet leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    const net = new Supernet(TINY, 3);
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
