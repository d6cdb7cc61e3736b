// Label-free adaptation of a subnet to each speaker (AdaBN; the speaker-independent audio issue):
// each fold of a speaker's clips (src/core/audio/speaker-folds.ts) is predicted after the BN layers
// the subnet uses are recalibrated on the speaker's other fold. Labels are never read for the
// recalibration. Speakers too small for two folds are predicted with BN recalibrated on `train`.
// Leaves the net's BN statistics as the last fold set them: recalibrate before any other evaluation.

import * as tf from '@tensorflow/tfjs';
import type { BackboneGenome } from '../../core/types';
import type { SpeakerFolds } from '../../core/audio/speaker-folds';
import type { Supernet } from './supernet';
import { type Split, batchIndices, gather } from './batches';
import { recalibrateBn } from './bn-recalibration';

/** The rows `rows` of `s` as a split of their own. */
function subset(s: Split, rows: readonly number[]): Split {
  return { inputs: gather(s, rows), labels: Uint8Array.from(rows, (r) => s.labels[r]), size: s.size };
}

/** Predicted class of `rows` of `split` with the BN statistics the net has now (written into `out`). */
async function predictRows(net: Supernet, genome: BackboneGenome, split: Split, rows: readonly number[], out: Int32Array, batchSize: number): Promise<void> {
  for (const b of batchIndices(rows.length, batchSize)) {
    const picked = b.map((k) => rows[k]);
    const ids = tf.tidy(() => net.forward(genome, tf.tensor4d(gather(split, picked), [picked.length, split.size, split.size, 1]), 'eval').logits.argMax(1));
    const labels = await ids.data();
    ids.dispose();
    picked.forEach((row, i) => (out[row] = labels[i]));
  }
}

/** One predicted class per row of `split`, each speaker's folds scored with BN from its other fold. */
export async function speakerAdaptedPredictions(
  net: Supernet,
  genome: BackboneGenome,
  split: Split,
  folds: SpeakerFolds,
  train: Split,
  batchSize = 64,
): Promise<Int32Array> {
  const out = new Int32Array(split.labels.length).fill(-1);
  const unlabelled = (rows: readonly number[]): Split => ({ ...subset(split, rows), labels: new Uint8Array(rows.length) });
  for (const fold of folds.folds) {
    // the labels of the clips lending their statistics are blanked: recalibration never needs them
    await recalibrateBn(net, genome, unlabelled(fold.adaptRows), { batchSize });
    await predictRows(net, genome, split, fold.scoreRows, out, batchSize);
  }
  const rest = folds.unadapted.flatMap((u) => u.rows);
  if (rest.length > 0) {
    await recalibrateBn(net, genome, train, { batchSize });
    await predictRows(net, genome, split, rest, out, batchSize);
  }
  return out;
}
