// What λ does to the inner tier's last choice: the retrained candidates of one fusion search,
// re-scored with another λ by the search's own rule (../fusion-candidate-choice.ts) and their LUT
// fusion cost (../cost-model.ts). λ also steers the architecture steps during the search, which
// this re-scoring cannot show: it only re-ranks the candidates that search produced.

import { bestCandidate, candidateObjective, hardwareWeights, type CandidateScore } from '../fusion-candidate-choice';
import { fusionCost } from '../cost-model';
import type { DeviceTable } from '../device-table';
import type { CandidateSummary } from '../search-events';
import type { Objective } from '../search/settings';

export interface RescoredCandidate {
  fusionOps: string[];
  valAccuracy: number;
  valCrossEntropy: number;
  fusionLatencyMs: number;
  fusionEnergyMj: number;
  /** Objective at the chosen λ. */
  objective: number;
  /** Chosen at this λ. */
  chosen: boolean;
  /** Kept by the run (at its own λ). */
  keptByRun: boolean;
}

export function rescoreCandidates(
  candidates: readonly CandidateSummary[],
  table: DeviceTable,
  lambda: number,
  objectives: readonly Objective[],
): RescoredCandidate[] {
  if (candidates.length === 0) return [];
  const w = hardwareWeights({ lambda, objectives });
  const scores: CandidateScore[] = candidates.map((c) => {
    const cost = fusionCost(table, c.fusionOps);
    return { valCrossEntropy: c.valCrossEntropy, valAccuracy: c.valAccuracy, fusionLatencyMs: cost.latencyMs, fusionEnergyMj: cost.energyMj };
  });
  const best = bestCandidate(scores, w.lambda, w.energyLambda);
  return scores.map((s, i) => ({
    fusionOps: [...candidates[i].fusionOps],
    ...s,
    objective: candidateObjective(s, w.lambda, w.energyLambda),
    chosen: i === best,
    keptByRun: candidates[i].kept,
  }));
}
