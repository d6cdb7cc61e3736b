// Building blocks of the inner tier's fusion network: seeded variable creation and
// the position-wise layers every fusion operator is made of — 1×1 projection (a dense layer
// applied at each of the L positions), BatchNorm over (batch, positions), LayerNorm over
// channels. Plain functions over explicit tf.Variables, so weight and architecture variable
// lists stay explicit.
//
// Tensor layout everywhere in src/ml/fusion: [N, L, C] — batch, positions (L = 16 = 4×4), channels.
// (The reference code is [batch, C, L]; we keep channels last, as NHWC backbone features are.)
//
// Speed note: on tfjs's JS cpu backend (Node: tests, the CLI; the browser's last fallback) every
// per-element broadcast here is over the trailing channel axis ([C] against [.., C]) or done by a
// matmul with a ones vector: that backend runs any other broadcast (e.g. [N, L, 1] against
// [N, L, C]), and reductions over leading axes in the backward pass, element by element through
// index arithmetic, ~100× slower. Every other backend broadcasts natively, and there those extra
// matmuls cost kernel launches (wasm, C 32, 2 × 1 macro: 579 → 172 matmuls per DARTS step pair,
// 367 → 302 ms), so the helpers below pick per backend (`broadcastByMatmul`); both ways compute
// the same values (tested).

import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/rng';

/** What a forward pass is for: training (batch-stat BN, dropout) or evaluation. */
export interface ForwardCtx {
  /** BN uses batch statistics and dropout is active. */
  training: boolean;
  /** BN writes its running statistics (weight steps only — not architecture steps). */
  updateStats: boolean;
  /** Seed source for dropout masks (integer). */
  nextSeed: () => number;
  /** Paper-faithful mode: the second operand of every fusion operator is the first one. */
  sameOperands?: boolean;
}

export const evalCtx = (): ForwardCtx => ({ training: false, updateStats: false, nextSeed: () => 0 });

/** Owns the variables of one network: trainable weights and BN running statistics. */
export class VarStore {
  readonly weights: tf.Variable[] = [];
  readonly stats: tf.Variable[] = [];
  constructor(readonly rng: Rng) {}

  private make(init: () => tf.Tensor, trainable: boolean): tf.Variable {
    const v = tf.tidy(() => tf.variable(init(), trainable));
    (trainable ? this.weights : this.stats).push(v);
    return v;
  }

  /** Glorot-uniform matrix [inDim, outDim] drawn from the store's seeded Rng. */
  glorot(inDim: number, outDim: number): tf.Variable {
    const limit = Math.sqrt(6 / (inDim + outDim));
    const data = new Float32Array(inDim * outDim);
    for (let i = 0; i < data.length; i++) data[i] = (this.rng.next() * 2 - 1) * limit;
    return this.make(() => tf.tensor2d(data, [inDim, outDim]), true);
  }
  /** A trainable variable holding `data` (already drawn by the caller from this store's Rng). */
  fromData(data: Float32Array, shape: number[]): tf.Variable {
    return this.make(() => tf.tensor(data, shape), true);
  }
  zeros(shape: number[], trainable = true): tf.Variable {
    return this.make(() => tf.zeros(shape), trainable);
  }
  ones(shape: number[], trainable = true): tf.Variable {
    return this.make(() => tf.ones(shape), trainable);
  }

  /** Current values of all variables (weights then stats), cloned — for early-stopping snapshots. */
  snapshot(): tf.Tensor[] {
    return [...this.weights, ...this.stats].map((v) => tf.keep(v.clone()));
  }
  restore(snap: tf.Tensor[]): void {
    [...this.weights, ...this.stats].forEach((v, i) => v.assign(snap[i]));
  }

  dispose(): void {
    for (const v of [...this.weights, ...this.stats]) v.dispose();
    this.weights.length = 0;
    this.stats.length = 0;
  }
}

// ---------------------------------------------------------------- row helpers
// On the JS cpu backend: reductions over rows and broadcasts along rows as matmuls with ones, so
// that forward and backward passes use only matmuls and same-shape element-wise ops (see the
// speed note above). Elsewhere: native reductions and broadcasting.

