// Channel sorting by importance (OFA `re_organize_middle_weights`): in every elastic stage
// block the expanded channels are reordered by the L1 norm of their project-layer weights,
// most important first, so that a smaller expand ratio keeps the best channels. The reorder
// permutes expand conv, its BN, the depthwise kernel and its BN, and the project conv alike,
// so the largest subnet computes exactly the same function. Run between training phases
// (optimiser state must be reset afterwards).

import * as tf from '@tensorflow/tfjs';
import type { SupernetParams, BnParams } from './params';

/** Importance per expanded channel of each stage block: Σ |project[0,0,c,:]|. */
export async function expandedChannelImportance(p: SupernetParams): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const b of p.stage) {
    const t = tf.tidy(() => tf.sum(tf.abs(b.project), [0, 1, 3]));
    out.push((await t.data()) as Float32Array); // async read: sync reads break WebGPU
    t.dispose();
  }
  return out;
}

function permute(v: tf.Variable, order: tf.Tensor1D, axis: number): void {
  tf.tidy(() => v.assign(tf.gather(v, order, axis)));
}

function permuteBn(bn: BnParams, order: tf.Tensor1D): void {
  for (const v of [bn.gamma, bn.beta, bn.mean, bn.variance]) permute(v, order, 0);
}

/** Sorts the expanded channels of every stage block by decreasing importance. */
export async function sortChannelsByImportance(p: SupernetParams): Promise<void> {
  const importance = await expandedChannelImportance(p);
  p.stage.forEach((b, i) => {
    const imp = importance[i];
    const idx = Array.from(imp, (_, j) => j).sort((a, c) => imp[c] - imp[a] || a - c);
    const order = tf.tensor1d(idx, 'int32');
    permute(b.expand, order, 3);
    permuteBn(b.expandBn, order);
    permute(b.dw, order, 2);
    permuteBn(b.dwBn, order);
    permute(b.project, order, 2);
    order.dispose();
  });
}
