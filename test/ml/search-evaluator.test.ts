// The real evaluator on a tiny supernet pair and toy data (tfjs cpu): real BN recalibration and
// accuracy, a real (1-epoch) fusion search; deterministic, abortable, no tensor leak.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Supernet } from '../../src/ml/supernet/supernet';
import { TfSearchEvaluator, fusableFeatures, stringSeed, type EvaluatorSplit } from '../../src/ml/search-evaluator';
import { EvaluationAborted } from '../../src/core/search/evaluator';
import { validateFusionGenotype, fusionOpsOf } from '../../src/core/fusion-genotype';
import type { BackboneGenome } from '../../src/core/types';
import { parseGenome } from '../../src/core/genome';
import { TINY, tinySplit } from './supernet/tiny';
import { loadTable } from '../core/search/fake-evaluator';

const G: BackboneGenome = { ks: [3, 5, 7, 3], e: [3, 4, 6, 3], d: 3 };

function split(n: number, seed: number): EvaluatorSplit {
  const a = tinySplit(n, seed);
  const b = tinySplit(n, seed + 100);
  return { count: n, images: a.inputs, audio: b.inputs, labels: a.labels };
}

let nets: { image: Supernet; audio: Supernet };
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  nets = { image: new Supernet(TINY, 1), audio: new Supernet(TINY, 2) };
});
afterAll(() => {
  nets.image.dispose();
  nets.audio.dispose();
});

const data = { train: split(48, 1), val: split(24, 2), test: split(24, 3), imageSize: TINY.inputSize, audioSize: TINY.inputSize };
const settings = { C: 4, fusionEpochs: 1, retrainEpochs: 1, bnBatches: 2, lambda: 0.1, objectives: ['error', 'latency', 'energy'] as const, paperFaithful: false, batchSize: 16 };

describe('fusable features', () => {
  it('takes stem, block0, the first and the last active stage block', () => {
    expect(fusableFeatures(['s', 'b0', 'x0', 'x1'], 2)).toEqual(['s', 'b0', 'x0', 'x1']);
    expect(fusableFeatures(['s', 'b0', 'x0', 'x1', 'x2', 'x3'], 4)).toEqual(['s', 'b0', 'x0', 'x3']);
    expect(() => fusableFeatures(['s', 'b0', 'x0'], 2)).toThrow(/expected 4/);
    expect(stringSeed('image/k3')).toBe(stringSeed('image/k3'));
    expect(stringSeed('image/k3')).not.toBe(stringSeed('audio/k3'));
  });
});

describe('TfSearchEvaluator', () => {
  it('scores a backbone with recalibrated BN: percentages, repeatable, no leaked tensors', async () => {
    const ev = new TfSearchEvaluator(data, nets, loadTable(), { ...settings, objectives: [...settings.objectives] });
    const before = tf.memory().numTensors;
    const a = await ev.evaluateBackbone('image', G, { seed: 1 });
    const b = await ev.evaluateBackbone('image', G, { seed: 2 });
    expect(tf.memory().numTensors).toBe(before);
    for (const v of [a.valAccuracy, a.testAccuracy]) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(100);
    expect(a.valAccuracy * 24 / 100).toBeCloseTo(Math.round(a.valAccuracy * 24 / 100), 6); // k of 24 samples
    expect(b).toEqual(a);
    await expect(ev.evaluateBackbone('audio', G, { seed: 1, signal: { aborted: true } })).rejects.toBeInstanceOf(EvaluationAborted);
  });

  it('runs a real fusion search whose genotype has the macro asked for', async () => {
    const ev = new TfSearchEvaluator(data, nets, loadTable(), { ...settings, objectives: [...settings.objectives] });
    const before = tf.memory().numTensors;
    const epochs: string[] = [];
    const r = await ev.searchFusion(G, { ks: [3, 3, 3, 3], e: [3, 3, 3, 3], d: 2 }, { cells: 2, nodes: 1 }, {
      seed: 5,
      onEpoch: (p) => void epochs.push(`${p.stage}${p.epoch}/${p.epochs}`),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(epochs).toEqual(['search1/1', 'retrain1/1']);
    const g = validateFusionGenotype(r.genotype, { cells: 2, nodes: 1 });
    expect(fusionOpsOf(g)).toEqual(r.fusionOps);
    expect(r.valAccuracy).toBeGreaterThanOrEqual(0);
    expect(r.testAccuracy).toBeLessThanOrEqual(100);
    let calls = 0;
    const signal = { get aborted() { return ++calls > 1; } };
    await expect(ev.searchFusion(G, G, { cells: 1, nodes: 1 }, { seed: 5, signal })).rejects.toBeInstanceOf(EvaluationAborted);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('FeatureCache', () => {
  it('trainSubset cuts the training split of the cached features; val and test stay whole', async () => {
    const ev = new TfSearchEvaluator(data, nets, loadTable(), { ...settings, objectives: [...settings.objectives], trainSubset: 20 });
    const f = await ev.features(parseGenome('k3333e3333d2'), parseGenome('k5555e4444d2'));
    expect(f.train.n).toBe(20);
    expect(f.train.labels).toEqual(Int32Array.from(data.train.labels.subarray(0, 20)));
    expect(f.train.features[0].length).toBe((20 * f.val.features[0].length) / 24);
    expect([f.val.n, f.test.n]).toEqual([24, 24]);
  });

  it('repeats a training split smaller than trainSubset in whole passes (small uploads get the steps of the demo set)', async () => {
    const n = data.train.count;
    const ev = new TfSearchEvaluator(data, nets, loadTable(), { ...settings, objectives: [...settings.objectives], trainSubset: 2 * n + n - 1 });
    const f = await ev.features(parseGenome('k3333e3333d2'), parseGenome('k5555e4444d2'));
    expect(f.train.n).toBe(2 * n);
    const labels = Array.from(data.train.labels);
    expect(Array.from(f.train.labels)).toEqual([...labels, ...labels]);
    const once = f.train.features[0].length / 2;
    expect(Array.from(f.train.features[0].subarray(once))).toEqual(Array.from(f.train.features[0].subarray(0, once)));
    expect([f.val.n, f.test.n]).toEqual([24, 24]);
  });

  it('repeatSplit refuses a pass count that is not a positive integer', async () => {
    const { repeatSplit } = await import('../../src/ml/fusion/data');
    const s = { n: 2, channels: [1], features: [Float32Array.of(1, 2)], labels: [0, 1] };
    expect(repeatSplit(s, 1)).toBe(s);
    expect(() => repeatSplit(s, 0)).toThrow(/positive integer/);
    expect(repeatSplit(s, 3).features[0]).toEqual(Float32Array.of(1, 2, 1, 2, 1, 2));
  });

  it('evicts the least recently used entries beyond its byte budget', async () => {
    const { FeatureCache } = await import('../../src/ml/feature-cache-lru');
    const entry = (kb: number) => ({ accuracy: 50, channels: [1], features: [new Float32Array(kb * 256)] });
    const c = new FeatureCache(3 * 1024);
    c.set('a', entry(1));
    c.set('b', entry(1));
    c.set('c', entry(1));
    expect(c.get('a')).toBeDefined(); // a is now the most recent
    c.set('d', entry(1));
    expect(c.get('b')).toBeUndefined();
    expect([c.get('a'), c.get('c'), c.get('d')].every(Boolean)).toBe(true);
    expect(c.totalBytes).toBe(3 * 1024);
    c.set('big', entry(8)); // larger than the budget: kept alone
    expect(c.size).toBe(1);
  });
});
