// Every layer key the search space can price: each backbone layer any genome of either
// modality has (stem, block0, every stage block at every kernel and expand ratio it can take,
// the head) and each fusion operator at the tables' C and L. What a device table must hold for
// every network of the space to be priced; the profiling worker measures exactly these.

import { backboneLayers } from './backbone-layers';
import { fusionOpKey } from './cost-model';
import { DEPTH_CHOICES, EXPAND_CHOICES, FUSION_OPS, KERNEL_CHOICES, STAGE_BLOCKS, type BackboneGenome, type Modality } from './types';

export const MODALITIES: readonly Modality[] = ['image', 'audio'];

/** Backbone layer keys of one modality, in first-seen order. */
export function backboneLayerKeys(modality: Modality): string[] {
  const keys = new Set<string>();
  for (const d of DEPTH_CHOICES) {
    for (let i = 0; i < d; i++) {
      for (const k of KERNEL_CHOICES) {
        for (const e of EXPAND_CHOICES) {
          const genome: BackboneGenome = {
            ks: Array.from({ length: STAGE_BLOCKS }, (_, j) => (j === i ? k : 3)) as BackboneGenome['ks'],
            e: Array.from({ length: STAGE_BLOCKS }, (_, j) => (j === i ? e : 3)) as BackboneGenome['e'],
            d,
          };
          for (const l of backboneLayers(genome, modality)) keys.add(l.key);
        }
      }
    }
  }
  return [...keys];
}

export function fusionLayerKeys(): string[] {
  return FUSION_OPS.map((op) => fusionOpKey(op));
}

/** Every key the space needs: both modalities' backbone layers, then the fusion operators. */
export function searchSpaceLayerKeys(): string[] {
  return [...new Set([...MODALITIES.flatMap(backboneLayerKeys), ...fusionLayerKeys()])];
}
