// The inner tier end to end: DARTS fusion search on cached backbone features,
// discretisation, LUT cost of the found fusion, retraining of the discrete network, and the
// reported accuracies (see docs/ARCHITECTURE.md, 'Inner tier'). JSON in (typed arrays) and JSON
// out, so it runs inside a worker.
//
// Default (proper) mode: weights on train, α/β/γ on validation with λ·E[latency] (+ λE·E[energy]),
// each epoch discretised to a genotype that reads both modalities (the LUT prices both backbones),
// every distinct genotype the search epochs discretised to is a candidate (candidates.ts); each
// is retrained with fresh weights on train, early-stopped on validation, and the one with the
// lowest validation objective (CE + hardware terms) is kept; test accuracy is measured once, on
// that network only, never used to choose.
// Paper-faithful mode reproduces the reference: architecture steps on the TEST split, the same
// tensor as both operands of every operator, no hardware term (λ = λE = 0), no retraining —
// the genotype and accuracy reported are those of the search epoch with the best test accuracy.

import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../core/rng';
import type { Cost, FusionMacro, FusionOp } from '../../core/types';
import type { DeviceTable } from '../../core/device-table';
import { fusionCost as lutFusionCost } from '../../core/cost-model';
import { fusionOpsOf, validateFusionMacro } from '../../core/fusion-genotype';
import { type CachedFeatures, accuracyPct, checkSplit, disposeSplitTensors, numClassesOf, splitTensors } from './data';
import { createSearchNet, disposeSearchNet, searchForward } from './search-network';
import { type DartsEpoch, opCosts, runDarts } from './darts';
import { type CandidateScore, type GenotypeCandidate, bestCandidate, candidateObjective, epochCandidates } from './candidates';
import { type DiscreteNet, createDiscreteNet, disposeDiscreteNet } from './discrete-network';
import { type RetrainEpoch, type RetrainResult, evalForwardOf, retrainDiscrete } from './retrain';
import type { SearchedGenotype } from './discretise';
import { exportNetWeights, type NetWeights } from './net-weights';
import type { FusionNetConfig } from './cell-common';

export interface FusionSearchOptions {
  features: CachedFeatures;
  macro: FusionMacro;
  table: DeviceTable;
  seed: number;
  /** Fusion width C (default 192, the width the LUT prices). */
  C?: number;
  /** λ per ms of expected fusion latency (default 0 = accuracy only). */
  lambda?: number;
  /** λE per mJ of expected fusion energy (default 0). */
  energyLambda?: number;
  /** Search epochs (default 25, as the paper for AV-MNIST). */
  epochs?: number;
  /** Retraining epochs of the discrete network (default 10; 0 = report the mixed network). */
  retrainEpochs?: number;
  /**
   * At most this many distinct per-epoch genotypes are retrained and compared on validation
   * (default 6; 1 = only the last epoch's genotype).
   */
  maxCandidates?: number;
  paperFaithful?: boolean;
  /**
   * Every genotype reads both modalities (default true; always false in paper-faithful mode):
   * a search epoch whose argmax reads one modality only is discretised with the least-cost
   * repair (discretise.ts). False = plain argmax, as DARTS.
   */
  bothModalities?: boolean;
  numClasses?: number;
  batchSize?: number;
  weightLr?: number;
  archLr?: number;
  retrainLr?: number;
  patience?: number;
  /** Per search / retrain epoch; a returned promise is awaited. */
  onProgress?: (p: FusionProgress) => unknown;
  shouldCancel?: () => boolean;
}

/** Each search or retraining epoch, as darts.ts / retrain.ts emit it. */
export type FusionProgress = DartsEpoch | RetrainEpoch;

/** One retrained candidate genotype and its validation figures. */
export interface CandidateReport extends CandidateScore {
  genotype: SearchedGenotype;
  fusionOps: FusionOp[];
  /** Search epochs whose discretisation gave this genotype. */
  epochs: number[];
  /** Validation objective: CE + λ·latency + λE·energy; the lowest is kept. */
  objective: number;
  retrainEpochs: number;
}

