// Subnet extraction (OFA `get_active_subnet`): a static tfjs LayersModel for one genome with its
// own copies of the active weights — sliced expand/project channels, transformed depthwise
// kernels, sliced BN parameters and running statistics. Its outputs equal the supernet's
// eval-mode forward (logits, then the 2 + d fusable features); used for export and timing.

import * as tf from '@tensorflow/tfjs';
import type { BackboneGenome } from '../../core/types';
import type { Supernet } from './supernet';
import type { BnParams } from './params';
import { blockInChannels, blockStride } from './config';
import { elasticDepthwiseKernel } from './elastic-ops';

type SymT = tf.SymbolicTensor;

/**
 * Builds the static network of `genome`. Outputs: [logits [N,classes], ...features (NHWC)].
 * The caller owns (and disposes) the model.
 */
export function extractSubnet(net: Supernet, genome: BackboneGenome): tf.LayersModel {
  const cfg = net.config;
  const p = net.params;
  const pending: [tf.layers.Layer, tf.Tensor[]][] = [];
  const slice = (v: tf.Tensor, begin: number[], size: number[]) => tf.tidy(() => v.slice(begin, size).clone());
  const bnWeights = (b: BnParams, c: number) => [b.gamma, b.beta, b.mean, b.variance].map((v) => slice(v, [0], [c]));

  const conv = (x: SymT, w: tf.Tensor, stride: number): SymT => {
    const [k, , , out] = w.shape;
    const layer = tf.layers.conv2d({ filters: out, kernelSize: k, strides: stride, padding: 'same', useBias: false });
    pending.push([layer, [w]]);
    return layer.apply(x) as SymT;
  };
  const dwConv = (x: SymT, w: tf.Tensor, stride: number): SymT => {
    const k = w.shape[0];
    const layer = tf.layers.depthwiseConv2d({ kernelSize: k, strides: stride, padding: 'same', depthMultiplier: 1, useBias: false });
    pending.push([layer, [w]]);
    return layer.apply(x) as SymT;
  };
  const bn = (x: SymT, b: BnParams, c: number): SymT => {
    const layer = tf.layers.batchNormalization({ epsilon: cfg.bnEps, momentum: 1 - cfg.bnMomentum });
    pending.push([layer, bnWeights(b, c)]);
    return layer.apply(x) as SymT;
  };
  const relu = (x: SymT): SymT => tf.layers.reLU().apply(x) as SymT;
  const add = (a: SymT, b: SymT): SymT => tf.layers.add().apply([a, b]) as SymT;

  const input = tf.input({ shape: [cfg.inputSize, cfg.inputSize, 1] });
  const features: SymT[] = [];
  const s = cfg.stemChannels;
  let h = relu(bn(conv(input, slice(p.stemConv, [0, 0, 0, 0], p.stemConv.shape), 2), p.stemBn, s));
  features.push(h);
  let t = relu(bn(dwConv(h, slice(p.block0Dw, [0, 0, 0, 0], p.block0Dw.shape), 1), p.block0DwBn, s));
  t = bn(conv(t, slice(p.block0Pw, [0, 0, 0, 0], p.block0Pw.shape), 1), p.block0PwBn, s);
  h = add(h, t);
  features.push(h);

  for (let i = 0; i < genome.d; i++) {
    const b = p.stage[i];
    const cin = blockInChannels(cfg, i);
    const mid = cin * genome.e[i];
    const out = cfg.stageChannels;
    let u = relu(bn(conv(h, slice(b.expand, [0, 0, 0, 0], [1, 1, cin, mid]), 1), b.expandBn, mid));
    const kernel = tf.tidy(() => elasticDepthwiseKernel(b, genome.ks[i], mid).clone());
    u = relu(bn(dwConv(u, kernel, blockStride(i)), b.dwBn, mid));
    u = bn(conv(u, slice(b.project, [0, 0, 0, 0], [1, 1, mid, out]), 1), b.projectBn, out);
    h = i > 0 ? add(h, u) : u;
    features.push(h);
  }

  let y = relu(bn(conv(h, slice(p.headConv, [0, 0, 0, 0], p.headConv.shape), 1), p.headBn, cfg.headChannels));
  y = tf.layers.globalAveragePooling2d({}).apply(y) as SymT;
  const mix = tf.layers.dense({ units: cfg.mixChannels, useBias: false, activation: 'relu' });
  pending.push([mix, [slice(p.mixW, [0, 0], p.mixW.shape)]]);
  y = mix.apply(y) as SymT;
  const cls = tf.layers.dense({ units: cfg.numClasses, useBias: true });
  pending.push([cls, [slice(p.classifierW, [0, 0], p.classifierW.shape), slice(p.classifierB, [0], p.classifierB.shape)]]);
  const logits = cls.apply(y) as SymT;

  const model = tf.model({ inputs: input, outputs: [logits, ...features] });
  for (const [layer, weights] of pending) {
    layer.setWeights(weights);
    tf.dispose(weights);
  }
  return model;
}

/** Runs an extracted model: logits and features as in `Supernet.forward` (caller disposes). */
export function runExtracted(model: tf.LayersModel, x: tf.Tensor4D): { logits: tf.Tensor2D; features: tf.Tensor4D[] } {
  const outs = model.predict(x) as tf.Tensor[];
  return { logits: outs[0] as tf.Tensor2D, features: outs.slice(1) as tf.Tensor4D[] };
}
