// Bilevel first-order DARTS of the inner tier (see docs/ARCHITECTURE.md, 'Inner tier').
// Alternating, per training batch:
//  1. architecture step on a held-out batch: α, β, γ by Adam (lr 3e-4, betas 0.5/0.999,
//     weight decay 1e-3 added to the gradient as in PyTorch's Adam) on
//       CE + λ · E[fusion latency, ms] + λE · E[fusion energy, mJ],
//     the expectations taken under softmax(γ) over the device table's operator entries
//     (Σ over cells and steps of Σ_o softmax(γ)_o · cost_o) — so the hardware term has a
//     gradient and moves γ toward cheaper operators;
//  2. weight step on the training batch: operator, projection and head weights by Adam on CE.
// The held-out split is validation by default; paper-faithful mode passes the test split.

import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/rng';
import { FUSION_OPS } from '../../core/types';
import type { DeviceTable } from '../../core/device-table';
import { fusionOpKey, layerCost } from '../../core/cost-model';
import type { FusionSearchEpoch } from '../../core/search-events';
import type { ForwardCtx } from './layers';
import { type SearchNet, archWeights, searchForward } from './search-network';
import { type SplitTensors, crossEntropy, evaluateSplit, gatherBatch, shuffledBatches } from './data';
import { type SearchedGenotype, discretise } from './discretise';

/** Latency (ms) and energy (mJ) of each operator, in FUSION_OPS order, from a device table. */
export interface OpCosts {
  latencyMs: number[];
  energyMj: number[];
}
export function opCosts(table: DeviceTable): OpCosts {
  const costs = FUSION_OPS.map((op) => layerCost(table, fusionOpKey(op)));
  return { latencyMs: costs.map((c) => c.latencyMs), energyMj: costs.map((c) => c.energyMj) };
}

/** Σ over steps of Σ_o softmax(γ)_o · cost_o — expected fusion cost under the mixture. */
export function expectedFusionCost(gammas: tf.Variable[], cost: number[]): tf.Scalar {
  return tf.tidy(() => {
    const c = tf.tensor1d(cost);
    return tf.addN(gammas.map((g) => tf.softmax(g).mul(c).sum())) as tf.Scalar;
  });
}

export interface DartsOptions {
  epochs: number;
  batchSize: number;
  /** Weight optimiser learning rate (Adam). */
  weightLr?: number;
  archLr?: number;
  archBeta1?: number;
  archBeta2?: number;
  archWeightDecay?: number;
  /** λ, per ms of expected fusion latency (0 = accuracy only). */
  lambda: number;
  /** λE, per mJ of expected fusion energy (0 = none). */
  energyLambda?: number;
  costs: OpCosts;
  /** Paper-faithful: both operands of every operator are the same tensor. */
  sameOperands?: boolean;
  /** Discretise each epoch to a genotype that reads both modalities (discretise.ts). */
  bothModalities?: boolean;
  rng: Rng;
  /** Called after every epoch; a returned promise is awaited (so a caller can pause the search). */
  onEpoch?: (e: DartsEpoch) => unknown;
  shouldCancel?: () => boolean;
}

/** One search epoch, in the shape the whole app uses (src/core/search-events.ts). */
export type DartsEpoch = FusionSearchEpoch & { genotype: SearchedGenotype };

export interface DartsResult {
  history: DartsEpoch[];
  cancelled: boolean;
}

function gradsStep(
  vars: tf.Variable[],
  opt: tf.Optimizer,
  loss: () => tf.Scalar,
  weightDecay: number,
): tf.Scalar {
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(loss, vars);
    const named: tf.NamedTensorMap = {};
    for (const v of vars) {
      const g = grads[v.name];
      if (!g) continue; // not on the loss path (e.g. the unused second slot in paper-faithful mode)
      named[v.name] = weightDecay > 0 ? g.add(v.mul(weightDecay)) : g;
    }
    opt.applyGradients(named);
    return value;
  });
}

/** Architecture loss on a batch: CE + λ·E[latency] + λE·E[energy]. */
export function archLoss(net: SearchNet, x: tf.Tensor[], y: tf.Tensor1D, ctx: ForwardCtx, o: DartsOptions): tf.Scalar {
  const gammas = net.cells.flatMap((c) => c.gammas);
  let loss: tf.Scalar = crossEntropy(searchForward(net, x, ctx), y);
  if (o.lambda > 0) loss = loss.add(expectedFusionCost(gammas, o.costs.latencyMs).mul(o.lambda));
  if ((o.energyLambda ?? 0) > 0) loss = loss.add(expectedFusionCost(gammas, o.costs.energyMj).mul(o.energyLambda!));
  return loss;
}