let matmulOverride: boolean | undefined;
/** Whether the helpers broadcast by matmuls with ones (the JS cpu backend), unless forced. */
export function broadcastByMatmul(): boolean {
  return matmulOverride ?? tf.getBackend() === 'cpu';
}
/** Forces one way of broadcasting (tests compare both); `undefined` returns to per-backend. */
export function forceBroadcastByMatmul(value: boolean | undefined): void {
  matmulOverride = value;
}

/** [R, C] → [1, C]: the mean of the rows. */
export function rowMean(x2: tf.Tensor): tf.Tensor {
  const r = x2.shape[0] as number;
  return broadcastByMatmul() ? tf.matMul(tf.fill([1, r], 1 / r), x2) : x2.mean(0, true);
}
/** v [C] or [1, C] as an operand against [R, C] rows: repeated on every row (cpu) or [1, C] to broadcast. */
export function repeatRows(v: tf.Tensor, r: number): tf.Tensor {
  return broadcastByMatmul() ? tf.matMul(tf.ones([r, 1]), v.reshape([1, -1])) : v.reshape([1, -1]);
}

// ---------------------------------------------------------------- dense (1×1 conv)

export interface Dense {
  w: tf.Variable;
  b?: tf.Variable;
}
export function makeDense(s: VarStore, inDim: number, outDim: number): Dense {
  return { w: s.glorot(inDim, outDim), b: s.zeros([outDim]) };
}
/** A bias-free dense layer (before a BatchNorm, whose shift makes a bias redundant). */
export function makeDenseNoBias(s: VarStore, inDim: number, outDim: number): Dense {
  return { w: s.glorot(inDim, outDim) };
}
/** Applies a dense layer on the last axis of [N, L, Cin] (a 1×1 conv over positions) or [N, Cin]. */
export function dense(p: Dense, x: tf.Tensor): tf.Tensor {
  const inDim = x.shape[x.rank - 1] as number;
  const outDim = p.w.shape[1] as number;
  const flat = x.reshape([-1, inDim]);
  const y = tf.matMul(flat, p.w);
  return (p.b ? y.add(repeatRows(p.b, flat.shape[0] as number)) : y).reshape([...x.shape.slice(0, -1), outDim]);
}

/**
 * A 1×1 conv on the channel concatenation [x, y] (2C → out) without building it:
 * concat(x, y)·W = x·W_x + y·W_y, W split by rows. No bias (a BatchNorm follows).
 */
export interface PairDense {
  wx: tf.Variable;
  wy: tf.Variable;
}
export function makePairDense(s: VarStore, c: number, outDim: number): PairDense {
  // Glorot at the fan of the whole 2C → out layer, as one concatenated matrix would have.
  const limit = Math.sqrt(6 / (2 * c + outDim));
  const draw = () => {
    const data = new Float32Array(c * outDim);
    for (let i = 0; i < data.length; i++) data[i] = (s.rng.next() * 2 - 1) * limit;
    return s.fromData(data, [c, outDim]);
  };
  return { wx: draw(), wy: draw() };
}
export function pairDense(p: PairDense, x: tf.Tensor, y: tf.Tensor): tf.Tensor {
  const c = x.shape[x.rank - 1] as number;
  const out = tf.matMul(x.reshape([-1, c]), p.wx).add(tf.matMul(y.reshape([-1, c]), p.wy));
  return out.reshape([...x.shape.slice(0, -1), p.wx.shape[1] as number]);
}

// ---------------------------------------------------------------- batch norm

export interface BatchNorm {
  gamma: tf.Variable;
  beta: tf.Variable;
  mean: tf.Variable;
  variance: tf.Variable;
}
export const BN_EPS = 1e-5;
/** PyTorch convention: running = (1 − m)·running + m·batch. */
export const BN_MOMENTUM = 0.1;

