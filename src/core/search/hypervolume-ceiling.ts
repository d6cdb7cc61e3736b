// The most hypervolume any front can have on a device: the box between the reference point and
// the ideal point — 0 % error, the least latency (ms) and the least energy (mJ) any network of
// the search space has (each minimised on its own, so no single network need reach it). Every
// network of the space is dominated by the ideal point, so every front's hypervolume is at most
// this. It tells how much room a search has: when random search already reaches 95 % of the
// ceiling, no search can beat it by much under the same reference point.

import type { DeviceTable } from '../device-table';
import { fusionCost } from '../cost-model';
import { FUSION_OPS } from '../types';
import { costliestBackbone, type HypervolumeReference } from './archive';

/** The least latency (ms) and energy (mJ) of any network of the space (one cell, one node). */
export function minNetworkCost(table: DeviceTable): { latencyMs: number; energyMj: number } {
  let latencyMs = 0;
  let energyMj = 0;
  for (const modality of ['image', 'audio'] as const) {
    latencyMs += costliestBackbone(table, modality, 'latencyMs', 'min').value;
    energyMj += costliestBackbone(table, modality, 'energyMj', 'min').value;
  }
  const ops = FUSION_OPS.map((op) => fusionCost(table, [op]));
  return { latencyMs: latencyMs + Math.min(...ops.map((c) => c.latencyMs)), energyMj: energyMj + Math.min(...ops.map((c) => c.energyMj)) };
}

/** Normalised hypervolume (0–1, as archiveHypervolume's) of the ideal point: an upper bound for every front. */
export function hypervolumeCeiling(table: DeviceTable, ref: HypervolumeReference): number {
  const min = minNetworkCost(table);
  const ideal = ref.objectives.map((o) => (o === 'error' ? 0 : o === 'latency' ? min.latencyMs : min.energyMj));
  return ideal.reduce((acc, v, i) => acc * Math.max(0, (ref.point[i] - v) / ref.point[i]), 1);
}
