import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFusionGenotype } from '../../../src/core/fusion-genotype';
import { fusionCost } from '../../../src/core/cost-model';
import { type FusionProgress, type FusionSearchOptions, runFusionSearch } from '../../../src/ml/fusion/fusion-search';
import { genotypeKey } from '../../../src/ml/fusion/candidates';
import { readsBothModalities } from '../../../src/core/fusion-modalities';
import { SIGNAL_FEATURES, pairSplit, tx2, useCpu } from './helpers';

beforeAll(useCpu);

// label = 2a + b with bit a only in image feature 2 and bit b only in audio feature 5:
// either modality alone gets at most 50 %, only the fused pair separates the 4 classes.
const features = { train: pairSplit(128, 1), val: pairSplit(64, 2), test: pairSplit(128, 3) };

// One 1×1 cell at C 8 with a test-sized step budget (16 steps of each kind per epoch): larger
// learning rates than the paper's 25-epoch defaults.
const tinySearch = (o: Partial<FusionSearchOptions> & { seed: number }) =>
  runFusionSearch({
    features,
    macro: { cells: 1, nodes: 1 },
    table: tx2(),
    C: 8,
    batchSize: 32,
    weightLr: 0.01,
    retrainLr: 0.01,
    archLr: 0.03,
    ...o,
  });

