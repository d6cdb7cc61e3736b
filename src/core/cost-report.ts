// The cost CLI's report (scripts/cost.ts prints it): a multimodal network priced from a device
// table — LUT(image backbone) + LUT(audio backbone) + Σ LUT(fusion operators) — as one
// JSON-ready object with totals and per-part, per-layer breakdowns, rounded to 3 decimals.
// Pure: no I/O; a layer missing from the table throws (cost-model's MissingLayerError).

import { formatGenome } from './genome';
import { networkCost, type LayerCost, type NetworkSpec, type PartCost } from './cost-model';
import type { DeviceTable, EntryStatus } from './device-table';
import type { FusionOp } from './types';

/** Rounds to 3 decimals for printing. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export interface LayerReport {
  key: string;
  kind: LayerCost['kind'];
  blockIndex?: number;
  description: string;
  latencyMs: number;
  energyMj: number;
  status: EntryStatus;
}

export interface PartReport {
  latencyMs: number;
  energyMj: number;
  layers: LayerReport[];
}

export interface CostReport {
  device: string;
  deviceName: string;
  latencyMs: number;
  energyMj: number;
  units: { latency: 'ms'; energy: 'mJ' };
  image: { genome: string } & PartReport;
  audio: { genome: string } & PartReport;
  fusion: { ops: FusionOp[] } & PartReport;
  /** Citation of the measurements the table holds. */
  source: string;
}

const layerReport = (l: LayerCost): LayerReport => ({
  key: l.key,
  kind: l.kind,
  ...(l.blockIndex !== undefined ? { blockIndex: l.blockIndex } : {}),
  description: l.description,
  latencyMs: round3(l.latencyMs),
  energyMj: round3(l.energyMj),
  status: l.status,
});

const partReport = (p: PartCost): PartReport => ({
  latencyMs: round3(p.latencyMs),
  energyMj: round3(p.energyMj),
  layers: p.layers.map(layerReport),
});

/** The priced network on `table`'s device. */
export function costReport(table: DeviceTable, network: NetworkSpec): CostReport {
  const cost = networkCost(table, network);
  return {
    device: table.id,
    deviceName: table.name,
    latencyMs: round3(cost.latencyMs),
    energyMj: round3(cost.energyMj),
    units: { latency: 'ms', energy: 'mJ' },
    image: { genome: formatGenome(network.image), ...partReport(cost.image) },
    audio: { genome: formatGenome(network.audio), ...partReport(cost.audio) },
    fusion: { ops: [...network.fusionOps], ...partReport(cost.fusion) },
    source: table.source.citation,
  };
}
