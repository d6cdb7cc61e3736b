// Elastic building blocks of the OFA supernet: BatchNorm over the first c channels
// (train / eval / calibrate modes), the elastic depthwise kernel (centre crop of the 7×7 kernel
// through the learned per-layer transforms 7→5→3), and channel-sliced 1×1 convolutions.
// All functions create tensors: call them inside tf.tidy.

import * as tf from '@tensorflow/tfjs';
import type { BnParams, StageBlockParams } from './params';
import { MAX_KERNEL, KERNEL_SIZES } from './config';

/**
 * train: normalise with batch statistics and update the running ones with momentum;
 * eval: normalise with the running statistics;
 * calibrate: normalise with batch statistics and hand them to a collector (BN recalibration).
 */
export type BnMode = 'train' | 'eval' | 'calibrate';

/** Receives per-batch BN statistics of the active channels in calibrate mode. */
export interface BnCollector {
  add(bn: BnParams, mean: tf.Tensor1D, variance: tf.Tensor1D): void;
}

export interface BnContext {
  mode: BnMode;
  eps: number;
  momentum: number;
  collector?: BnCollector;
}

/** The first c entries of a vector variable (no copy when c is the full size). */
function head1d(v: tf.Variable, c: number): tf.Tensor1D {
  return (v.shape[0] === c ? v : v.slice([0], [c])) as tf.Tensor1D;
}

/** Writes `value` into the first c entries of a vector variable, keeping the rest. */
export function assignHead(v: tf.Variable, value: tf.Tensor1D): void {
  const c = value.shape[0];
  const full = v.shape[0];
  tf.tidy(() => {
    const next = c === full ? value : tf.concat([value, v.slice([c], [full - c])]);
    v.assign(next);
  });
}

/** BatchNorm over the first `c` channels of an NHWC (or NC) tensor. */
export function elasticBn(x: tf.Tensor, bn: BnParams, ctx: BnContext): tf.Tensor {
  const c = x.shape[x.shape.length - 1];
  const gamma = head1d(bn.gamma, c);
  const beta = head1d(bn.beta, c);
  if (ctx.mode === 'eval') {
    return tf.batchNorm(x, head1d(bn.mean, c), head1d(bn.variance, c), beta, gamma, ctx.eps);
  }
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  const { mean, variance } = tf.moments(x, axes);
  if (ctx.mode === 'train') {
    const m = ctx.momentum;
    const n = x.size / c;
    const unbiased = tf.mul(variance, n / Math.max(n - 1, 1));
    const newMean = tf.add(tf.mul(head1d(bn.mean, c), 1 - m), tf.mul(mean, m));
    const newVar = tf.add(tf.mul(head1d(bn.variance, c), 1 - m), tf.mul(unbiased, m));
    assignHead(bn.mean, newMean as tf.Tensor1D);
    assignHead(bn.variance, newVar as tf.Tensor1D);
  } else if (ctx.collector) {
    ctx.collector.add(bn, mean as tf.Tensor1D, variance as tf.Tensor1D);
  }
  return tf.batchNorm(x, mean, variance, beta, gamma, ctx.eps);
}

/**
 * The active depthwise kernel [k,k,c,1] of a stage block: the first c channels of the 7×7
 * kernel; for k < 7 its centre crop is passed through the learned transform matrices
 * (7→5: 25×25, then 5→3: 9×9), shared over channels, exactly as OFA's DynamicSeparableConv2d.
 */
export function elasticDepthwiseKernel(block: StageBlockParams, k: number, c: number): tf.Tensor4D {
  const full = block.dw.shape[2];
  let w = (c === full ? block.dw : block.dw.slice([0, 0, 0, 0], [MAX_KERNEL, MAX_KERNEL, c, 1])) as tf.Tensor4D;
  let size = MAX_KERNEL;
  for (let j = KERNEL_SIZES.length - 1; j > 0 && size > k; j--) {
    const to = KERNEL_SIZES[j - 1];
    const off = (size - to) / 2;
    const crop = w.slice([off, off, 0, 0], [to, to, c, 1]).reshape([to * to, c]);
    const t = block.transforms[`${size}to${to}`];
    w = tf.matMul(t, crop).reshape([to, to, c, 1]);
    size = to;
  }
  if (size !== k) throw new Error(`kernel size ${k} is not one of ${KERNEL_SIZES.join(', ')}`);
  return w;
}

/** 1×1 convolution with the first `cin` input and `cout` output channels of a [1,1,I,O] kernel. */
export function slicedPointwise(x: tf.Tensor4D, w: tf.Variable, cin: number, cout: number): tf.Tensor4D {
  const [, , I, O] = w.shape;
  const kernel = (I === cin && O === cout ? w : w.slice([0, 0, 0, 0], [1, 1, cin, cout])) as tf.Tensor4D;
  return tf.conv2d(x, kernel, 1, 'same');
}
