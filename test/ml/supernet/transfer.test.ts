// Transfer for uploaded datasets: a new supernet for another number of classes starts from the
// pretrained one's class-independent weights (same features, fresh classifier), shape
// mismatches are refused, and the training session's step timing measures real steps without
// leaking tensors.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Supernet } from '../../../src/ml/supernet/supernet';
import { transferSupernet, transferMismatch } from '../../../src/ml/supernet/transfer';
import { SupernetTrainingSession } from '../../../src/ml/supernet/training-session';
import { LARGEST_GENOME, parseGenome } from '../../../src/core/genome';
import { TINY, tinySplit } from './tiny';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('transferSupernet', () => {
  it('copies every class-independent weight and gives the classifier the new width', () => {
    const from = new Supernet(TINY, 41);
    const to = transferSupernet(from, { ...TINY, numClasses: 5 }, 42);
    const x = tf.randomNormal([2, 8, 8, 1], 0, 1, 'float32', 3) as tf.Tensor4D;
    for (const g of [LARGEST_GENOME, parseGenome('k3535e3464d2')]) {
      const [a, b] = [from, to].map((n) => n.forward(g, x).features);
      for (let i = 0; i < a.length; i++) expect(tf.tidy(() => tf.max(tf.abs(tf.sub(a[i], b[i]))).dataSync()[0])).toBe(0);
      tf.dispose([...a, ...b]);
    }
    const logits = to.predict(LARGEST_GENOME, x);
    expect(logits.shape).toEqual([2, 5]);
    expect(to.params.classifierW.shape).toEqual([TINY.mixChannels, 5]);
    tf.dispose([x, logits]);
    from.dispose();
    to.dispose();
  });

  it('refuses a supernet of another shape, naming the field', () => {
    const from = new Supernet(TINY, 43);
    expect(transferMismatch(TINY, { ...TINY, numClasses: 7 })).toEqual([]);
    expect(() => transferSupernet(from, { ...TINY, inputSize: 12 }, 1)).toThrow(/inputSize 8 ≠ 12/);
    from.dispose();
  });

  it('leaks no tensor', () => {
    const from = new Supernet(TINY, 44);
    const before = tf.memory().numTensors;
    transferSupernet(from, { ...TINY, numClasses: 4 }, 45).dispose();
    expect(tf.memory().numTensors).toBe(before);
    from.dispose();
  });
});

describe('SupernetTrainingSession.timeSteps', () => {
  it('times a warm-up step, a sandwich step and a validation pass, and keeps nothing', async () => {
    const session = new SupernetTrainingSession();
    await session.init('cpu');
    const before = tf.memory().numTensors;
    const t = await session.timeSteps({ config: TINY, initSeed: 1, train: tinySplit(24, 1), val: tinySplit(12, 2), settings: { batchSize: 8, valRecalBatches: 1 } });
    expect(tf.memory().numTensors).toBe(before);
    // each measured, finite and positive (which one is slower is a benchmark's question, not a
    // test's: on tiny models under load the order of a warm-up and a sandwich step can flip)
    for (const ms of [t.warmupStepMs, t.sandwichStepMs, t.evaluationMs]) expect(Number.isFinite(ms) && ms > 0).toBe(true);
  });
});