export interface FusionSearchResult {
  genotype: SearchedGenotype;
  /** Operator names of the discrete network, cell by cell, step by step. */
  fusionOps: FusionOp[];
  /** Accuracy (%) on validation: of the retrained discrete network at its best epoch. */
  valAccuracy: number;
  /** Accuracy (%) on test. */
  testAccuracy: number;
  /** LUT latency (ms) / energy (mJ) of the fusion operators alone. */
  fusionCost: Cost;
  /** Search epochs run. */
  epochs: number;
  /** The first search epoch (1-based) whose discretisation gave the kept genotype. */
  chosenEpoch: number;
  /** The retrained candidates, in order of first appearance (empty when not retrained). */
  candidates: CandidateReport[];
  /** Index in `candidates` of the kept one (−1 when not retrained). */
  keptCandidate: number;
  /** Retraining epochs run for the kept network (0 when not retrained). */
  retrainEpochs: number;
  retrained: boolean;
  paperFaithful: boolean;
  /** Whether genotypes were made to read both modalities. */
  bothModalities: boolean;
  lambda: number;
  energyLambda: number;
  /** Split the architecture parameters were optimised on. */
  archSplit: 'val' | 'test';
  seconds: number;
  history: { search: DartsEpoch[]; retrain: RetrainEpoch[] };
  /**
   * The kept retrained network, to rebuild it (a model bundle): its configuration and weights.
   * Null when nothing was retrained (paper-faithful mode, 0 retraining epochs).
   */
  network: { config: Omit<FusionNetConfig, 'cells' | 'nodes'>; weights: NetWeights } | null;
}

export class FusionSearchCancelled extends Error {
  constructor() {
    super('fusion search cancelled');
    this.name = 'FusionSearchCancelled';
  }
}

export async function runFusionSearch(o: FusionSearchOptions): Promise<FusionSearchResult> {
  const t0 = performance.now();
  const macro = validateFusionMacro(o.macro);
  const { train, val, test } = o.features;
  checkSplit(train, 'train');
  checkSplit(val, 'val');
  checkSplit(test, 'test');
  const paper = o.paperFaithful ?? false;
  const lambda = paper ? 0 : (o.lambda ?? 0);
  const energyLambda = paper ? 0 : (o.energyLambda ?? 0);
  const bothModalities = !paper && (o.bothModalities ?? true);
  const batchSize = o.batchSize ?? 64;
  const rng = new Rng(o.seed);
  const cfg = {
    featureChannels: train.channels,
    c: o.C ?? 192,
    numClasses: o.numClasses ?? numClassesOf(train, val, test),
    ...macro,
  };
  const costs = opCosts(o.table);

  const tTrain = splitTensors(train);
  const tVal = splitTensors(val);
  const tTest = splitTensors(test);
  const net = createSearchNet(cfg, rng.fork());
  let discrete: DiscreteNet | null = null;
  try {
    const darts = await runDarts(net, tTrain, paper ? tTest : tVal, {
      epochs: o.epochs ?? 25,
      batchSize,
      weightLr: o.weightLr,
      archLr: o.archLr,
      lambda,
      energyLambda,
      costs,
      sameOperands: paper,
      bothModalities,
      rng: rng.fork(),
      onEpoch: o.onProgress,
      shouldCancel: o.shouldCancel,
    });
    if (darts.cancelled || darts.history.length === 0) throw new FusionSearchCancelled();
    const search = darts.history;
    let genotype: SearchedGenotype;
    let valAccuracy: number;
    let testAccuracy: number;
    let retrain: RetrainEpoch[] = [];
    let chosenEpoch = 0;
    let candidates: CandidateReport[] = [];
    let keptCandidate = -1;
    let network: FusionSearchResult['network'] = null;
    const retrainEpochs = paper ? 0 : (o.retrainEpochs ?? 10);
    if (paper) {
      const best = search.reduce((a, b) => (b.archSplitAccuracy > a.archSplitAccuracy ? b : a));
      genotype = best.genotype;
      chosenEpoch = best.epoch;
      testAccuracy = best.archSplitAccuracy;
      valAccuracy = await accuracyPct((x) => searchForward(net, x, evalCtxSame), tVal, batchSize);
    } else if (retrainEpochs === 0) {
      // No retraining: the mixed network's weights are those of the last epoch, so its genotype.
      genotype = search[search.length - 1].genotype;
      chosenEpoch = search.length;
      const fwd = (x: tf.Tensor[]) => searchForward(net, x, { training: false, updateStats: false, nextSeed: () => 0 });
      valAccuracy = search[search.length - 1].archSplitAccuracy;
      testAccuracy = await accuracyPct(fwd, tTest, batchSize);
    } else {
      const pool = epochCandidates(search, o.maxCandidates ?? 6);
      const kept = await retrainCandidates(pool, {
        build: (g) => createDiscreteNet(g, cfg, rng.fork()),
        retrain: (net, candidate, onEpoch) =>
          retrainDiscrete(net, tTrain, tVal, {
            ...candidate,
            epochs: retrainEpochs,
            batchSize,
            lr: o.retrainLr,
            patience: o.patience,
            rng: rng.fork(),
            onEpoch,
            shouldCancel: o.shouldCancel,
          }),
        table: o.table,
        lambda,
        energyLambda,
        onProgress: o.onProgress,
      });
      discrete = kept.net;
      candidates = kept.reports;
      keptCandidate = kept.index;
      retrain = kept.history;
      genotype = pool[kept.index].genotype;
      chosenEpoch = pool[kept.index].epochs[0];
      valAccuracy = kept.reports[kept.index].valAccuracy;
      testAccuracy = await accuracyPct(evalForwardOf(discrete), tTest, batchSize);
      network = { config: { featureChannels: [...cfg.featureChannels], c: cfg.c, numClasses: cfg.numClasses }, weights: await exportNetWeights(discrete) };
    }
    const fusionOps = fusionOpsOf(genotype);
    const cost = lutFusionCost(o.table, fusionOps);
    return {
      genotype,
      fusionOps,
      valAccuracy,
      testAccuracy,
      fusionCost: { latencyMs: cost.latencyMs, energyMj: cost.energyMj },
      epochs: search.length,
      chosenEpoch,
      candidates,
      keptCandidate,
      retrainEpochs: retrain.length,
      retrained: retrain.length > 0,
      paperFaithful: paper,
      bothModalities,
      lambda,
      energyLambda,
      archSplit: paper ? 'test' : 'val',
      seconds: (performance.now() - t0) / 1000,
      history: { search, retrain },
      network,
    };
  } finally {
    if (discrete) disposeDiscreteNet(discrete);
    disposeSearchNet(net);
    disposeSplitTensors(tTrain);
    disposeSplitTensors(tVal);
    disposeSplitTensors(tTest);
  }
}