export function makeBatchNorm(s: VarStore, c: number): BatchNorm {
  return { gamma: s.ones([c]), beta: s.zeros([c]), mean: s.zeros([c], false), variance: s.ones([c], false) };
}
/** BatchNorm of [.., C] per channel, statistics over all other axes (biased variance, as PyTorch's forward). */
export function batchNorm(p: BatchNorm, x: tf.Tensor, ctx: ForwardCtx): tf.Tensor {
  const c = x.shape[x.rank - 1] as number;
  const x2 = x.reshape([-1, c]);
  const r = x2.shape[0] as number;
  let mean: tf.Tensor;
  let variance: tf.Tensor;
  let d: tf.Tensor;
  if (ctx.training) {
    mean = rowMean(x2);
    d = x2.sub(repeatRows(mean, r));
    variance = rowMean(d.square());
    if (ctx.updateStats) {
      const [m, v] = [mean, variance];
      const mom = BN_MOMENTUM;
      p.mean.assign(tf.tidy(() => p.mean.mul(1 - mom).add(m.reshape([c]).mul(mom))));
      p.variance.assign(tf.tidy(() => p.variance.mul(1 - mom).add(v.reshape([c]).mul(mom))));
    }
  } else {
    variance = p.variance;
    d = x2.sub(repeatRows(p.mean, r));
  }
  const scale = p.gamma.reshape([1, c]).mul(tf.rsqrt(variance.reshape([1, c]).add(BN_EPS)));
  return d.mul(repeatRows(scale, r)).add(repeatRows(p.beta, r)).reshape(x.shape);
}

// ---------------------------------------------------------------- layer norm

export interface LayerNorm {
  gain: tf.Variable;
  bias: tf.Variable;
}
export function makeLayerNorm(s: VarStore, c: number): LayerNorm {
  return { gain: s.ones([c]), bias: s.zeros([c]) };
}
/** LayerNorm over the last (channel) axis; row statistics by matmul with a ones vector. */
export function layerNorm(p: LayerNorm, x: tf.Tensor): tf.Tensor {
  const c = x.shape[x.rank - 1] as number;
  const x2 = x.reshape([-1, c]);
  const r = x2.shape[0] as number;
  if (!broadcastByMatmul()) {
    const d = x2.sub(x2.mean(1, true));
    const inv = tf.rsqrt(d.square().mean(1, true).add(1e-5));
    return d.mul(inv).mul(p.gain.reshape([1, c])).add(p.bias.reshape([1, c])).reshape(x.shape);
  }
  const avg = tf.fill([c, 1], 1 / c);
  const spread = tf.ones([1, c]);
  const d = x2.sub(tf.matMul(tf.matMul(x2, avg), spread));
  const inv = tf.rsqrt(tf.matMul(d.square(), avg).add(1e-5));
  return d.mul(tf.matMul(inv, spread)).mul(repeatRows(p.gain, r)).add(repeatRows(p.bias, r)).reshape(x.shape);
}

/** [N, L, C] → [N, C]: mean over positions (on cpu a batched matmul with ones). */
export function meanPositions(x: tf.Tensor): tf.Tensor {
  const [n, l] = x.shape as number[];
  return broadcastByMatmul() ? tf.matMul(tf.fill([n, 1, l], 1 / l), x).reshape([n, -1]) : x.mean(1);
}
/** [N, C] as an operand against [N, L, C]: repeated over the L positions (cpu) or [N, 1, C] to broadcast. */
export function repeatPositions(v: tf.Tensor, l: number): tf.Tensor {
  const n = v.shape[0] as number;
  return broadcastByMatmul() ? tf.matMul(tf.ones([n, l, 1]), v.reshape([n, 1, -1])) : v.reshape([n, 1, -1]);
}

/** Dropout at rate p in training mode (seeded), identity otherwise. */
export function dropout(x: tf.Tensor, p: number, ctx: ForwardCtx): tf.Tensor {
  return ctx.training && p > 0 ? tf.dropout(x, p, undefined, ctx.nextSeed()) : x;
}

/** Mish(x) = x · tanh(softplus(x)). */
export function mish(x: tf.Tensor): tf.Tensor {
  return x.mul(tf.tanh(tf.softplus(x)));
}
