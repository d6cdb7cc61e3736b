// What the inner tier's feature cache buys: one DARTS epoch of the fusion search on cached
// backbone features (as the search runs it, src/ml/fusion/darts.ts), against the same epoch when
// every batch first runs the two frozen backbones (BN-recalibrated subnets, eval mode) and pools
// their fusable features. Both do the same alternating architecture / weight steps on the same
// batches and end with the same accuracy pass; only where the features come from differs.
// Also times one cached DARTS step pair and counts its operations.
import * as tf from '@tensorflow/tfjs';
import type { BackboneGenome, FusionMacro, Modality } from '../../core/types';
import type { DeviceTable } from '../../core/device-table';
import { Rng } from '../../core/rng';
import type { Supernet } from '../supernet/supernet';
import { TfSearchEvaluator, fusableFeatures, type EvaluatorData, type EvaluatorSplit } from '../search-evaluator';
import { createSearchNet, disposeSearchNet, searchForward, type SearchNet } from '../fusion/search-network';
import { type DartsOptions, archStep, makeArchOptimizer, opCosts, runDarts, weightStep } from '../fusion/darts';
import { disposeSplitTensors, gatherBatch, shuffledBatches, splitTensors } from '../fusion/data';
import { POSITIONS, adaptiveMaxPool4 } from '../fusion/feature-projection';
import { profileFlops, timeStepMs } from './timing';

export interface FusionEpochRequest {
  nets: Record<Modality, Supernet>;
  data: EvaluatorData;
  table: DeviceTable;
  genomes: Record<Modality, BackboneGenome>;
  macro: FusionMacro;
  C: number;
  batchSize: number;
  /** Training pairs of an epoch (the search's trainSubset). */
  trainSubset: number;
  bnBatches: number;
}

export interface FusionEpochTiming {
  /** One search epoch on cached features (ms). */
  cachedEpochMs: number;
  /** The same epoch running both backbones on every batch (ms). */
  recomputeEpochMs: number;
  /** Filling the cache for this pair: BN recalibration and one pass per split (ms). */
  cacheFillMs: number;
  /** One architecture + weight step pair on cached features (ms), and its operations. */
  dartsStepMs: number;
  dartsStepFlops: number;
}

/** The first n samples of a split (views, no copy). */
export const cutSplit = (s: EvaluatorSplit, n: number): EvaluatorSplit => {
  const m = Math.min(n, s.count);
  const per = (a: Float32Array) => a.length / s.count;
  return { count: m, images: s.images.subarray(0, m * per(s.images)), audio: s.audio.subarray(0, m * per(s.audio)), labels: s.labels.subarray(0, m) };
};

/** The 8 pooled features [m, 16, Cin] of a batch, computed by running both frozen backbones (call in tidy). */
function backboneBatch(r: FusionEpochRequest, split: EvaluatorSplit, idx: number[]): { x: tf.Tensor[]; y: tf.Tensor1D } {
  const x = (['image', 'audio'] as const).flatMap((m) => {
    const side = m === 'image' ? r.data.imageSize : r.data.audioSize;
    const src = m === 'image' ? split.images : split.audio;
    const buf = new Float32Array(idx.length * side * side);
    idx.forEach((s, row) => buf.set(src.subarray(s * side * side, (s + 1) * side * side), row * side * side));
    const out = r.nets[m].forward(r.genomes[m], tf.tensor4d(buf, [idx.length, side, side, 1]), 'eval');
    return fusableFeatures(out.features, r.genomes[m].d).map((f) => {
      const pooled = adaptiveMaxPool4(f);
      return pooled.reshape([idx.length, POSITIONS, pooled.shape[3]]);
    });
  });
  return { x, y: tf.tensor1d(Int32Array.from(idx, (i) => split.labels[i]), 'int32') };
}