/**
 * Retrains each candidate genotype in turn (fresh weights) and keeps the network with the lowest
 * validation objective; the others are disposed as soon as they lose. On an error or a cancel,
 * every network built here is disposed.
 */
async function retrainCandidates(
  pool: readonly GenotypeCandidate[],
  o: {
    build: (g: SearchedGenotype) => DiscreteNet;
    retrain: (net: DiscreteNet, candidate: { candidate: number; candidates: number }, onEpoch?: (e: RetrainEpoch) => unknown) => Promise<RetrainResult>;
    table: DeviceTable;
    lambda: number;
    energyLambda: number;
    onProgress?: (p: FusionProgress) => unknown;
  },
): Promise<{ net: DiscreteNet; index: number; history: RetrainEpoch[]; reports: CandidateReport[] }> {
  const reports: CandidateReport[] = [];
  let kept: { net: DiscreteNet; index: number; history: RetrainEpoch[] } | null = null;
  try {
    for (let k = 0; k < pool.length; k++) {
      const net = o.build(pool[k].genotype);
      let r: RetrainResult;
      try {
        r = await o.retrain(net, { candidate: k + 1, candidates: pool.length }, o.onProgress);
        if (r.cancelled) throw new FusionSearchCancelled();
      } catch (err) {
        disposeDiscreteNet(net);
        throw err;
      }
      const fusionOps = fusionOpsOf(pool[k].genotype);
      const cost = lutFusionCost(o.table, fusionOps);
      const score: CandidateScore = { valCrossEntropy: r.valCrossEntropy, valAccuracy: r.valAccuracy, fusionLatencyMs: cost.latencyMs, fusionEnergyMj: cost.energyMj };
      reports.push({
        genotype: pool[k].genotype,
        fusionOps,
        epochs: pool[k].epochs,
        ...score,
        objective: candidateObjective(score, o.lambda, o.energyLambda),
        retrainEpochs: r.history.length,
      });
      if (bestCandidate(reports, o.lambda, o.energyLambda) === k) {
        if (kept) disposeDiscreteNet(kept.net);
        kept = { net, index: k, history: r.history };
      } else {
        disposeDiscreteNet(net);
      }
    }
  } catch (err) {
    if (kept) disposeDiscreteNet(kept.net);
    throw err;
  }
  if (!kept) throw new Error('no candidate genotype to retrain');
  return { ...kept, reports };
}

const evalCtxSame = { training: false, updateStats: false, nextSeed: () => 0, sameOperands: true };
