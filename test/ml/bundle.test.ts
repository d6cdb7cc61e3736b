// Model bundles on tiny supernets (tfjs cpu): a finished run's front network exported, rebuilt
// by loadBundle and scored on the test split gives the test accuracy the run reported; the
// manifest carries both genome forms and the run's figures; bad bundles are refused by name;
// nothing leaks.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { SearchRunner } from '../../src/ml/search-runner';
import { presetSettings } from '../../src/core/search/settings';
import type { RunnerCallbacks, SearchEvent } from '../../src/core/search-protocol';
import { replayEvents, resultOfRun } from '../../src/core/search/run-view';
import { tinySearchAssets } from './tiny-search-assets';
import { loadTable } from '../core/search/fake-evaluator';
import { bundleAccuracy, loadBundle, type BundleManifest } from '../../src/ml/bundle';
import { APP_VERSION } from '../../src/core/app-version';
import { formatGenome } from '../../src/core/genome';

const settings = presetSettings('quick', {
  populationSize: 2, offspring: 2, survivorFraction: 0.5, generations: 2, fusionEpochs: 1, retrainEpochs: 2, C: 4, bnBatches: 1, seed: 5,
});
let assets: ReturnType<typeof tinySearchAssets>;

beforeAll(async () => {
  await tf.setBackend('cpu');
  assets = tinySearchAssets(loadTable());
});

async function finishedRun() {
  const runner = new SearchRunner({
    chooseBackend: async () => ({ name: 'cpu', reason: 'test', webgpu: { available: false } }),
    loadAssets: async () => assets,
  });
  const events: SearchEvent[] = [];
  const cb: RunnerCallbacks = { onEvent: (e) => events.push(JSON.parse(JSON.stringify(e))), onDeviceLost: () => {} };
  await runner.init('cpu', './');
  await runner.start({ settings }, cb);
  await runner.done();
  return { runner, result: resultOfRun(replayEvents(events))! };
}

describe('model bundle', () => {
  it('rebuilds every front network with the test accuracy the run reported', async () => {
    const { runner, result } = await finishedRun();
    expect(result.front.length).toBeGreaterThan(0);
    const test = assets.data.test;
    for (const entry of result.front) {
      const files = await runner.exportBundle(entry.id);
      const manifest = JSON.parse(new TextDecoder().decode(files['model.json'])) as BundleManifest;
      expect(manifest).toMatchObject({ appVersion: APP_VERSION, seed: 5, device: 'jetson-tx2', latencyMs: entry.latencyMs, energyMj: entry.energyMj, valAccuracy: entry.valAccuracy, testAccuracy: entry.testAccuracy, selectionSplit: 'val' });
      expect(manifest.image.genome).toBe(formatGenome(entry.image));
      expect(manifest.image.ofa).toEqual({ ks: entry.image.ks, e: entry.image.e, d: [entry.image.d] });
      expect(manifest.fusion.ops).toEqual(entry.fusionOps);
      const before = tf.memory().numTensors;
      const bundle = await loadBundle(files);
      const { accuracy, n } = await bundleAccuracy(bundle, test);
      expect(n).toBe(test.count);
      expect(Math.abs(accuracy - entry.testAccuracy)).toBeLessThan(0.01);
      bundle.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
    const dominated = result.archive.find((e) => !result.front.some((f) => f.id === e.id));
    if (dominated) await expect(runner.exportBundle(dominated.id)).rejects.toThrow(/not on the front/);
    await expect(runner.exportBundle(999)).rejects.toThrow(/no network #999/);
  });

  it('refuses a bundle with a missing file or weights that do not fit', async () => {
    const { runner, result } = await finishedRun();
    const files = await runner.exportBundle(result.front[0].id);
    const { ['audio/weights.bin']: _gone, ...noAudio } = files;
    await expect(loadBundle(noAudio)).rejects.toThrow(/no audio\/weights\.bin/);
    const short = { ...files, 'fusion/weights.bin': files['fusion/weights.bin'].slice(0, 8) };
    await expect(loadBundle(short)).rejects.toThrow(/fusion\/weights\.bin holds/);
    const wrong = { ...files, 'model.json': new TextEncoder().encode(JSON.stringify({ format: 'x' })) };
    await expect(loadBundle(wrong)).rejects.toThrow(/not a harmonic-nas-bundle/);
  });

  it('writes the app version of package.json', () => {
    expect(APP_VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});
