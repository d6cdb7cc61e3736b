// Accuracy (%) of one subnet of the supernet on a split, in eval mode (running BN statistics),
// optionally after BN recalibration on training batches (how the search scores subnets).

import * as tf from '@tensorflow/tfjs';
import type { BackboneGenome } from '../../core/types';
import type { Supernet } from './supernet';
import { type Split, batchIndices, splitCount, toTensors } from './batches';
import { type RecalibrationOptions, recalibrateBn } from './bn-recalibration';
import { confusionTally } from '../../core/prediction-tally';

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

/**
 * The predicted class of each of `rows` (default: every row) of `split`, with the BN statistics the
 * net has now, in the order of `rows`.
 */
export async function predictedClasses(net: Supernet, genome: BackboneGenome, split: Split, batchSize = 128, rows?: readonly number[]): Promise<Int32Array> {
  const picked = rows ?? Array.from({ length: splitCount(split) }, (_, i) => i);
  const out = new Int32Array(picked.length);
  for (const b of batchIndices(picked.length, batchSize)) {
    const ids = tf.tidy(() => net.forward(genome, toTensors(split, b.map((k) => picked[k])).x, 'eval').logits.argMax(1));
    const classes = await ids.data();
    ids.dispose();
    b.forEach((k, i) => (out[k] = classes[i]));
  }
  return out;
}

/** counts[true class][predicted class] of `genome` on `split` with the current BN statistics. */
export async function confusionCounts(net: Supernet, genome: BackboneGenome, split: Split, classes: number, batchSize = 128): Promise<number[][]> {
  return confusionTally(await predictedClasses(net, genome, split, batchSize), split.labels, classes);
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
