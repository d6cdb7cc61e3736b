import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { type BackboneFeatureFn, cacheFeatures } from '../../../src/ml/fusion/feature-cache';
import { adaptiveMaxPool4 } from '../../../src/ml/fusion/feature-projection';
import { checkSplit } from '../../../src/ml/fusion/data';
import { useCpu } from './helpers';

beforeAll(useCpu);

/** A stand-in frozen backbone: 4 maps at two resolutions, like stem/block0/stage blocks. */
const fakeBackbone = (calls: number[]): BackboneFeatureFn => (x) => {
  calls.push(x.shape[0]);
  const half = tf.maxPool(x, 2, 2, 'same');
  const quarter = tf.avgPool(half, 2, 2, 'same');
  return [
    tf.concat([half, half.mul(-1)], 3),
    half.relu().tile([1, 1, 1, 2]),
    tf.concat([quarter, quarter.square(), quarter.add(1)], 3),
    quarter.tile([1, 1, 1, 3]).mul(2),
  ] as tf.Tensor4D[];
};

describe('feature cache', () => {
  it('pools both backbones\' 4 maps to 4×4 once per sample, in batches, without leaking', async () => {
    const n = 5;
    const rng = new Rng(1);
    const image = Float32Array.from({ length: n * 28 * 28 }, () => rng.normal());
    const audio = Float32Array.from({ length: n * 20 * 20 }, () => rng.normal());
    const imgCalls: number[] = [];
    const audCalls: number[] = [];
    const before = tf.memory().numTensors;
    const split = await cacheFeatures(
      { image: fakeBackbone(imgCalls), audio: fakeBackbone(audCalls) },
      { n, image, imageShape: [28, 28, 1], audio, audioShape: [20, 20, 1], labels: [0, 1, 2, 3, 4] },
      2,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(imgCalls).toEqual([2, 2, 1]);
    expect(audCalls).toEqual([2, 2, 1]);
    expect(split.channels).toEqual([2, 2, 3, 3, 2, 2, 3, 3]);
    checkSplit(split, 'cached');
    expect(Array.from(split.labels)).toEqual([0, 1, 2, 3, 4]);
    // sample 3's audio feature 6 equals pooling that sample alone
    const expected = tf.tidy(() => {
      const x = tf.tensor4d(audio.subarray(3 * 400, 4 * 400), [1, 20, 20, 1]);
      return adaptiveMaxPool4(fakeBackbone([])(x)[2]).dataSync();
    });
    const got = split.features[6].subarray(3 * 16 * 3, 4 * 16 * 3);
    expect(Array.from(got)).toEqual(Array.from(expected));
  });

  it('rejects a backbone that does not return 4 maps', async () => {
    const bad: BackboneFeatureFn = (x) => [x, x];
    const one = { n: 1, image: new Float32Array(4 * 4), imageShape: [4, 4, 1] as [number, number, number], audio: new Float32Array(16), audioShape: [4, 4, 1] as [number, number, number], labels: [0] };
    await expect(cacheFeatures({ image: bad, audio: bad }, one)).rejects.toThrow(/4/);
  });
});
