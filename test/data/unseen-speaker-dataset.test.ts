// The shipped "AV-MNIST, unseen speaker" files: they load and pass their CRC checks, the held-out
// voice is only in test, every image is the demo set's image of the same MNIST index, and the
// search worker's loader gives them their own audio supernet beside the demo image supernet.
import { localFetch } from '../../scripts/script-io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { loadAvmnist } from '../../src/data/avmnist';
import { DATASET_DIR, UNSEEN_SPEAKER_DATASET_DIR, publicPath } from '../../src/data/asset-paths';
import { UNSEEN_SPEAKER } from '../../src/data/unseen-speaker-pairing';
import { loadAssets } from '../../src/ml/search-assets';
import { UNSEEN_SPEAKER_DATASET_NAME } from '../../src/core/search/settings';

const fromPublic = localFetch(publicPath());

describe('AV-MNIST, unseen speaker (shipped files)', () => {
  it('holds the unseen voice in test only, with the demo images', async () => {
    const unseen = await loadAvmnist(UNSEEN_SPEAKER_DATASET_DIR, fromPublic);
    const demo = await loadAvmnist(DATASET_DIR, fromPublic);
    expect([unseen.train.count, unseen.val.count, unseen.test.count]).toEqual([900, 100, 450]);
    const speaker = (f: string) => f.split('_')[1];
    expect(unseen.test.sources.fsdd.every((f) => speaker(f) === UNSEEN_SPEAKER)).toBe(true);
    for (const s of ['train', 'val'] as const) expect(unseen[s].sources.fsdd.some((f) => speaker(f) === UNSEEN_SPEAKER)).toBe(false);
    for (const s of ['train', 'val', 'test'] as const) {
      const byIndex = new Map(demo[s].sources.mnistIndex.map((m, i) => [m, i]));
      unseen[s].sources.mnistIndex.forEach((m, i) => {
        const j = byIndex.get(m)!;
        expect(j).toBeDefined();
        expect(unseen[s].labels[i]).toBe(demo[s].labels[j]);
        if (i % 50 === 0) expect(unseen[s].images.subarray(i * 784, (i + 1) * 784)).toEqual(demo[s].images.subarray(j * 784, (j + 1) * 784));
      });
    }
  });
});

describe('loadAssets for the unseen-speaker set', () => {
  const realFetch = globalThis.fetch;
  beforeAll(async () => {
    globalThis.fetch = fromPublic;
    await tf.setBackend('cpu');
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });
  it('loads its own audio supernet and the demo image supernet', async () => {
    const unseen = await loadAssets('', 'jetson-tx2', undefined, 'avmnist-unseen');
    const demo = await loadAssets('', 'jetson-tx2');
    try {
      expect(unseen.dataset).toEqual({ id: 'avmnist-unseen', name: UNSEEN_SPEAKER_DATASET_NAME });
      expect(unseen.data.val.count).toBe(100);
      const first = (n: typeof demo.nets.audio) => Array.from(n.trainableVariables()[0].dataSync().slice(0, 8));
      expect(first(unseen.nets.image)).toEqual(first(demo.nets.image));
      expect(first(unseen.nets.audio)).not.toEqual(first(demo.nets.audio));
    } finally {
      for (const a of [unseen, demo]) Object.values(a.nets).forEach((n) => n.dispose());
    }
  });
});
