// The inner tier's last choice: among the retrained candidate genotypes of one fusion search,
// keep the one with the lowest validation objective, mean cross-entropy + λ·fusion latency (ms)
// + λE·fusion energy (mJ). Pure, so the search (src/ml/fusion/candidates.ts) and the Learn
// panel's λ lesson score candidates with the same code.

export interface CandidateScore {
  /** Mean cross-entropy of the retrained network on validation. */
  valCrossEntropy: number;
  /** Accuracy (%) of the retrained network on validation. */
  valAccuracy: number;
  /** LUT latency (ms) / energy (mJ) of the candidate's fusion operators. */
  fusionLatencyMs: number;
  fusionEnergyMj: number;
}

/** The validation objective of a retrained candidate: CE + λ·latency (ms) + λE·energy (mJ). */
export function candidateObjective(s: CandidateScore, lambda: number, energyLambda: number): number {
  return s.valCrossEntropy + lambda * s.fusionLatencyMs + energyLambda * s.fusionEnergyMj;
}

/**
 * Index of the candidate to keep: lowest objective; on a tie, higher validation accuracy, then
 * the earlier candidate.
 */
export function bestCandidate(scores: readonly CandidateScore[], lambda: number, energyLambda: number): number {
  if (scores.length === 0) throw new Error('no candidate to choose from');
  let best = 0;
  for (let i = 1; i < scores.length; i++) {
    const a = candidateObjective(scores[i], lambda, energyLambda);
    const b = candidateObjective(scores[best], lambda, energyLambda);
    if (a < b || (a === b && scores[i].valAccuracy > scores[best].valAccuracy)) best = i;
  }
  return best;
}

/**
 * The inner tier's hardware weights for a run: λ on latency when latency is an objective, λ on
 * energy when energy is (0 otherwise).
 */
export function hardwareWeights(s: { lambda: number; objectives: readonly string[] }): { lambda: number; energyLambda: number } {
  return { lambda: s.objectives.includes('latency') ? s.lambda : 0, energyLambda: s.objectives.includes('energy') ? s.lambda : 0 };
}
