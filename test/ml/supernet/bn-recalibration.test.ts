import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Supernet } from '../../../src/ml/supernet/supernet';
import { recalibrateBn } from '../../../src/ml/supernet/bn-recalibration';
import { accuracyPercent } from '../../../src/ml/supernet/evaluate';
import { gather } from '../../../src/ml/supernet/batches';
import { parseGenome } from '../../../src/core/genome';
import { TINY, tinySplit } from './tiny';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('BN recalibration', () => {
  it('re-estimates the running statistics of the active channels as the data averages', async () => {
    const net = new Supernet(TINY, 21);
    const train = tinySplit(12, 7);
    const g = parseGenome('k5375e4364d2');
    const mean0 = net.params.stemBn.mean.dataSync().slice();
    const var0 = net.params.stage[1].dwBn.variance.dataSync().slice();
    const n = await recalibrateBn(net, g, train, { batchSize: 4 });
    expect(n).toBe(12);
    const mean1 = net.params.stemBn.mean.dataSync();
    expect(Array.from(mean1)).not.toEqual(Array.from(mean0));
    const var1 = net.params.stage[1].dwBn.variance.dataSync();
    expect(Array.from(var1.slice(0, 6 * 3))).not.toEqual(Array.from(var0.slice(0, 18)));
    // inactive channels (beyond 6·e=18) are reset to the identity statistics
    expect(Array.from(var1.slice(18))).toEqual(new Array(var1.length - 18).fill(1));
    // the stem conv has no bias: its BN mean over the whole split is the mean conv output
    const x = tf.tensor4d(gather(train, [...Array(12).keys()]), [12, 8, 8, 1]);
    const expected = tf.tidy(() => tf.mean(tf.conv2d(x, net.params.stemConv as tf.Tensor4D, 2, 'same'), [0, 1, 2]).dataSync());
    Array.from(expected).forEach((v, i) => expect(mean1[i]).toBeCloseTo(v, 4));
    x.dispose();
    net.dispose();
  });

  it('limits the number of batches and keeps tf.memory().numTensors constant', async () => {
    const net = new Supernet(TINY, 22);
    const train = tinySplit(12, 8);
    const g = parseGenome('k3333e6666d4');
    await recalibrateBn(net, g, train, { batchSize: 4, batches: 1 });
    const before = tf.memory().numTensors;
    expect(await recalibrateBn(net, g, train, { batchSize: 4, batches: 2 })).toBe(8);
    await accuracyPercent(net, g, train);
    expect(tf.memory().numTensors).toBe(before);
    net.dispose();
  });
});
