// Supernet training (OFA / BigNAS sandwich rule): optionally a warm-up phase that
// trains only the largest subnet followed by channel sorting by importance (OFA's first phase),
// then sandwich training: each step trains the largest, the smallest and `randomSubnets` random
// subnets on the same batch; gradients are summed and applied once. The smaller subnets also
// learn from the largest's soft labels (in-place distillation):
//   loss_student = CE(labels, logits) + kdWeight · CE(softmax(teacher_logits / T), softmax(logits / T)),
// with temperature T = 1 and kdWeight = 1 by default (OFA's kd_ratio). Adam with a cosine
// learning rate per phase, light augmentation, per-epoch validation accuracy (%) of the largest
// and smallest subnet after BN recalibration. Every random choice comes from Rng(seed).

import * as tf from '@tensorflow/tfjs';
import type { BackboneGenome } from '../../core/types';
import { Rng } from '../../core/rng';
import { LARGEST_GENOME, SMALLEST_GENOME, sampleGenome } from '../../core/genome';
import type { TrainingEpoch } from '../../core/training-record';
import type { Supernet } from './supernet';
import { type Split, batchIndices, gather, splitCount, toTensors } from './batches';
import { type AugmentKind, augmentBatch } from './augment';
import { mixupBatch } from './mixup';
import { evaluateSubnet } from './evaluate';
import { sortChannelsByImportance } from './channel-sort';

export interface TrainSettings {
  seed: number;
  /** Sandwich epochs. */
  epochs: number;
  /** Largest-only epochs before channel sorting (0 = start with the sandwich rule). */
  warmupEpochs: number;
  batchSize: number;
  /** Peak learning rate of each phase's cosine schedule, and its floor. */
  lr: number;
  minLr: number;
  /** Weight of the distillation term for the smaller subnets (0 disables it). */
  kdWeight: number;
  kdTemperature: number;
  /** Random subnets per sandwich step besides the largest and the smallest. */
  randomSubnets: number;
  augment: AugmentKind;
  /** Mixup's Beta(α, α) parameter (0 = off): each batch is blended with a shuffled copy of itself. */
  mixupAlpha: number;
  /** Training batches used for BN recalibration before each per-epoch validation. */
  valRecalBatches: number;
  /** Sort expanded channels by importance after the warm-up phase. */
  sortChannels: boolean;
}

export const DEFAULT_TRAIN: TrainSettings = {
  seed: 1,
  epochs: 10,
  warmupEpochs: 2,
  batchSize: 64,
  lr: 3e-3,
  minLr: 1e-5,
  kdWeight: 1,
  kdTemperature: 1,
  randomSubnets: 2,
  augment: 'none',
  mixupAlpha: 0,
  valRecalBatches: 4,
  sortChannels: true,
};

/** The largest subnet alone (warm-up), then the sandwich rule. */
export type Phase = TrainingEpoch['phase'];

export interface StepProgress {
  phase: Phase;
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  /** Mean loss over the subnets trained this step. */
  loss: number;
  lr: number;
  elapsedMs: number;
}

/** One epoch of training, in the shape the training record (training.json) keeps it. */
export type EpochReport = TrainingEpoch;

export interface TrainCallbacks {
  onStep?: (p: StepProgress) => void;
  onEpoch?: (r: EpochReport) => void;
  shouldStop?: () => boolean;
}

export function cosineLr(step: number, total: number, lr: number, minLr: number): number {
  const t = total <= 1 ? 0 : Math.min(1, step / (total - 1));
  return minLr + 0.5 * (lr - minLr) * (1 + Math.cos(Math.PI * t));
}

/** Mean soft-target cross-entropy: −Σ_c p_c log softmax(logits)_c. */
function softCrossEntropy(soft: tf.Tensor2D, logits: tf.Tensor2D, temperature: number): tf.Scalar {
  return tf.mean(tf.neg(tf.sum(tf.mul(soft, tf.logSoftmax(tf.div(logits, temperature))), 1)));
}

function addGrads(acc: tf.NamedTensorMap, g: tf.NamedTensorMap): void {
  for (const [k, v] of Object.entries(g)) {
    const prev = acc[k];
    if (prev) {
      acc[k] = tf.add(prev, v);
      prev.dispose();
      v.dispose();
    } else acc[k] = v;
  }
}

/**
 * One sandwich step on batch (x, y): `genomes[0]` is the teacher (the largest), the others learn
 * from labels and (if kdWeight > 0) its soft labels. Applies the summed gradients once.
 * Returns the loss of each subnet.
 */
