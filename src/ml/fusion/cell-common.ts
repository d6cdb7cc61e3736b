// Parts shared by the search (mixed) and the discrete fusion networks of the inner tier:
// the network configuration, the node output (residual + LayerNorm) and the classifier head.
//
// Node output: the mean of the node's step outputs, plus the cell's first input (residual),
// then LayerNorm. (Taking the mean of all steps, not only the last, keeps every step on the
// path to the loss, so no step is dead weight that still costs latency.)
// Head: the last two cell outputs concatenated on channels [N, L, 2C] → LayerNorm → ReLU →
// flatten [N, L·2C] → linear → logits. With a single cell, its output alone [N, L, C] goes
// through the same LayerNorm → ReLU → flatten → linear.

import * as tf from '@tensorflow/tfjs';
import { FUSABLE_FEATURES } from '../../core/fusion-genotype';
import {
  type Dense,
  type LayerNorm,
  type VarStore,
  dense,
  layerNorm,
  makeDense,
  makeLayerNorm,
} from './layers';
import { POSITIONS } from './feature-projection';

export interface FusionNetConfig {
  /** Channels Cin of each of the 8 pooled input features (0..3 image, 4..7 audio). */
  featureChannels: number[];
  /** Fusion width C (paper 192). */
  c: number;
  cells: number;
  nodes: number;
  numClasses: number;
}

export function checkConfig(cfg: FusionNetConfig): void {
  if (cfg.featureChannels.length !== FUSABLE_FEATURES) {
    throw new Error(`fusion network needs ${FUSABLE_FEATURES} input features, got ${cfg.featureChannels.length}`);
  }
  for (const [k, v] of Object.entries({ c: cfg.c, cells: cfg.cells, nodes: cfg.nodes, numClasses: cfg.numClasses })) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`fusion network ${k} must be a positive integer, got ${v}`);
  }
}

/** Node output: LayerNorm(x + mean(steps)). */
export function nodeOutput(ln: LayerNorm, x: tf.Tensor, steps: tf.Tensor[]): tf.Tensor {
  const mean = steps.length === 1 ? steps[0] : tf.addN(steps).div(steps.length);
  return layerNorm(ln, x.add(mean));
}

export interface Head {
  ln: LayerNorm;
  fc: Dense;
}
export function makeHead(s: VarStore, cfg: FusionNetConfig): Head {
  const width = cfg.cells >= 2 ? 2 * cfg.c : cfg.c;
  return { ln: makeLayerNorm(s, width), fc: makeDense(s, POSITIONS * width, cfg.numClasses) };
}
/** Logits [N, classes] from all cell outputs (uses the last two, or the only one). */
export function applyHead(h: Head, cellOutputs: tf.Tensor[]): tf.Tensor2D {
  const last = cellOutputs.length >= 2 ? tf.concat(cellOutputs.slice(-2), -1) : cellOutputs[0];
  const z = layerNorm(h.ln, last).relu();
  return dense(h.fc, z.reshape([z.shape[0] as number, -1])) as tf.Tensor2D;
}

/** Weighted sum Σ_j w_j·cands_j of same-shape tensors; w is a 1-D tensor of length cands.length. */
export function mixTensors(w: tf.Tensor, cands: tf.Tensor[]): tf.Tensor {
  const shape = cands[0].shape;
  const stacked = tf.stack(cands).reshape([cands.length, -1]);
  return tf.matMul(w.reshape([1, cands.length]), stacked).reshape(shape);
}
