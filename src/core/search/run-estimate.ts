// Expected run time of a search before it starts, from measured unit costs (a short calibration
// on the chosen backend: one backbone scored per modality, one search epoch and one retraining
// epoch of a real fusion search on a cut training set) and the work the settings imply. The
// outer tier's counts are bounds: backbones found in the cache are not scored again, and the
// inner tier's early stop and number of distinct candidates are only known as it runs, so the
// estimate is a range, not a promise. Pure; times in seconds.

import { pairsPerGeneration, type SearchSettings } from './settings';

/** Measured on this backend (s); samples per training epoch the epoch times were measured on. */
export interface UnitCosts {
  backboneS: number;
  searchEpochS: number;
  retrainEpochS: number;
  /** Per fusion search, besides its epochs: caching features, the test pass. */
  pairOverheadS: number;
  measuredTrainSamples: number;
}

export interface RunEstimate {
  lowS: number;
  highS: number;
  backbonesAtMost: number;
  fusionSearchesAtMost: number;
}

/** Most candidates the inner tier retrains (the CLI and app default). */
export const MAX_CANDIDATES = 6;

export function estimateRunSeconds(s: SearchSettings, u: UnitCosts, trainSamples: number): RunEstimate {
  const perSample = trainSamples / Math.max(1, u.measuredTrainSamples);
  const search = s.fusionEpochs * u.searchEpochS * perSample;
  const retrainEpochs = s.paperFaithful ? 0 : s.retrainEpochs;
  // Fewest: one candidate that early-stops after its patience (3 epochs); most: one distinct
  // genotype per search epoch (at most MAX_CANDIDATES), each trained every epoch.
  const retrainLow = Math.min(retrainEpochs, 4) * u.retrainEpochS * perSample;
  const retrainHigh = Math.min(MAX_CANDIDATES, s.fusionEpochs) * retrainEpochs * u.retrainEpochS * perSample;
  const pairs = pairsPerGeneration(s);
  const fusionSearchesAtMost = pairs * s.generations;
  const backbonesAtMost = 2 * (s.populationSize + s.offspring * (s.generations - 1));
  // Low: the second generation onwards re-uses half its backbones and one pair in four.
  const backbonesLow = 2 * s.populationSize + s.offspring * (s.generations - 1);
  const searchesLow = pairs + Math.ceil(0.75 * pairs * (s.generations - 1));
  return {
    lowS: backbonesLow * u.backboneS + searchesLow * (u.pairOverheadS + search + retrainLow),
    highS: backbonesAtMost * u.backboneS + fusionSearchesAtMost * (u.pairOverheadS + search + retrainHigh),
    backbonesAtMost,
    fusionSearchesAtMost,
  };
}
