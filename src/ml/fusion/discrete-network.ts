// The discrete fusion network of a genotype: what the inner tier found, built
// with fresh weights for retraining. Cell i fuses two of the states (0..7 projected backbone
// features, 8.. earlier cell outputs); its node steps apply one operator each to their fixed
// operands; node output and head as in the search network (cell-common.ts). Only the
// features some cell reads are projected.

import * as tf from '@tensorflow/tfjs';
import type { FusionGenotype } from '../../core/types';
import { validateFusionGenotype } from '../../core/fusion-genotype';
import type { Rng } from '../../core/rng';
import { type ForwardCtx, type LayerNorm, VarStore, makeLayerNorm } from './layers';
import { type Projection, makeProjections, project } from './feature-projection';
import { type OpParams, applyOp, makeOp } from './ops';
import { type FusionNetConfig, type Head, applyHead, checkConfig, makeHead, nodeOutput } from './cell-common';
import { stepInputsOf } from './discretise';

interface DiscreteCell {
  inputs: [number, number];
  steps: { inputs: [number, number]; op: OpParams }[];
  ln: LayerNorm;
}

export interface DiscreteNet {
  cfg: FusionNetConfig;
  store: VarStore;
  /** Indices of the features some cell reads (sorted); only these are projected. */
  used: number[];
  /** Projections of the `used` features, in that order. */
  projections: Projection[];
  cells: DiscreteCell[];
  head: Head;
}

/** Builds the network of `genotype` (cells/nodes of cfg are taken from the genotype). */
export function createDiscreteNet(
  genotype: FusionGenotype,
  cfg: Omit<FusionNetConfig, 'cells' | 'nodes'>,
  rng: Rng,
): DiscreteNet {
  const stepInputs = genotype.cells.map(stepInputsOf);
  const g = validateFusionGenotype(genotype);
  const full: FusionNetConfig = { ...cfg, cells: g.cells.length, nodes: g.cells[0].ops.length };
  checkConfig(full);
  const store = new VarStore(rng.fork());
  const used = [...new Set(g.cells.flatMap((c) => c.inputs).filter((k) => k < cfg.featureChannels.length))].sort((a, b) => a - b);
  const projections = makeProjections(store, used.map((k) => cfg.featureChannels[k]), cfg.c);
  const cells = g.cells.map((cell, i): DiscreteCell => {
    const steps = cell.ops.map((op, t) => {
      const [a, b] = stepInputs[i][t];
      if (a === b || Math.max(a, b) >= 2 + t || Math.min(a, b) < 0) {
        throw new Error(`cell ${i + 1} step ${t + 1}: operands ${a}, ${b} must be distinct and in 0..${1 + t}`);
      }
      return { inputs: [a, b] as [number, number], op: makeOp(store, op, cfg.c) };
    });
    return { inputs: cell.inputs, steps, ln: makeLayerNorm(store, cfg.c) };
  });
  return { cfg: full, store, used, projections, cells, head: makeHead(store, full) };
}

export function disposeDiscreteNet(net: DiscreteNet): void {
  net.store.dispose();
}

/** Logits [N, classes] on the 8 pooled features ([N, 16, Cin] or [N, 4, 4, Cin]). */
export function discreteForward(net: DiscreteNet, features: tf.Tensor[], ctx: ForwardCtx): tf.Tensor2D {
  const states: tf.Tensor[] = [];
  net.used.forEach((k, i) => (states[k] = project(net.projections[i], features[k], ctx)));
  const outputs: tf.Tensor[] = [];
  net.cells.forEach((cell, i) => {
    const x = states[cell.inputs[0]];
    const y = ctx.sameOperands ? x : states[cell.inputs[1]];
    const cands: tf.Tensor[] = [x, y];
    const steps = cell.steps.map((s) => {
      const u = cands[s.inputs[0]];
      const v = ctx.sameOperands ? u : cands[s.inputs[1]];
      const out = applyOp(s.op, u, v, ctx);
      cands.push(out);
      return out;
    });
    const out = nodeOutput(cell.ln, x, steps);
    outputs.push(out);
    states[net.cfg.featureChannels.length + i] = out;
  });
  return applyHead(net.head, outputs);
}
