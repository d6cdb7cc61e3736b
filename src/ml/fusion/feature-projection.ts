// Fusable input features of the inner tier: each backbone feature map [N, H, W, Cin]
// (NHWC) is max-pooled to 4×4, flattened to L = 16 positions and projected by a 1×1 conv to
// C channels + BatchNorm + ReLU + dropout 0.1 → [N, 16, C].
//
// Pooling is adaptive (as PyTorch's AdaptiveMaxPool2d): output cell i covers input rows
// [floor(i·H/4), ceil((i+1)·H/4)), the same for columns, so any H, W ≥ 4 gives 4×4 (14→4,
// 10→4, 7→4, 5→4 with overlapping windows where H is not a multiple of 4). Maps smaller
// than 4 on a side are first upsampled by nearest neighbour to 4 on that side (each value
// repeated) — no backbone of the AV-MNIST space produces one, but uploaded data might.
// Pooling happens once, when features are cached (feature-cache.ts); projection is part of
// the trained fusion network, output layout [N, L, C] (positions row-major over the 4×4 grid).

import * as tf from '@tensorflow/tfjs';
import {
  type BatchNorm,
  type Dense,
  type ForwardCtx,
  type VarStore,
  batchNorm,
  dense,
  dropout,
  makeBatchNorm,
  makeDenseNoBias,
} from './layers';

/** Pooled grid side and the resulting number of positions L. */
export const POOL_SIDE = 4;
export const POSITIONS = POOL_SIDE * POOL_SIDE;
export const PROJECTION_DROPOUT = 0.1;

/** Window [start, end) of output cell i when pooling `size` inputs to `out` cells. */
export function adaptiveWindow(i: number, size: number, out: number): [number, number] {
  return [Math.floor((i * size) / out), Math.ceil(((i + 1) * size) / out)];
}

function poolAxis(x: tf.Tensor4D, axis: 1 | 2): tf.Tensor4D {
  const size = x.shape[axis];
  if (size === POOL_SIDE) return x;
  const parts: tf.Tensor4D[] = [];
  for (let i = 0; i < POOL_SIDE; i++) {
    const [a, b] = adaptiveWindow(i, size, POOL_SIDE);
    const begin = [0, 0, 0, 0];
    const len = [-1, -1, -1, -1];
    begin[axis] = a;
    len[axis] = b - a;
    parts.push(tf.slice(x, begin, len).max(axis, true) as tf.Tensor4D);
  }
  return tf.concat(parts, axis);
}

/** Adaptive max-pool of [N, H, W, C] to [N, 4, 4, C] (nearest upsampling first if H or W < 4). */
export function adaptiveMaxPool4(x: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h, w] = x.shape;
    let y = x;
    if (h < POOL_SIDE || w < POOL_SIDE) {
      y = tf.image.resizeNearestNeighbor(y, [Math.max(h, POOL_SIDE), Math.max(w, POOL_SIDE)]);
    }
    return poolAxis(poolAxis(y, 1), 2);
  });
}

export interface Projection {
  dense: Dense;
  bn: BatchNorm;
}

/** One projection per feature: 1×1 conv Cin_k → C (no bias: BN follows) + BN. */
export function makeProjections(s: VarStore, channels: number[], c: number): Projection[] {
  return channels.map((cin) => ({ dense: makeDenseNoBias(s, cin, c), bn: makeBatchNorm(s, c) }));
}

/** Pooled feature [N, 4, 4, Cin] or [N, 16, Cin] → [N, 16, C]: 1×1 conv, BN, ReLU, dropout 0.1. */
export function project(p: Projection, pooled: tf.Tensor, ctx: ForwardCtx): tf.Tensor3D {
  const cin = pooled.shape[pooled.rank - 1] as number;
  const y = batchNorm(p.bn, dense(p.dense, pooled.reshape([-1, POSITIONS, cin])), ctx).relu();
  return dropout(y, PROJECTION_DROPOUT, ctx) as tf.Tensor3D;
}

/** Projects features[k] with projections[k]. */
export function projectAll(ps: Projection[], features: tf.Tensor[], ctx: ForwardCtx): tf.Tensor3D[] {
  return ps.map((p, k) => project(p, features[k], ctx));
}
