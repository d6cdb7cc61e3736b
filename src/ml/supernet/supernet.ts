// The OFA-style elastic MobileNetV3 supernet of each modality as plain functions over shared
// tf.Variables: stem → block0 → the first d blocks of the elastic stage (kernel k_i, expand
// e_i) → head. forward(genome) returns the logits and the fusable intermediate features.

import * as tf from '@tensorflow/tfjs';
import type { BackboneGenome } from '../../core/types';
import { type SupernetConfig, blockInChannels, blockStride } from './config';
import { type SupernetParams, createParams, disposeParams, namedVariables, trainableVariables } from './params';
import { type BnCollector, type BnMode, type BnContext, elasticBn, elasticDepthwiseKernel, slicedPointwise } from './elastic-ops';

export interface SupernetOutput {
  /** [N, classes] */
  logits: tf.Tensor2D;
  /** NHWC maps: stem, block0, then every active stage block (length 2 + d). */
  features: tf.Tensor4D[];
}

export class Supernet {
  readonly params: SupernetParams;

  constructor(
    readonly config: SupernetConfig,
    seed: number,
  ) {
    this.params = createParams(config, seed);
  }

  /**
   * Forward pass of the subnet `genome` on x [N, H, W, 1]. Creates tensors: call inside
   * tf.tidy (or dispose the outputs). In 'train' mode BN running statistics are updated.
   */
  forward(genome: BackboneGenome, x: tf.Tensor4D, mode: BnMode = 'eval', collector?: BnCollector): SupernetOutput {
    const cfg = this.config;
    const p = this.params;
    if (genome.d < 1 || genome.d > cfg.stageBlocks) throw new Error(`depth ${genome.d} outside 1..${cfg.stageBlocks}`);
    const ctx: BnContext = { mode, eps: cfg.bnEps, momentum: cfg.bnMomentum, collector };
    const bn = (t: tf.Tensor4D, b: SupernetParams['stemBn']) => elasticBn(t, b, ctx) as tf.Tensor4D;
    const features: tf.Tensor4D[] = [];

    let h = tf.relu(bn(tf.conv2d(x, p.stemConv as tf.Tensor4D, 2, 'same'), p.stemBn)) as tf.Tensor4D;
    features.push(h);

    let t = tf.relu(bn(tf.depthwiseConv2d(h, p.block0Dw as tf.Tensor4D, 1, 'same'), p.block0DwBn)) as tf.Tensor4D;
    t = bn(tf.conv2d(t, p.block0Pw as tf.Tensor4D, 1, 'same'), p.block0PwBn);
    h = tf.add(h, t);
    features.push(h);

    for (let i = 0; i < genome.d; i++) {
      const b = p.stage[i];
      const cin = blockInChannels(cfg, i);
      const mid = cin * genome.e[i];
      let u = tf.relu(bn(slicedPointwise(h, b.expand, cin, mid), b.expandBn)) as tf.Tensor4D;
      const kernel = elasticDepthwiseKernel(b, genome.ks[i], mid);
      u = tf.relu(bn(tf.depthwiseConv2d(u, kernel, blockStride(i), 'same'), b.dwBn)) as tf.Tensor4D;
      u = bn(slicedPointwise(u, b.project, mid, cfg.stageChannels), b.projectBn);
      h = i > 0 ? tf.add(h, u) : u;
      features.push(h);
    }

    const headMap = tf.relu(bn(tf.conv2d(h, p.headConv as tf.Tensor4D, 1, 'same'), p.headBn));
    const pooled = tf.mean(headMap, [1, 2]) as tf.Tensor2D;
    const mixed = tf.relu(tf.matMul(pooled, p.mixW as tf.Tensor2D));
    const logits = tf.add(tf.matMul(mixed, p.classifierW as tf.Tensor2D), p.classifierB) as tf.Tensor2D;
    return { logits, features };
  }

  /** Logits only, eval mode, inside its own tidy. */
  predict(genome: BackboneGenome, x: tf.Tensor4D): tf.Tensor2D {
    return tf.tidy(() => this.forward(genome, x, 'eval').logits);
  }

  namedVariables(): [string, tf.Variable][] {
    return namedVariables(this.params);
  }

  trainableVariables(): tf.Variable[] {
    return trainableVariables(this.params);
  }

  dispose(): void {
    disposeParams(this.params);
  }
}
