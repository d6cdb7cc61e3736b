// BatchNorm recalibration's effect on one subnet, measured (the BN lesson): accuracy (%) on a
// split with the BN statistics the supernet holds — accumulated while training switched between
// many subnets — and again after recalibrating them for this subnet on training batches, as the
// search does before it scores a backbone. The held statistics are restored afterwards, so the
// next measurement starts from the same place.

import * as tf from '@tensorflow/tfjs';
import type { BackboneGenome } from '../../core/types';
import type { BnRecalibrationEffect } from '../../core/search-protocol';
import type { Supernet } from './supernet';
import { allBns } from './params';
import { type Split, splitCount } from './batches';
import { accuracyPercent, evaluateSubnet } from './evaluate';
import type { RecalibrationOptions } from './bn-recalibration';

export async function measureBnRecalibration(
  net: Supernet,
  genome: BackboneGenome,
  train: Split,
  split: Split,
  recal: RecalibrationOptions,
): Promise<Omit<BnRecalibrationEffect, 'modality' | 'genome'>> {
  const held = allBns(net.params).map((bn) => ({ bn, mean: tf.clone(bn.mean), variance: tf.clone(bn.variance) }));
  const t0 = performance.now();
  try {
    const beforePercent = await accuracyPercent(net, genome, split, recal.batchSize ?? 128);
    const after = await evaluateSubnet(net, genome, train, split, recal);
    return {
      beforePercent,
      afterPercent: after.accuracy,
      recalibrationSamples: after.recalibrationSamples,
      splitSamples: splitCount(split),
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    for (const h of held) {
      h.bn.mean.assign(h.mean);
      h.bn.variance.assign(h.variance);
      h.mean.dispose();
      h.variance.dispose();
    }
  }
}
