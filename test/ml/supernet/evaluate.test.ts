import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Supernet } from '../../../src/ml/supernet/supernet';
import { accuracyPercent, confusionCounts } from '../../../src/ml/supernet/evaluate';
import { parseGenome } from '../../../src/core/genome';
import { TINY, tinySplit } from './tiny';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('confusionCounts', () => {
  it('counts every sample once under its true class, agrees with accuracyPercent, and leaks no tensors', async () => {
    const net = new Supernet(TINY, 7);
    const split = tinySplit(23, 3);
    const g = parseGenome('k5375e4364d3');
    const tensors = tf.memory().numTensors;

    const counts = await confusionCounts(net, g, split, TINY.numClasses, 5);

    expect(tf.memory().numTensors).toBe(tensors);
    expect(counts).toHaveLength(TINY.numClasses);
    for (let c = 0; c < TINY.numClasses; c++) {
      const perClass = split.labels.filter((l) => l === c).length;
      expect(counts[c].reduce((a, b) => a + b, 0)).toBe(perClass);
    }
    const diagonal = counts.reduce((s, row, c) => s + row[c], 0);
    expect((100 * diagonal) / 23).toBeCloseTo(await accuracyPercent(net, g, split), 10);
    net.dispose();
  });
});
