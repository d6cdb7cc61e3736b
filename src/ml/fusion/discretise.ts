// Discretisation of the inner tier: the mixed search network's softmax weights →
// a discrete fusion genotype. Per cell, the two distinct inputs whose slot weights are jointly
// highest (argmax over i ≠ j of α₀[i]·α₁[j]; ties → lower indices); per node step, the
// operator with the highest γ and, likewise, its two distinct operands from β.
// With `bothModalities`, a genotype whose reachable cells read only one modality is repaired:
// one cell's input pair is replaced by the pair that adds the missing modality at the smallest
// loss of α-score (α₀[i]·α₁[j] relative to the cell's argmax), so every genotype is a fusion
// of the two backbones it is priced for (src/core/fusion-modalities.ts says why).
// Pure numbers in, JSON out — no tensors.

import type { FusionCellGenotype, FusionGenotype, FusionOp } from '../../core/types';
import { FUSION_OPS } from '../../core/types';
import type { ArchWeights } from './search-network';
import { readsBothModalities } from '../../core/fusion-modalities';

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

export interface DiscretiseOptions {
  /** Repair a genotype that reads one modality only (default false). */
  bothModalities?: boolean;
}

export function discretise(w: ArchWeights, o: DiscretiseOptions = {}): SearchedGenotype {
  const g: SearchedGenotype = {
    cells: w.alphas.map((alpha, c) => {
      const ops: FusionOp[] = w.gammas[c].map((g) => FUSION_OPS[argmax(g)]);
      const stepInputs = w.betas[c].map((beta) => bestDistinctPair(beta[0], beta[1]));
      return { inputs: bestDistinctPair(alpha[0], alpha[1]), ops, stepInputs };
    }),
  };
  return o.bothModalities && !readsBothModalities(g) ? withBothModalities(g, w.alphas) : g;
}

/**
 * The genotype with one cell's inputs changed so that it reads both modalities, choosing the
 * change that keeps the most α-score: max over cells c and pairs (i ≠ j) of
 * α₀[i]·α₁[j] / α₀[argmax]·α₁[argmax] (first cell, then lower indices, on a tie).
 */
function withBothModalities(g: SearchedGenotype, alphas: number[][][]): SearchedGenotype {
  let best: { cell: number; pair: [number, number]; ratio: number } | null = null;
  g.cells.forEach((cell, c) => {
    const [first, second] = alphas[c];
    const current = first[cell.inputs[0]] * second[cell.inputs[1]];
    for (let i = 0; i < first.length; i++) {
      for (let j = 0; j < second.length; j++) {
        if (i === j) continue;
        const ratio = (first[i] * second[j]) / current;
        if (best && ratio <= best.ratio) continue;
        const trial = { cells: g.cells.map((x, k) => (k === c ? { ...x, inputs: [i, j] as [number, number] } : x)) };
        if (readsBothModalities(trial)) best = { cell: c, pair: [i, j], ratio };
      }
    }
  });
  if (!best) throw new Error('no single cell change makes this genotype read both modalities');
  const { cell, pair } = best;
  return { cells: g.cells.map((x, k) => (k === cell ? { ...x, inputs: pair } : x)) };
}
