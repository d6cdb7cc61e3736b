// BatchNorm recalibration (OFA's `set_running_statistics`): before a subnet is
// evaluated, its BN running statistics are reset and re-estimated on training batches as the
// sample-weighted cumulative average of the per-batch means and (biased) variances.

import * as tf from '@tensorflow/tfjs';
import type { BackboneGenome } from '../../core/types';
import type { Rng } from '../../core/rng';
import type { Supernet } from './supernet';
import type { BnParams } from './params';
import { allBns } from './params';
import type { BnCollector } from './elastic-ops';
import { assignHead } from './elastic-ops';
import { type Split, batchIndices, splitCount, toTensors } from './batches';

export interface RecalibrationOptions {
  batchSize?: number;
  /** How many training batches to use; default: the whole split. */
  batches?: number;
  /** Shuffles which samples are used; default: the split in order. */
  rng?: Rng;
}

interface Acc {
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
  n: number;
}

class AverageCollector implements BnCollector {
  readonly acc = new Map<BnParams, Acc>();
  private batchN = 0;

  setBatch(n: number) {
    this.batchN = n;
  }

  add(bn: BnParams, mean: tf.Tensor1D, variance: tf.Tensor1D): void {
    const n = this.batchN;
    const prev = this.acc.get(bn);
    const m = tf.mul(mean, n) as tf.Tensor1D;
    const v = tf.mul(variance, n) as tf.Tensor1D;
    if (!prev) {
      this.acc.set(bn, { mean: tf.keep(m), variance: tf.keep(v), n });
    } else {
      const next = { mean: tf.keep(tf.add(prev.mean, m)) as tf.Tensor1D, variance: tf.keep(tf.add(prev.variance, v)) as tf.Tensor1D, n: prev.n + n };
      prev.mean.dispose();
      prev.variance.dispose();
      this.acc.set(bn, next);
    }
  }

  dispose() {
    for (const a of this.acc.values()) {
      a.mean.dispose();
      a.variance.dispose();
    }
    this.acc.clear();
  }
}

/** Resets every BN layer's running statistics (mean 0, variance 1). */
export function resetBnStatistics(net: Supernet): void {
  for (const bn of allBns(net.params)) {
    tf.tidy(() => {
      bn.mean.assign(tf.zerosLike(bn.mean));
      bn.variance.assign(tf.onesLike(bn.variance));
    });
  }
}

/**
 * Re-estimates the running statistics of the BN layers `genome` uses on training batches.
 * Returns the number of samples used.
 */
export async function recalibrateBn(net: Supernet, genome: BackboneGenome, train: Split, opts: RecalibrationOptions = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 64;
  let idx = batchIndices(splitCount(train), batchSize, opts.rng);
  if (opts.batches !== undefined) idx = idx.slice(0, Math.max(1, opts.batches));
  const collector = new AverageCollector();
  try {
    for (const b of idx) {
      collector.setBatch(b.length);
      tf.tidy(() => {
        const { x, y } = toTensors(train, b);
        y.dispose();
        net.forward(genome, x, 'calibrate', collector);
      });
    }
    resetBnStatistics(net);
    for (const [bn, a] of collector.acc) {
      tf.tidy(() => {
        assignHead(bn.mean, tf.div(a.mean, a.n) as tf.Tensor1D);
        assignHead(bn.variance, tf.div(a.variance, a.n) as tf.Tensor1D);
      });
    }
    return idx.reduce((s, b) => s + b.length, 0);
  } finally {
    collector.dispose();
  }
}
