import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFusionGenotype } from '../../../src/core/fusion-genotype';
import { fusionCost } from '../../../src/core/cost-model';
import { type FusionProgress, runFusionSearch } from '../../../src/ml/fusion/fusion-search';
import { SIGNAL_FEATURES, pairSplit, tx2, useCpu } from './helpers';

beforeAll(useCpu);

// label = 2a + b with bit a only in image feature 2 and bit b only in audio feature 5:
// either modality alone gets at most 50 %, only the fused pair separates the 4 classes.
const features = { train: pairSplit(128, 1), val: pairSplit(64, 2), test: pairSplit(128, 3) };

describe('runFusionSearch', () => {
  let lambda0Latency = NaN;
  it('finds the one cross-modal pair that separates the classes, retrains it to > 90 %, leaks no tensors', async () => {
    const table = tx2();
    const before = tf.memory().numTensors;
    const progress: FusionProgress[] = [];
    const t0 = performance.now();
    const r = await runFusionSearch({
      features,
      macro: { cells: 1, nodes: 1 },
      table,
      seed: 1,
      C: 8,
      epochs: 4,
      retrainEpochs: 8,
      patience: 4,
      batchSize: 32,
      // a test-sized step budget (16 steps of each kind): larger learning rates than the
      // paper's 25-epoch defaults
      weightLr: 0.01,
      retrainLr: 0.01,
      archLr: 0.03,
      onProgress: (p) => progress.push(p),
    });
    const seconds = (performance.now() - t0) / 1000;
    console.log(`pair search: ${seconds.toFixed(1)} s`, JSON.stringify({ ...r, history: undefined }));
    expect(tf.memory().numTensors).toBe(before);
    // the one cell fuses the informative image feature with the informative audio feature
    expect([...r.genotype.cells[0].inputs].sort()).toEqual([...SIGNAL_FEATURES]);
    expect(r.testAccuracy).toBeGreaterThan(90);
    expect(r.valAccuracy).toBeGreaterThan(90);
    expect(r.retrained).toBe(true);
    expect(r.archSplit).toBe('val');
    expect(validateFusionGenotype(r.genotype, { cells: 1, nodes: 1 })).toBeTruthy();
    const cost = fusionCost(table, r.fusionOps);
    expect(r.fusionCost.latencyMs).toBeCloseTo(cost.latencyMs, 10);
    expect(r.fusionCost.energyMj).toBeCloseTo(cost.energyMj, 10);
    expect(progress.filter((p) => p.phase === 'search').length).toBe(4);
    expect(progress.some((p) => p.phase === 'retrain')).toBe(true);
    expect(() => JSON.parse(JSON.stringify(r))).not.toThrow();
    lambda0Latency = r.fusionCost.latencyMs;
  });

  it('λ > 0 on the same seed finds a fusion of lower LUT latency (the hardware term acts)', async () => {
    const r = await runFusionSearch({
      features,
      macro: { cells: 1, nodes: 1 },
      table: tx2(),
      seed: 1,
      C: 8,
      epochs: 4,
      retrainEpochs: 0,
      batchSize: 32,
      weightLr: 0.01,
      archLr: 0.03,
      lambda: 20,
    });
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