/** One search epoch whose batches run the backbones (the same step sequence as runDarts). */
async function recomputeEpochMs(net: SearchNet, r: FusionEpochRequest, train: EvaluatorSplit, val: EvaluatorSplit, o: DartsOptions): Promise<number> {
  const t0 = performance.now();
  const wOpt = tf.train.adam(1e-3);
  const aOpt = makeArchOptimizer(o);
  try {
    const trainBatches = shuffledBatches(train.count, o.batchSize, o.rng);
    let valBatches = shuffledBatches(val.count, o.batchSize, o.rng);
    for (let k = 0; k < trainBatches.length; k++) {
      if (k % valBatches.length === 0 && k > 0) valBatches = shuffledBatches(val.count, o.batchSize, o.rng);
      const losses = tf.tidy(() => {
        const va = backboneBatch(r, val, valBatches[k % valBatches.length]);
        const la = archStep(net, va.x, va.y, aOpt, o);
        const tr = backboneBatch(r, train, trainBatches[k]);
        return tf.stack([la, weightStep(net, tr.x, tr.y, wOpt, o)]);
      });
      await losses.data();
      losses.dispose();
    }
    const ctx = { training: false, updateStats: false, nextSeed: () => 0 };
    for (let start = 0; start < val.count; start += o.batchSize) {
      const idx = Array.from({ length: Math.min(o.batchSize, val.count - start) }, (_, i) => start + i);
      const hits = tf.tidy(() => {
        const { x, y } = backboneBatch(r, val, idx);
        return searchForward(net, x, ctx).argMax(-1).equal(y).sum();
      });
      await hits.data();
      hits.dispose();
    }
  } finally {
    wOpt.dispose();
    aOpt.dispose();
  }
  return performance.now() - t0;
}

export async function timeFusionEpochs(r: FusionEpochRequest): Promise<FusionEpochTiming> {
  const evaluator = new TfSearchEvaluator(r.data, r.nets, r.table, {
    C: r.C, fusionEpochs: 1, retrainEpochs: 0, bnBatches: r.bnBatches, lambda: 0, objectives: [], paperFaithful: false, trainSubset: r.trainSubset, batchSize: r.batchSize,
  });
  const tCache = performance.now();
  const features = await evaluator.features(r.genomes.image, r.genomes.audio); // recalibrates BN of both subnets
  const cacheFillMs = performance.now() - tCache;
  const cfg = { featureChannels: features.train.channels, c: r.C, numClasses: 10, ...r.macro };
  const options = (seed: number): DartsOptions => ({ epochs: 1, batchSize: r.batchSize, lambda: 0, costs: opCosts(r.table), rng: new Rng(seed) });
  const tTrain = splitTensors(features.train);
  const tVal = splitTensors(features.val);
  try {
    const netA = createSearchNet(cfg, new Rng(1));
    const t0 = performance.now();
    await runDarts(netA, tTrain, tVal, options(2));
    const cachedEpochMs = performance.now() - t0;
    disposeSearchNet(netA);

    const netB = createSearchNet(cfg, new Rng(1));
    const recompute = await recomputeEpochMs(netB, r, cutSplit(r.data.train, r.trainSubset), r.data.val, options(2));
    disposeSearchNet(netB);

    const netC = createSearchNet(cfg, new Rng(1));
    const o = options(3);
    const wOpt = tf.train.adam(1e-3);
    const aOpt = makeArchOptimizer(o);
    const idx = Array.from({ length: Math.min(r.batchSize, features.val.n, features.train.n) }, (_, i) => i);
    const stepPair = () =>
      tf.tidy(() => {
        const va = gatherBatch(tVal, idx);
        const tr = gatherBatch(tTrain, idx);
        return tf.stack([archStep(netC, va.x, va.y, aOpt, o), weightStep(netC, tr.x, tr.y, wOpt, o)]);
      });
    const dartsStepMs = await timeStepMs(stepPair, 1, 3);
    const { flops } = await profileFlops(stepPair);
    wOpt.dispose();
    aOpt.dispose();
    disposeSearchNet(netC);
    return { cachedEpochMs, recomputeEpochMs: recompute, cacheFillMs, dartsStepMs, dartsStepFlops: flops };
  } finally {
    disposeSplitTensors(tTrain);
    disposeSplitTensors(tVal);
  }
}