export function makeArchOptimizer(o: Pick<DartsOptions, 'archLr' | 'archBeta1' | 'archBeta2'>): tf.Optimizer {
  return tf.train.adam(o.archLr ?? 3e-4, o.archBeta1 ?? 0.5, o.archBeta2 ?? 0.999);
}

/** One architecture step on a held-out batch; returns the loss. */
export function archStep(net: SearchNet, x: tf.Tensor[], y: tf.Tensor1D, opt: tf.Optimizer, o: DartsOptions): tf.Scalar {
  const ctx: ForwardCtx = { training: true, updateStats: false, nextSeed: () => o.rng.int(2 ** 31), sameOperands: o.sameOperands };
  return gradsStep(net.archVars, opt, () => archLoss(net, x, y, ctx, o), o.archWeightDecay ?? 1e-3);
}

/** One weight step on a training batch; returns the CE loss. */
export function weightStep(net: SearchNet, x: tf.Tensor[], y: tf.Tensor1D, opt: tf.Optimizer, o: DartsOptions): tf.Scalar {
  const ctx: ForwardCtx = { training: true, updateStats: true, nextSeed: () => o.rng.int(2 ** 31), sameOperands: o.sameOperands };
  return gradsStep(net.store.weights, opt, () => crossEntropy(searchForward(net, x, ctx), y), 0);
}

const yieldToEvents = () => new Promise<void>((r) => setTimeout(r, 0));

/** Runs the alternating search; `arch` is the held-out split the architecture is chosen on. */
export async function runDarts(net: SearchNet, train: SplitTensors, arch: SplitTensors, o: DartsOptions): Promise<DartsResult> {
  const wOpt = tf.train.adam(o.weightLr ?? 1e-3);
  const aOpt = makeArchOptimizer(o);
  const history: DartsEpoch[] = [];
  const gammas = net.cells.flatMap((c) => c.gammas);
  const evalForward = (x: tf.Tensor[]) =>
    searchForward(net, x, { training: false, updateStats: false, nextSeed: () => 0, sameOperands: o.sameOperands });
  let cancelled = false;
  try {
    for (let epoch = 1; epoch <= o.epochs && !cancelled; epoch++) {
      const t0 = performance.now();
      const trainBatches = shuffledBatches(train.n, o.batchSize, o.rng);
      let archBatches = shuffledBatches(arch.n, o.batchSize, o.rng);
      let sumW = 0;
      let sumA = 0;
      for (let b = 0; b < trainBatches.length; b++) {
        if (o.shouldCancel?.()) {
          cancelled = true;
          break;
        }
        if (b % archBatches.length === 0 && b > 0) archBatches = shuffledBatches(arch.n, o.batchSize, o.rng);
        const losses = tf.tidy(() => {
          const va = gatherBatch(arch, archBatches[b % archBatches.length]);
          const la = archStep(net, va.x, va.y, aOpt, o);
          const tr = gatherBatch(train, trainBatches[b]);
          const lw = weightStep(net, tr.x, tr.y, wOpt, o);
          return tf.stack([la, lw]);
        });
        const [la, lw] = await losses.data();
        losses.dispose();
        sumA += la;
        sumW += lw;
        await yieldToEvents();
      }
      if (cancelled) break;
      const onArchSplit = await evaluateSplit(evalForward, arch, o.batchSize);
      const [lat, en] = [o.costs.latencyMs, o.costs.energyMj].map((c) => {
        const s = expectedFusionCost(gammas, c);
        const v = s.dataSync()[0];
        s.dispose();
        return v;
      });
      const weights = archWeights(net);
      const e: DartsEpoch = {
        stage: 'search',
        epoch,
        epochs: o.epochs,
        trainLoss: sumW / trainBatches.length,
        archLoss: sumA / trainBatches.length,
        archSplitAccuracy: onArchSplit.accuracyPct,
        archSplitObjective: onArchSplit.meanCrossEntropy + o.lambda * lat + (o.energyLambda ?? 0) * en,
        expectedLatencyMs: lat,
        expectedEnergyMj: en,
        genotype: discretise(weights, { bothModalities: o.bothModalities }),
        alphas: weights.alphas,
        gammas: weights.gammas,
        seconds: (performance.now() - t0) / 1000,
      };
      history.push(e);
      await o.onEpoch?.(e);
    }
  } finally {
    wOpt.dispose();
    aOpt.dispose();
  }
  return { history, cancelled };
}
