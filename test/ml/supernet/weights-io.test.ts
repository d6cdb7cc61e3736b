import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Supernet } from '../../../src/ml/supernet/supernet';
import { deserializeSupernet, serializeSupernet, loadSupernetWeights } from '../../../src/ml/supernet/weights-io';
import { sortChannelsByImportance, expandedChannelImportance } from '../../../src/ml/supernet/channel-sort';
import { LARGEST_GENOME, parseGenome } from '../../../src/core/genome';
import { TINY } from './tiny';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('supernet weights I/O', () => {
  it('round-trips every variable exactly', async () => {
    const a = new Supernet(TINY, 31);
    tf.tidy(() => a.params.stage[2].transforms['7to5'].assign(tf.randomNormal([25, 25], 0, 1, 'float32', 1)));
    const { manifest, data } = await serializeSupernet(a);
    const json = JSON.parse(JSON.stringify(manifest));
    const b = deserializeSupernet(json, data);
    const bv = new Map(b.namedVariables());
    expect(bv.size).toBe(a.namedVariables().length);
    for (const [name, v] of a.namedVariables()) {
      expect(Array.from(bv.get(name)!.dataSync())).toEqual(Array.from(v.dataSync()));
      expect(bv.get(name)!.trainable).toBe(v.trainable);
    }
    a.dispose();
    b.dispose();
  });

  it('rejects weights of another shape', async () => {
    const a = new Supernet(TINY, 32);
    const b = new Supernet({ ...TINY, stageChannels: 5 }, 32);
    const { manifest, data } = await serializeSupernet(a);
    expect(() => loadSupernetWeights(b, manifest, data)).toThrow(/shape/);
    a.dispose();
    b.dispose();
  });
});

describe('channel sorting', () => {
  it('orders expanded channels by importance and keeps the largest subnet unchanged', async () => {
    const net = new Supernet(TINY, 33);
    const x = tf.randomNormal([2, 8, 8, 1], 0, 1, 'float32', 9) as tf.Tensor4D;
    const before = net.predict(LARGEST_GENOME, x);
    const small = parseGenome('k7777e3333d4');
    const smallBefore = net.predict(small, x);
    await sortChannelsByImportance(net.params);
    for (const imp of await expandedChannelImportance(net.params)) {
      for (let i = 1; i < imp.length; i++) expect(imp[i]).toBeLessThanOrEqual(imp[i - 1]);
    }
    const after = net.predict(LARGEST_GENOME, x);
    const smallAfter = net.predict(small, x);
    expect(tf.tidy(() => tf.max(tf.abs(tf.sub(before, after))).dataSync()[0])).toBeLessThan(1e-4);
    expect(tf.tidy(() => tf.max(tf.abs(tf.sub(smallBefore, smallAfter))).dataSync()[0])).toBeGreaterThan(1e-4);
    tf.dispose([x, before, after, smallBefore, smallAfter]);
    net.dispose();
  });
});
