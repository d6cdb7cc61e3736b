// Outer tier, the unimodal selection step: per modality, the population's distinct backbones are
// ranked by non-dominated sorting and crowding distance on [100 − selection accuracy %, latency ms,
// energy mJ] (the scores of the unimodal evaluation, costs from the device table), and the best
// `count` survive. Each survivor keeps the first individual that carries it: the pairs inherit
// their macro genes from these individuals (survivor-pairing.ts chooses the pairs).

import type { BackboneGenome, Modality } from '../types';
import { canonicalGenome, genomeKey } from '../genome';
import { selectSurvivors } from '../nsga2';
import { selectionAccuracy } from './evaluator';
import type { BackboneRecord, Individual } from './engine-state';

export interface BackboneSurvivor {
  genome: BackboneGenome;
  source: Individual;
}

/** The best `count` distinct backbones of `modality` in the population (fewer if fewer exist). */
export function backboneSurvivors(
  population: readonly Individual[],
  backbones: Readonly<Record<string, BackboneRecord>>,
  modality: Modality,
  count: number,
): BackboneSurvivor[] {
  const distinct = new Map<string, Individual>();
  for (const ind of population) {
    const key = genomeKey(ind[modality]);
    if (!distinct.has(key)) distinct.set(key, ind);
  }
  const keys = [...distinct.keys()];
  const objectives = keys.map((k) => {
    const b = backbones[`${modality}/${k}`];
    if (!b) throw new Error(`backbone ${modality}/${k} was never scored`);
    return [100 - selectionAccuracy(b), b.latencyMs, b.energyMj];
  });
  return selectSurvivors(objectives, Math.min(count, keys.length)).map((i) => {
    const source = distinct.get(keys[i])!;
    return { genome: canonicalGenome(source[modality]), source };
  });
}
