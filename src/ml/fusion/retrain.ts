// Retraining of the discrete fusion network (the reference code has none): the genotype the inner
// tier found is built with fresh weights and trained on the training split only (Adam on CE), with
// early stopping on validation accuracy — the weights of the best validation epoch are restored
// before anything is reported. The test split is never looked at here.

import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/rng';
import type { FusionRetrainEpoch } from '../../core/search-events';
import type { ForwardCtx } from './layers';
import { type DiscreteNet, discreteForward } from './discrete-network';
import { type SplitTensors, crossEntropy, evaluateSplit, gatherBatch, shuffledBatches } from './data';

export interface RetrainOptions {
  epochs: number;
  batchSize: number;
  lr?: number;
  /** Stop after this many epochs without a better validation accuracy (default 3). */
  patience?: number;
  rng: Rng;
  /** Which candidate genotype this is (1-based) of how many, for the epoch events (default 1 of 1). */
  candidate?: number;
  candidates?: number;
  /** Called after every epoch; a returned promise is awaited. */
  onEpoch?: (e: RetrainEpoch) => unknown;
  shouldCancel?: () => boolean;
}

/** One retraining epoch, in the shape the whole app uses (src/core/search-events.ts). */
export type RetrainEpoch = FusionRetrainEpoch;

export interface RetrainResult {
  history: RetrainEpoch[];
  /** Epoch (1-based) whose weights were kept; 0 if none ran. */
  bestEpoch: number;
  /** Validation accuracy (%) of the kept weights. */
  valAccuracy: number;
  /** Mean validation cross-entropy of the kept weights (Infinity if none ran). */
  valCrossEntropy: number;
  cancelled: boolean;
}

export const evalForwardOf = (net: DiscreteNet) => (x: tf.Tensor[]) =>
  discreteForward(net, x, { training: false, updateStats: false, nextSeed: () => 0 });

export async function retrainDiscrete(
  net: DiscreteNet,
  train: SplitTensors,
  val: SplitTensors,
  o: RetrainOptions,
): Promise<RetrainResult> {
  const opt = tf.train.adam(o.lr ?? 1e-3);
  const ctx: ForwardCtx = { training: true, updateStats: true, nextSeed: () => o.rng.int(2 ** 31) };
  const vars = net.store.weights;
  const history: RetrainEpoch[] = [];
  const patience = o.patience ?? 3;
  let best: tf.Tensor[] | null = null;
  let bestEpoch = 0;
  let bestAcc = -1;
  let cancelled = false;
  try {
    for (let epoch = 1; epoch <= o.epochs; epoch++) {
      const t0 = performance.now();
      let sum = 0;
      const batches = shuffledBatches(train.n, o.batchSize, o.rng);
      for (const idx of batches) {
        if (o.shouldCancel?.()) {
          cancelled = true;
          break;
        }
        const loss = tf.tidy(() => {
          const { x, y } = gatherBatch(train, idx);
          return opt.minimize(() => crossEntropy(discreteForward(net, x, ctx), y), true, vars) as tf.Scalar;
        });
        sum += (await loss.data())[0];
        loss.dispose();
        await new Promise<void>((r) => setTimeout(r, 0));
      }
      if (cancelled) break;
      const onVal = await evaluateSplit(evalForwardOf(net), val, o.batchSize);
      const valAccuracy = onVal.accuracyPct;
      const e: RetrainEpoch = {
        stage: 'retrain',
        candidate: o.candidate ?? 1,
        candidates: o.candidates ?? 1,
        epoch,
        epochs: o.epochs,
        trainLoss: sum / batches.length,
        valAccuracy,
        valCrossEntropy: onVal.meanCrossEntropy,
        seconds: (performance.now() - t0) / 1000,
      };
      history.push(e);
      await o.onEpoch?.(e);
      if (valAccuracy > bestAcc) {
        bestAcc = valAccuracy;
        bestEpoch = epoch;
        if (best) tf.dispose(best);
        best = net.store.snapshot();
      } else if (epoch - bestEpoch >= patience) {
        break;
      }
    }
    if (best) net.store.restore(best);
  } finally {
    if (best) tf.dispose(best);
    opt.dispose();
  }
  return { history, bestEpoch, valAccuracy: Math.max(bestAcc, 0), valCrossEntropy: bestEpoch > 0 ? history[bestEpoch - 1].valCrossEntropy : Infinity, cancelled };
}
