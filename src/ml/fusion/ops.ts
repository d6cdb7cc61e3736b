// The six fusion operators of the inner tier (after BM-NAS). Each takes two
// distinct inputs x, y of shape [N, L, C] and returns [N, L, C]:
//   Sum           x + y
//   ScaleDotAttn  LayerNorm(x + softmax(x·yᵀ/√C) · y): each position of x attends over the L
//                 positions of y; "+ LayerNorm" read as the Transformer's add & norm, so the
//                 output carries both operands whichever order the search gives them
//   LinearGLU     concat → 1×1 2C→2C → BN → GLU (first half · sigmoid(second half))
//   ConcatFC      concat → 1×1 2C→C → BN → ReLU
//   SE1           squeeze x over L (mean) → linear C→C → sigmoid → channel gate on y
//   CatConvMish   concat → 1×1 2C→C → BN → Mish
// Names match the LUT keys (`{Op}-input:1_192_16-N:1-C:192-L:16`).

import * as tf from '@tensorflow/tfjs';
import { FUSION_OPS, type FusionOp } from '../../core/types';
import {
  type BatchNorm,
  type Dense,
  type ForwardCtx,
  type LayerNorm,
  type PairDense,
  type VarStore,
  batchNorm,
  dense,
  layerNorm,
  makeBatchNorm,
  makeDense,
  makeLayerNorm,
  makePairDense,
  meanPositions,
  mish,
  pairDense,
  repeatPositions,
} from './layers';

// The concat-based operators hold their 2C → k·C conv as row blocks W_x, W_y (layers.ts
// PairDense): concat(x, y)·W = x·W_x + y·W_y. LinearGLU's 2C → 2C conv + BN(2C) is held as its
// two C-channel halves (value, gate), each with its own BN — the same layer, as BN is per channel.
export type OpParams =
  | { op: 'Sum' }
  | { op: 'ScaleDotAttn'; ln: LayerNorm }
  | { op: 'LinearGLU'; value: PairDense; valueBn: BatchNorm; gate: PairDense; gateBn: BatchNorm }
  | { op: 'ConcatFC'; fc: PairDense; bn: BatchNorm }
  | { op: 'SE1'; fc: Dense }
  | { op: 'CatConvMish'; fc: PairDense; bn: BatchNorm };

/** Creates the variables of one operator instance at C channels. */
export function makeOp(s: VarStore, op: FusionOp, c: number): OpParams {
  switch (op) {
    case 'Sum':
      return { op };
    case 'ScaleDotAttn':
      return { op, ln: makeLayerNorm(s, c) };
    case 'LinearGLU':
      return { op, value: makePairDense(s, c, c), valueBn: makeBatchNorm(s, c), gate: makePairDense(s, c, c), gateBn: makeBatchNorm(s, c) };
    case 'ConcatFC':
    case 'CatConvMish':
      return { op, fc: makePairDense(s, c, c), bn: makeBatchNorm(s, c) };
    case 'SE1':
      return { op, fc: makeDense(s, c, c) };
  }
}

/** One instance of every operator (the candidates of a mixed DARTS step), in FUSION_OPS order. */
export function makeAllOps(s: VarStore, c: number): OpParams[] {
  return FUSION_OPS.map((op) => makeOp(s, op, c));
}

/** Applies an operator to x, y: [N, L, C] → [N, L, C]. */
export function applyOp(p: OpParams, x: tf.Tensor, y: tf.Tensor, ctx: ForwardCtx): tf.Tensor {
  const c = x.shape[2] as number;
  switch (p.op) {
    case 'Sum':
      return x.add(y);
    case 'ScaleDotAttn': {
      const scores = tf.matMul(x, y, false, true).div(Math.sqrt(c)); // [N, L, L]
      return layerNorm(p.ln, x.add(tf.matMul(tf.softmax(scores, -1), y)));
    }
    case 'LinearGLU': {
      const value = batchNorm(p.valueBn, pairDense(p.value, x, y), ctx);
      return value.mul(tf.sigmoid(batchNorm(p.gateBn, pairDense(p.gate, x, y), ctx)));
    }
    case 'ConcatFC':
      return batchNorm(p.bn, pairDense(p.fc, x, y), ctx).relu();
    case 'SE1': {
      const gate = tf.sigmoid(dense(p.fc, meanPositions(x))); // [N, C]
      return y.mul(repeatPositions(gate, y.shape[1] as number));
    }
    case 'CatConvMish':
      return mish(batchNorm(p.bn, pairDense(p.fc, x, y), ctx));
  }
}
