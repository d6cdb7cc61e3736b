// Choosing the inner tier's genotype on validation only (docs/ARCHITECTURE.md, 'Inner tier'),
// beyond DARTS's own argmax. The mixed network's loss says little about its
// discretised argmax (DARTS's discretisation gap): on the frugal AV-MNIST pair at C 192 the
// cells took both modalities for the first epochs, then drifted to audio-only inputs while the
// mixed network's validation loss kept falling (97.3 % test after 25 epochs). So every distinct
// genotype the search passed through is a candidate; each is retrained from fresh weights
// (train split, early-stopped on validation) and the one with the lowest validation objective
// — mean cross-entropy of the retrained network + λ·fusion latency (ms) + λE·fusion energy (mJ),
// the same objective the architecture steps descend, now on the discrete network — is kept.
// The test split is never looked at. Pure: genotypes and numbers in, choices out.

import type { SearchedGenotype } from './discretise';
import { fusionGenotypeToJson } from '../../core/fusion-genotype';

export interface GenotypeCandidate {
  genotype: SearchedGenotype;
  /** Search epochs (1-based) whose discretisation gave this genotype. */
  epochs: number[];
}

/** A stable text key of a genotype: its JSON (inputs, operators and step operands of every cell). */
export const genotypeKey = (g: SearchedGenotype): string => fusionGenotypeToJson(g);

/**
 * The distinct genotypes of a search's epochs, in order of first appearance. With more than
 * `max`, `max` of them spread evenly over that order (always the first and the last).
 */
export function epochCandidates(
  history: readonly { epoch: number; genotype: SearchedGenotype }[],
  max: number,
): GenotypeCandidate[] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`max candidates must be an integer ≥ 1, got ${max}`);
  const byKey = new Map<string, GenotypeCandidate>();
  for (const e of history) {
    const key = genotypeKey(e.genotype);
    const known = byKey.get(key);
    if (known) known.epochs.push(e.epoch);
    else byKey.set(key, { genotype: e.genotype, epochs: [e.epoch] });
  }
  const all = [...byKey.values()];
  if (all.length <= max) return all;
  if (max === 1) return [all[all.length - 1]];
  const picks = new Set<number>();
  for (let k = 0; k < max; k++) picks.add(Math.round((k * (all.length - 1)) / (max - 1)));
  return [...picks].sort((a, b) => a - b).map((i) => all[i]);
}

// The choice among retrained candidates is pure and shared with the Learn panel (λ lesson).
export { type CandidateScore, bestCandidate, candidateObjective } from '../../core/fusion-candidate-choice';
