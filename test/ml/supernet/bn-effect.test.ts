import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Supernet } from '../../../src/ml/supernet/supernet';
import { measureBnRecalibration } from '../../../src/ml/supernet/bn-effect';
import { accuracyPercent, evaluateSubnet } from '../../../src/ml/supernet/evaluate';
import { parseGenome } from '../../../src/core/genome';
import { TINY, tinySplit } from './tiny';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('measureBnRecalibration', () => {
  it('reports accuracy with the held statistics and after recalibration, then restores them', async () => {
    const net = new Supernet(TINY, 31);
    const train = tinySplit(24, 4);
    const val = tinySplit(12, 5);
    const g = parseGenome('k5375e4364d3');
    const held = net.params.stage[0].dwBn.variance.dataSync().slice();
    const before = await accuracyPercent(net, g, val);
    const tensors = tf.memory().numTensors;

    const r = await measureBnRecalibration(net, g, train, val, { batchSize: 8 });

    expect(tf.memory().numTensors).toBe(tensors);
    expect(r.beforePercent).toBe(before);
    expect(r.recalibrationSamples).toBe(24);
    expect(r.splitSamples).toBe(12);
    expect(r.seconds).toBeGreaterThanOrEqual(0);
    // the statistics are back: the held ones give the same accuracy, and the same values
    expect(Array.from(net.params.stage[0].dwBn.variance.dataSync())).toEqual(Array.from(held));
    expect(await accuracyPercent(net, g, val)).toBe(before);
    // "after" is what the search's own evaluation gives
    const evaluated = await evaluateSubnet(net, g, train, val, { batchSize: 8 });
    expect(r.afterPercent).toBe(evaluated.accuracy);
    net.dispose();
  });
});
