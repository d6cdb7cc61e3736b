// Transfer learning for a supernet trained on an uploaded dataset: a new elastic supernet for
// the upload's classes whose shared weights (stem, block0, every elastic stage block with its
// kernel transforms and BN statistics, the final expand and the feature-mix layer) start as the
// pretrained demo supernet's, and whose classifier starts fresh (its width is the upload's
// number of classes). Sandwich training then fine-tunes all of it.

import * as tf from '@tensorflow/tfjs';
import type { SupernetConfig } from './config';
import { Supernet } from './supernet';

/** Variables that depend on the number of classes: the only ones a transfer does not copy. */
export const CLASS_DEPENDENT_VARIABLES = ['classifier.w', 'classifier.b'];

/** Which shape fields of two supernet configurations differ (the classes may differ). */
export function transferMismatch(from: SupernetConfig, to: SupernetConfig): string[] {
  const keys = ['inputSize', 'stemChannels', 'stageChannels', 'headChannels', 'mixChannels', 'stageBlocks'] as const;
  return keys.filter((k) => from[k] !== to[k]).map((k) => `${k} ${from[k]} ≠ ${to[k]}`);
}

/** A new supernet of `config` (seeded head) carrying every class-independent weight of `from`. */
export function transferSupernet(from: Supernet, config: SupernetConfig, seed: number): Supernet {
  const mismatch = transferMismatch(from.config, config);
  if (mismatch.length > 0) throw new Error(`cannot start from the pretrained supernet: ${mismatch.join(', ')}`);
  const net = new Supernet(config, seed);
  const source = new Map(from.namedVariables());
  for (const [name, v] of net.namedVariables()) {
    if (CLASS_DEPENDENT_VARIABLES.includes(name)) continue;
    const s = source.get(name);
    if (!s) {
      net.dispose();
      throw new Error(`the pretrained supernet lacks "${name}"`);
    }
    tf.tidy(() => v.assign(s.clone()));
  }
  return net;
}
