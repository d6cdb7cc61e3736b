// Discretisation of the inner tier (DESIGN §1): the mixed search network's softmax weights →
// a discrete fusion genotype. Per cell, the two distinct inputs whose slot weights are jointly
// highest (argmax over i ≠ j of α₀[i]·α₁[j]; ties → lower indices); per node step, the
// operator with the highest γ and, likewise, its two distinct operands from β.
// Pure numbers in, JSON out — no tensors.

import type { FusionCellGenotype, FusionGenotype, FusionOp } from '../../core/types';
import { FUSION_OPS } from '../../core/types';
import type { ArchWeights } from './search-network';

/**
 * A cell of a genotype found by search: also which operands each node step takes —
 * indices 0 = the cell's first input, 1 = its second input, 2 + s = the output of step s.
 * `validateFusionGenotype` of src/core drops this field; networks built without it use
 * `defaultStepInputs`.
 */
export interface SearchedCellGenotype extends FusionCellGenotype {
  stepInputs: [number, number][];
}
export interface SearchedGenotype extends FusionGenotype {
  cells: SearchedCellGenotype[];
}

/** Operands of step t when a genotype does not say: step 0 fuses (x, y), step t (step t−1, y). */
export function defaultStepInputs(t: number): [number, number] {
  return t === 0 ? [0, 1] : [2 + t - 1, 1];
}

/** The step operands of a cell: its own `stepInputs` if present, else the default wiring. */
export function stepInputsOf(cell: FusionCellGenotype): [number, number][] {
  const given = (cell as Partial<SearchedCellGenotype>).stepInputs;
  return cell.ops.map((_, t) => given?.[t] ?? defaultStepInputs(t));
}

/** The ordered pair (i, j), i ≠ j, maximising first[i]·second[j]. Needs ≥ 2 candidates. */
export function bestDistinctPair(first: readonly number[], second: readonly number[]): [number, number] {
  if (first.length < 2 || first.length !== second.length) {
    throw new Error(`bestDistinctPair needs two equal lists of ≥ 2 weights, got ${first.length} and ${second.length}`);
  }
  let best: [number, number] = [0, 1];
  let bestScore = -Infinity;
  for (let i = 0; i < first.length; i++) {
    for (let j = 0; j < second.length; j++) {
      if (i === j) continue;
      const score = first[i] * second[j];
      if (score > bestScore) {
        bestScore = score;
        best = [i, j];
      }
    }
  }
  return best;
}

export function argmax(xs: readonly number[]): number {
  let k = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[k]) k = i;
  return k;
}

export function discretise(w: ArchWeights): SearchedGenotype {
  return {
    cells: w.alphas.map((alpha, c) => {
      const ops: FusionOp[] = w.gammas[c].map((g) => FUSION_OPS[argmax(g)]);
      const stepInputs = w.betas[c].map((beta) => bestDistinctPair(beta[0], beta[1]));
      return { inputs: bestDistinctPair(alpha[0], alpha[1]), ops, stepInputs };
    }),
  };
}
