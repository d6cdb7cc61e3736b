// The DARTS search network of the inner tier: every choice is a softmax mixture.
//
// Architecture parameters (all tf.Variables, listed in `archVars`):
// - α (one per cell i, shape [2, 8 + i]): the cell's two input slots (first, second), each a
//   softmax over its candidate inputs — the 8 projected backbone features and the outputs of
//   earlier cells. Slot input = Σ_j softmax(α[slot])_j · candidate_j. Two slots with their own
//   weights (rather than one set of {none, skip} edge weights summed into a single tensor)
//   keep the two operands distinct during search; there is no `none` candidate, since it
//   would only rescale the mixture and discretisation ignores it anyway.
// - β (one per cell and step t, shape [2, 2 + t]): the step's two operand slots, each a
//   softmax over the cell's two inputs (0 = first, 1 = second) and the earlier steps (2 + s).
// - γ (one per cell and step, shape [6]): softmax weights of the six operators (FUSION_OPS
//   order); the step output is Σ_o softmax(γ)_o · op_o(u, v).
// Initial values are 1e-3 · N(0, 1) from the seeded Rng (near-uniform, ties broken).

import * as tf from '@tensorflow/tfjs';
import { FUSABLE_FEATURES } from '../../core/fusion-genotype';
import { FUSION_OPS } from '../../core/types';
import type { Rng } from '../../core/rng';
import { type ForwardCtx, type LayerNorm, VarStore, makeLayerNorm } from './layers';
import { type Projection, makeProjections, projectAll } from './feature-projection';
import { type OpParams, applyOp, makeAllOps } from './ops';
import {
  type FusionNetConfig,
  type Head,
  applyHead,
  checkConfig,
  makeHead,
  mixTensors,
  nodeOutput,
} from './cell-common';

export interface SearchCell {
  alpha: tf.Variable; // [2, 8 + i]
  betas: tf.Variable[]; // per step [2, 2 + t]
  gammas: tf.Variable[]; // per step [6]
  ops: OpParams[][]; // per step, one instance of each operator
  ln: LayerNorm;
}

export interface SearchNet {
  cfg: FusionNetConfig;
  /** Operator, projection and head weights, plus BN running statistics. */
  store: VarStore;
  projections: Projection[];
  cells: SearchCell[];
  head: Head;
  /** α, β, γ of all cells — the upper-level variables. */
  archVars: tf.Variable[];
}

function archVar(rng: Rng, shape: number[]): tf.Variable {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = Float32Array.from({ length: n }, () => 1e-3 * rng.normal());
  return tf.tidy(() => tf.variable(tf.tensor(data, shape), true));
}

export function createSearchNet(cfg: FusionNetConfig, rng: Rng): SearchNet {
  checkConfig(cfg);
  const store = new VarStore(rng.fork());
  const archRng = rng.fork();
  const projections = makeProjections(store, cfg.featureChannels, cfg.c);
  const cells: SearchCell[] = [];
  const archVars: tf.Variable[] = [];
  for (let i = 0; i < cfg.cells; i++) {
    const alpha = archVar(archRng, [2, FUSABLE_FEATURES + i]);
    const betas: tf.Variable[] = [];
    const gammas: tf.Variable[] = [];
    const ops: OpParams[][] = [];
    for (let t = 0; t < cfg.nodes; t++) {
      betas.push(archVar(archRng, [2, 2 + t]));
      gammas.push(archVar(archRng, [FUSION_OPS.length]));
      ops.push(makeAllOps(store, cfg.c));
    }
    archVars.push(alpha, ...betas, ...gammas);
    cells.push({ alpha, betas, gammas, ops, ln: makeLayerNorm(store, cfg.c) });
  }
  return { cfg, store, projections, cells, head: makeHead(store, cfg), archVars };
}

export function disposeSearchNet(net: SearchNet): void {
  net.store.dispose();
  for (const v of net.archVars) v.dispose();
}

/** Logits [N, classes] of the mixed network on the 8 pooled features ([N, 16, Cin] or [N, 4, 4, Cin]). */
export function searchForward(net: SearchNet, features: tf.Tensor[], ctx: ForwardCtx): tf.Tensor2D {
  const states: tf.Tensor[] = projectAll(net.projections, features, ctx);
  const outputs: tf.Tensor[] = [];
  for (const cell of net.cells) {
    const [x, y] = mixPair(tf.softmax(cell.alpha, -1), states, ctx);
    const cands = [x, y];
    const steps: tf.Tensor[] = [];
    cell.gammas.forEach((gamma, t) => {
      const [u, v] = mixPair(tf.softmax(cell.betas[t], -1), cands, ctx);
      const outs = cell.ops[t].map((op) => applyOp(op, u, v, ctx));
      const s = mixTensors(tf.softmax(gamma), outs);
      steps.push(s);
      cands.push(s);
    });
    const out = nodeOutput(cell.ln, x, steps);
    outputs.push(out);
    states.push(out);
  }
  return applyHead(net.head, outputs);
}

/** Both slot mixtures at once: w [2, m] · cands → (first, second); second = first if sameOperands. */
function mixPair(w: tf.Tensor, cands: tf.Tensor[], ctx: ForwardCtx): [tf.Tensor, tf.Tensor] {
  if (ctx.sameOperands) {
    const x = mixTensors(w.slice([0, 0], [1, -1]), cands);
    return [x, x];
  }
  const shape = cands[0].shape;
  const both = tf.matMul(w, tf.stack(cands).reshape([cands.length, -1]));
  const [a, b] = tf.split(both, 2, 0);
  return [a.reshape(shape), b.reshape(shape)];
}

/** Softmax weights of every architecture choice, as plain numbers (for discretisation, UI). */
export interface ArchWeights {
  /** Per cell: [slot][candidate]. */
  alphas: number[][][];
  /** Per cell, per step: [slot][candidate]. */
  betas: number[][][][];
  /** Per cell, per step: weight of each operator (FUSION_OPS order). */
  gammas: number[][][];
}

export function archWeights(net: SearchNet): ArchWeights {
  const rows = (v: tf.Variable) => tf.tidy(() => tf.softmax(v, -1).arraySync()) as number[][];
  const vec = (v: tf.Variable) => tf.tidy(() => tf.softmax(v).arraySync()) as number[];
  return {
    alphas: net.cells.map((c) => rows(c.alpha)),
    betas: net.cells.map((c) => c.betas.map(rows)),
    gammas: net.cells.map((c) => c.gammas.map(vec)),
  };
}