describe('runFusionSearch', () => {
  let lambda0Latency = NaN;
  it('finds the one cross-modal pair that separates the classes, retrains it to > 90 %, leaks no tensors', async () => {
    const table = tx2();
    const before = tf.memory().numTensors;
    const progress: FusionProgress[] = [];
    const t0 = performance.now();
    const r = await tinySearch({ table, seed: 1, epochs: 4, retrainEpochs: 8, patience: 4, onProgress: (p) => progress.push(p) });
    const seconds = (performance.now() - t0) / 1000;
    console.log(`pair search: ${seconds.toFixed(1)} s`, JSON.stringify({ ...r, history: undefined }));
    expect(tf.memory().numTensors).toBe(before);
    // the one cell fuses the informative image feature with the informative audio feature
    expect([...r.genotype.cells[0].inputs].sort()).toEqual([...SIGNAL_FEATURES]);
    expect(r.testAccuracy).toBeGreaterThan(90);
    expect(r.valAccuracy).toBeGreaterThan(90);
    expect(r.retrained).toBe(true);
    expect(r.archSplit).toBe('val');
    expect(r.bothModalities).toBe(true);
    expect(r.history.search.every((e) => readsBothModalities(e.genotype))).toBe(true);
    expect(validateFusionGenotype(r.genotype, { cells: 1, nodes: 1 })).toBeTruthy();
    const cost = fusionCost(table, r.fusionOps);
    expect(r.fusionCost.latencyMs).toBeCloseTo(cost.latencyMs, 10);
    expect(r.fusionCost.energyMj).toBeCloseTo(cost.energyMj, 10);
    expect(progress.filter((p) => p.stage === 'search').length).toBe(4);
    expect(progress.some((p) => p.stage === 'retrain')).toBe(true);
    expect(() => JSON.parse(JSON.stringify(r))).not.toThrow();
    lambda0Latency = r.fusionCost.latencyMs;
    // every distinct per-epoch genotype was retrained; the kept one has the lowest validation objective
    expect(r.candidates.length).toBeGreaterThanOrEqual(1);
    const keys = r.candidates.map((c) => genotypeKey(c.genotype));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(new Set(r.history.search.map((e) => genotypeKey(e.genotype))));
    const best = r.candidates.reduce((a, b) => (b.objective < a.objective ? b : a));
    expect(genotypeKey(r.genotype)).toBe(genotypeKey(best.genotype));
    expect(r.valAccuracy).toBe(best.valAccuracy);
    expect(best.epochs).toContain(r.chosenEpoch);
    for (const c of r.candidates) expect(c.objective).toBeCloseTo(c.valCrossEntropy, 12); // λ = 0
    const retrainCandidates = progress.flatMap((p) => (p.stage === 'retrain' ? [p.candidate] : []));
    expect(new Set(retrainCandidates)).toEqual(new Set(r.candidates.map((_, k) => k + 1)));
  });

  it('chooses on validation only: scrambled test labels change the test accuracy, not the choice', async () => {
    const run = (test: typeof features.test) =>
      tinySearch({ features: { ...features, test }, seed: 4, epochs: 3, retrainEpochs: 3 });
    const honest = await run(features.test);
    const scrambled = await run({ ...features.test, labels: features.test.labels.map((l) => (l + 1) % 4) });
    expect(genotypeKey(scrambled.genotype)).toBe(genotypeKey(honest.genotype));
    expect(scrambled.candidates).toEqual(honest.candidates);
    expect(scrambled.valAccuracy).toBe(honest.valAccuracy);
    expect(scrambled.testAccuracy).not.toBe(honest.testAccuracy);
  });

  it('keeps both modalities when the signal is in one: plain argmax fuses audio with audio, the default repairs it', async () => {
    // move the image bit into audio feature 4: both bits now live in audio features 4 and 5
    const audioOnly = (sp: typeof features.train) => {
      const f = [...sp.features];
      [f[4], f[2]] = [f[2], f[4]];
      return { ...sp, features: f };
    };
    const data = { train: audioOnly(features.train), val: audioOnly(features.val), test: audioOnly(features.test) };
    const plain = await tinySearch({ features: data, seed: 1, epochs: 4, retrainEpochs: 0, bothModalities: false });
    expect([...plain.genotype.cells[0].inputs].sort()).toEqual([4, 5]);
    expect(plain.bothModalities).toBe(false);
    const repaired = await tinySearch({ features: data, seed: 1, epochs: 4, retrainEpochs: 0 });
    expect(repaired.history.search.every((e) => readsBothModalities(e.genotype))).toBe(true);
    const inputs = repaired.genotype.cells[0].inputs;
    expect(inputs.some((i) => i === 4 || i === 5)).toBe(true);
    // the search itself is the same: only the discretisation differs
    expect(repaired.history.search.map((e) => e.trainLoss)).toEqual(plain.history.search.map((e) => e.trainLoss));
  });

  it('maxCandidates 1 retrains only the last search epoch\'s genotype', async () => {
    const r = await tinySearch({ seed: 5, epochs: 3, retrainEpochs: 1, maxCandidates: 1 });
    expect(r.candidates.length).toBe(1);
    expect(genotypeKey(r.genotype)).toBe(genotypeKey(r.history.search[2].genotype));
    expect(r.candidates[0].epochs).toContain(3);
  });

  it('λ > 0 on the same seed finds a fusion of lower LUT latency (the hardware term acts)', async () => {
    const r = await tinySearch({ seed: 1, epochs: 4, retrainEpochs: 0, lambda: 20 });
    expect(r.lambda).toBe(20);
    expect(r.fusionOps).toEqual(['Sum']);
    expect(r.fusionCost.latencyMs).toBeLessThan(lambda0Latency);
    expect(r.history.search[3].expectedLatencyMs).toBeLessThan(r.history.search[0].expectedLatencyMs);
  });

  it('paper-faithful mode: arch on test, no hardware term, no retraining, and stops when cancelled', async () => {
    const before = tf.memory().numTensors;
    const r = await runFusionSearch({
      features,
      macro: { cells: 2, nodes: 1 },
      table: tx2(),
      seed: 2,
      C: 8,
      epochs: 1,
      lambda: 5,
      batchSize: 64,
      paperFaithful: true,
    });
    expect(r.archSplit).toBe('test');
    expect(r.bothModalities).toBe(false);
    expect(r.lambda).toBe(0);
    expect(r.retrained).toBe(false);
    expect(r.genotype.cells.length).toBe(2);
    expect(r.testAccuracy).toBe(r.history.search[0].archSplitAccuracy);
    let calls = 0;
    await expect(
      runFusionSearch({ features, macro: { cells: 1, nodes: 1 }, table: tx2(), seed: 3, C: 8, epochs: 2, batchSize: 64, shouldCancel: () => ++calls > 1 }),
    ).rejects.toThrow(/cancelled/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
