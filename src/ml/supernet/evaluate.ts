// Accuracy (%) of one subnet of the supernet on a split, in eval mode (running BN statistics),
// optionally after BN recalibration on training batches (how the search scores subnets).

import * as tf from '@tensorflow/tfjs';
import type { BackboneGenome } from '../../core/types';
import type { Supernet } from './supernet';
import { type Split, batchIndices, splitCount, toTensors } from './batches';
import { type RecalibrationOptions, recalibrateBn } from './bn-recalibration';

/** Top-1 accuracy in percent (0–100) of `genome` on `split` with the current BN statistics. */
export async function accuracyPercent(net: Supernet, genome: BackboneGenome, split: Split, batchSize = 128): Promise<number> {
  let correct = 0;
  const n = splitCount(split);
  for (const b of batchIndices(n, batchSize)) {
    const hits = tf.tidy(() => {
      const { x, y } = toTensors(split, b);
      const pred = net.forward(genome, x, 'eval').logits.argMax(1);
      return tf.sum(tf.equal(pred, y).toInt());
    });
    correct += (await hits.data())[0];
    hits.dispose();
  }
  return (100 * correct) / n;
}

/** counts[true class][predicted class] of `genome` on `split` with the current BN statistics. */
export async function confusionCounts(net: Supernet, genome: BackboneGenome, split: Split, classes: number, batchSize = 128): Promise<number[][]> {
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (const b of batchIndices(splitCount(split), batchSize)) {
    const predicted = tf.tidy(() => net.forward(genome, toTensors(split, b).x, 'eval').logits.argMax(1));
    const labels = await predicted.data();
    predicted.dispose();
    b.forEach((row, i) => counts[split.labels[row]][labels[i]]++);
  }
  return counts;
}

export interface SubnetEvaluation {
  accuracy: number;
  recalibrationSamples: number;
}

/** Recalibrates BN for `genome` on `train`, then measures accuracy (%) on `split`. */
export async function evaluateSubnet(
  net: Supernet,
  genome: BackboneGenome,
  train: Split,
  split: Split,
  recal: RecalibrationOptions = {},
): Promise<SubnetEvaluation> {
  const recalibrationSamples = await recalibrateBn(net, genome, train, recal);
  const accuracy = await accuracyPercent(net, genome, split, recal.batchSize ?? 128);
  return { accuracy, recalibrationSamples };
}