export async function sandwichStep(
  net: Supernet,
  opt: tf.Optimizer,
  x: tf.Tensor4D,
  y: tf.Tensor1D | tf.Tensor2D,
  genomes: BackboneGenome[],
  kdWeight: number,
  kdTemperature = 1,
): Promise<number[]> {
  const vars = net.trainableVariables();
  const classes = net.config.numClasses;
  // integer labels, or (mixup) one target distribution per sample
  const onehot = y.rank === 1 ? tf.oneHot(y as tf.Tensor1D, classes) : tf.clone(y);
  const grads: tf.NamedTensorMap = {};
  const losses: tf.Scalar[] = [];
  let soft: tf.Tensor2D | null = null;
  try {
    genomes.forEach((g, i) => {
      const { value, grads: gi } = tf.variableGrads(() => {
        const logits = net.forward(g, x, 'train').logits;
        const ce = tf.losses.softmaxCrossEntropy(onehot, logits) as tf.Scalar;
        if (i === 0) {
          if (genomes.length > 1 && kdWeight > 0) soft = tf.keep(tf.softmax(tf.div(logits, kdTemperature)) as tf.Tensor2D);
          return ce;
        }
        if (!soft) return ce;
        return tf.add(ce, tf.mul(softCrossEntropy(soft, logits, kdTemperature), kdWeight)) as tf.Scalar;
      }, vars);
      losses.push(value);
      addGrads(grads, gi);
    });
    // tfjs optimisers index their state by position: always pass every variable, in order
    const ordered: tf.NamedTensorMap = {};
    for (const v of vars) ordered[v.name] = grads[v.name] ?? tf.zerosLike(v);
    for (const v of vars) grads[v.name] = ordered[v.name];
    opt.applyGradients(vars.map((v) => ({ name: v.name, tensor: ordered[v.name] })));
    const stacked = tf.stack(losses);
    const values = Array.from(await stacked.data());
    stacked.dispose();
    return values;
  } finally {
    tf.dispose([onehot, ...losses, ...Object.values(grads)]);
    if (soft) (soft as tf.Tensor).dispose();
  }
}

/** Adam whose learning rate can be changed between steps (cosine schedule). */
function setLr(opt: tf.Optimizer, lr: number): void {
  (opt as unknown as { learningRate: number }).learningRate = lr;
}

/** Trains `net` in place; returns the per-epoch reports. */
export async function trainSupernet(
  net: Supernet,
  train: Split,
  val: Split,
  settings: Partial<TrainSettings> = {},
  cb: TrainCallbacks = {},
): Promise<EpochReport[]> {
  const s = { ...DEFAULT_TRAIN, ...settings };
  const rng = new Rng(s.seed);
  const shuffleRng = rng.fork();
  const sampleRng = rng.fork();
  const augRng = rng.fork();
  const recalRng = rng.fork();
  const mixRng = s.mixupAlpha > 0 ? rng.fork() : undefined;
  const t0 = Date.now();
  const reports: EpochReport[] = [];
  const n = splitCount(train);

  const runPhase = async (phase: Phase, epochs: number) => {
    if (epochs <= 0) return;
    const opt = tf.train.adam(s.lr);
    const stepsPerEpoch = batchIndices(n, s.batchSize).filter((b) => b.length * 2 >= s.batchSize).length;
    const total = epochs * stepsPerEpoch;
    let step = 0;
    try {
      for (let epoch = 0; epoch < epochs; epoch++) {
        const batches = batchIndices(n, s.batchSize, shuffleRng).filter((b) => b.length * 2 >= s.batchSize);
        let lossSum = 0;
        for (const [bi, b] of batches.entries()) {
          if (cb.shouldStop?.()) return;
          const lr = cosineLr(step, total, s.lr, s.minLr);
          setLr(opt, lr);
          const genomes: BackboneGenome[] = [LARGEST_GENOME];
          if (phase === 'sandwich') {
            genomes.push(SMALLEST_GENOME);
            for (let r = 0; r < s.randomSubnets; r++) genomes.push(sampleGenome(sampleRng));
          }
          const augmented = augmentBatch(gather(train, b), train.size, s.augment, augRng);
          const mixed = mixRng ? mixupBatch(augmented, Array.from(b, (j) => train.labels[j]), net.config.numClasses, s.mixupAlpha, mixRng) : undefined;
          const { x, y } = toTensors(train, b, mixed ? mixed.inputs : augmented);
          const targets = mixed ? tf.tensor2d(mixed.targets, [b.length, net.config.numClasses]) : y;
          const losses = await sandwichStep(net, opt, x, targets, genomes, s.kdWeight, s.kdTemperature);
          tf.dispose([x, y, targets]);
          const loss = losses.reduce((a, c) => a + c, 0) / losses.length;
          lossSum += loss;
          step++;
          cb.onStep?.({ phase, epoch, epochs, step: bi + 1, stepsPerEpoch, loss, lr, elapsedMs: Date.now() - t0 });
        }
        const recal = { batches: s.valRecalBatches, batchSize: s.batchSize, rng: recalRng };
        const valLargest = (await evaluateSubnet(net, LARGEST_GENOME, train, val, recal)).accuracy;
        const valSmallest = phase === 'sandwich' ? (await evaluateSubnet(net, SMALLEST_GENOME, train, val, recal)).accuracy : undefined;
        const report: EpochReport = { phase, epoch, trainLoss: lossSum / batches.length, valLargest, valSmallest, elapsedMs: Date.now() - t0 };
        reports.push(report);
        cb.onEpoch?.(report);
      }
    } finally {
      opt.dispose();
    }
  };

  await runPhase('warmup', s.warmupEpochs);
  if (s.warmupEpochs > 0 && s.sortChannels) await sortChannelsByImportance(net.params);
  await runPhase('sandwich', s.epochs);
  return reports;
}
