// The shared variables of the elastic supernet (OFA weight sharing): one set of
// tf.Variables, at maximum size (7×7 depthwise kernels, expand 6), serves every subnet.
// BatchNorm running statistics are non-trainable variables. Initialisation is seeded.

import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../core/rng';
import {
  type SupernetConfig,
  MAX_EXPAND,
  MAX_KERNEL,
  KERNEL_SIZES,
  blockInChannels,
} from './config';

export interface BnParams {
  gamma: tf.Variable;
  beta: tf.Variable;
  /** Running statistics (non-trainable). */
  mean: tf.Variable;
  variance: tf.Variable;
}

export interface StageBlockParams {
  /** [1,1,in,in·6] expand conv. */
  expand: tf.Variable;
  expandBn: BnParams;
  /** [7,7,in·6,1] depthwise kernel. */
  dw: tf.Variable;
  /** Kernel transforms: key `${from}to${to}` (e.g. '7to5' [25,25], '5to3' [9,9]). */
  transforms: Record<string, tf.Variable>;
  dwBn: BnParams;
  /** [1,1,in·6,out] project conv. */
  project: tf.Variable;
  projectBn: BnParams;
}

export interface SupernetParams {
  stemConv: tf.Variable; // [3,3,1,stem]
  stemBn: BnParams;
  block0Dw: tf.Variable; // [3,3,stem,1]
  block0DwBn: BnParams;
  block0Pw: tf.Variable; // [1,1,stem,stem]
  block0PwBn: BnParams;
  stage: StageBlockParams[];
  headConv: tf.Variable; // [1,1,stage,head]
  headBn: BnParams;
  mixW: tf.Variable; // [head, mix] (1×1 conv on the pooled vector, no bias)
  classifierW: tf.Variable; // [mix, classes]
  classifierB: tf.Variable; // [classes]
}

/** A variable holding `initial`'s values; `initial` itself is disposed (no tensor left behind). */
function variableFrom(initial: tf.Tensor, trainable: boolean): tf.Variable {
  const v = tf.variable(initial, trainable);
  initial.dispose();
  return v;
}

function normal(rng: Rng, shape: number[], std: number): tf.Variable {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = rng.normal() * std;
  return variableFrom(tf.tensor(data, shape), true);
}

/** He-normal conv kernel [kh,kw,in,out] (fan-in = kh·kw·in; depthwise: in = 1). */
function heConv(rng: Rng, shape: number[], fanIn: number): tf.Variable {
  return normal(rng, shape, Math.sqrt(2 / fanIn));
}

function makeBn(c: number): BnParams {
  return {
    gamma: variableFrom(tf.ones([c]), true),
    beta: variableFrom(tf.zeros([c]), true),
    mean: variableFrom(tf.zeros([c]), false),
    variance: variableFrom(tf.ones([c]), false),
  };
}

function identity(n: number): tf.Variable {
  return variableFrom(tf.eye(n), true);
}

/** Creates the supernet variables, initialised from `seed`. */
export function createParams(cfg: SupernetConfig, seed: number): SupernetParams {
  const rng = new Rng(seed);
  const s = cfg.stemChannels;
  const stage: StageBlockParams[] = [];
  for (let i = 0; i < cfg.stageBlocks; i++) {
    const cin = blockInChannels(cfg, i);
    const mid = cin * MAX_EXPAND;
    const transforms: Record<string, tf.Variable> = {};
    for (let j = KERNEL_SIZES.length - 1; j > 0; j--) {
      const from = KERNEL_SIZES[j];
      const to = KERNEL_SIZES[j - 1];
      transforms[`${from}to${to}`] = identity(to * to);
    }
    stage.push({
      expand: heConv(rng, [1, 1, cin, mid], cin),
      expandBn: makeBn(mid),
      dw: heConv(rng, [MAX_KERNEL, MAX_KERNEL, mid, 1], MAX_KERNEL * MAX_KERNEL),
      transforms,
      dwBn: makeBn(mid),
      project: heConv(rng, [1, 1, mid, cfg.stageChannels], mid),
      projectBn: makeBn(cfg.stageChannels),
    });
  }
  return {
    stemConv: heConv(rng, [3, 3, 1, s], 9),
    stemBn: makeBn(s),
    block0Dw: heConv(rng, [3, 3, s, 1], 9),
    block0DwBn: makeBn(s),
    block0Pw: heConv(rng, [1, 1, s, s], s),
    block0PwBn: makeBn(s),
    stage,
    headConv: heConv(rng, [1, 1, cfg.stageChannels, cfg.headChannels], cfg.stageChannels),
    headBn: makeBn(cfg.headChannels),
    mixW: heConv(rng, [cfg.headChannels, cfg.mixChannels], cfg.headChannels),
    classifierW: normal(rng, [cfg.mixChannels, cfg.numClasses], Math.sqrt(1 / cfg.mixChannels)),
    classifierB: variableFrom(tf.zeros([cfg.numClasses]), true),
  };
}

function bnEntries(prefix: string, bn: BnParams): [string, tf.Variable][] {
  return [
    [`${prefix}.gamma`, bn.gamma],
    [`${prefix}.beta`, bn.beta],
    [`${prefix}.running_mean`, bn.mean],
    [`${prefix}.running_var`, bn.variance],
  ];
}

/** Every variable with a stable name (used by weight I/O and the optimiser), in a fixed order. */
export function namedVariables(p: SupernetParams): [string, tf.Variable][] {
  const out: [string, tf.Variable][] = [
    ['stem.conv', p.stemConv],
    ...bnEntries('stem.bn', p.stemBn),
    ['block0.dw', p.block0Dw],
    ...bnEntries('block0.dw_bn', p.block0DwBn),
    ['block0.pw', p.block0Pw],
    ...bnEntries('block0.pw_bn', p.block0PwBn),
  ];
  p.stage.forEach((b, i) => {
    const pre = `stage.${i}`;
    out.push([`${pre}.expand`, b.expand], ...bnEntries(`${pre}.expand_bn`, b.expandBn));
    out.push([`${pre}.dw`, b.dw]);
    for (const key of Object.keys(b.transforms).sort()) out.push([`${pre}.transform_${key}`, b.transforms[key]]);
    out.push(...bnEntries(`${pre}.dw_bn`, b.dwBn));
    out.push([`${pre}.project`, b.project], ...bnEntries(`${pre}.project_bn`, b.projectBn));
  });
  out.push(['head.conv', p.headConv], ...bnEntries('head.bn', p.headBn));
  out.push(['mix.w', p.mixW], ['classifier.w', p.classifierW], ['classifier.b', p.classifierB]);
  return out;
}

/** All BatchNorm layers of the supernet (for recalibration). */
export function allBns(p: SupernetParams): BnParams[] {
  const out = [p.stemBn, p.block0DwBn, p.block0PwBn];
  for (const b of p.stage) out.push(b.expandBn, b.dwBn, b.projectBn);
  out.push(p.headBn);
  return out;
}

export function trainableVariables(p: SupernetParams): tf.Variable[] {
  return namedVariables(p)
    .map(([, v]) => v)
    .filter((v) => v.trainable);
}

export function disposeParams(p: SupernetParams): void {
  for (const [, v] of namedVariables(p)) v.dispose();
}
