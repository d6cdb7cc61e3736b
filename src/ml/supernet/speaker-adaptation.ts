// Label-free adaptation of a subnet to each speaker (AdaBN; the speaker-independent audio issue):
// each fold of a speaker's clips (src/core/audio/speaker-folds.ts) is predicted after the BN layers
// the subnet uses are recalibrated on the speaker's other fold. Labels are never read for the
// recalibration. Speakers too small for two folds are predicted with BN recalibrated on `train`.
// Leaves the net's BN statistics as the last fold set them: recalibrate before any other evaluation.

import type { BackboneGenome } from '../../core/types';
import type { SpeakerFolds } from '../../core/audio/speaker-folds';
import type { Supernet } from './supernet';
import { type Split, gather } from './batches';
import { predictedClasses } from './evaluate';
import { recalibrateBn } from './bn-recalibration';

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
  // the clips lending their statistics, with blank labels: recalibration never needs them
  const unlabelled = (rows: readonly number[]): Split => ({ inputs: gather(split, rows), labels: new Uint8Array(rows.length), size: split.size });
  for (const fold of folds.folds) {
    await recalibrateBn(net, genome, unlabelled(fold.adaptRows), { batchSize });
    (await predictedClasses(net, genome, split, batchSize, fold.scoreRows)).forEach((c, i) => (out[fold.scoreRows[i]] = c));
  }
  const rest = folds.unadapted.flatMap((u) => u.rows);
  if (rest.length > 0) {
    await recalibrateBn(net, genome, train, { batchSize });
    (await predictedClasses(net, genome, split, batchSize, rest)).forEach((c, i) => (out[rest[i]] = c));
  }
  return out;
}
