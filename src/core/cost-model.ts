// Hardware cost model: a network's latency (ms) and energy (mJ) on
// a board = Σ of its layers' LUT entries — image backbone + audio backbone + one entry per
// fusion operator of the fusion genotype. A layer missing from the table is an error.

import type { BackboneGenome, Cost, FusionOp, Modality } from './types';
import type { DeviceTable, EntryStatus } from './device-table';
import { backboneLayers, type BackboneLayerKind } from './backbone-layers';

/** Channels C and positions L of the fused features the fusion LUT was measured at. */
export const FUSION_CHANNELS = 192;
export const FUSION_POSITIONS = 16;

/** A layer the device table has no entry for. */
export class MissingLayerError extends Error {
  constructor(
    readonly key: string,
    readonly deviceId: string,
  ) {
    super(`layer "${key}" is missing from the cost table of device "${deviceId}"`);
    this.name = 'MissingLayerError';
  }
}

/** LUT key of a fusion operator, e.g. `ConcatFC-input:1_192_16-N:1-C:192-L:16`. */
export function fusionOpKey(op: string, C = FUSION_CHANNELS, L = FUSION_POSITIONS): string {
  return `${op}-input:1_${C}_${L}-N:1-C:${C}-L:${L}`;
}

export interface LayerCost extends Cost {
  key: string;
  kind: BackboneLayerKind | 'fusion';
  blockIndex?: number;
  description: string;
  status: EntryStatus;
}

export interface PartCost extends Cost {
  layers: LayerCost[];
}

export interface NetworkCost extends Cost {
  image: PartCost;
  audio: PartCost;
  fusion: PartCost;
}

/** Cost of one layer; throws MissingLayerError rather than returning zero. */
export function layerCost(table: DeviceTable, key: string): Cost & { status: EntryStatus } {
  const entry = Object.prototype.hasOwnProperty.call(table.entries, key) ? table.entries[key] : undefined;
  if (!entry) throw new MissingLayerError(key, table.id);
  return { latencyMs: entry.latencyMs, energyMj: entry.energyMj, status: entry.status };
}

function sum(layers: LayerCost[]): PartCost {
  let latencyMs = 0;
  let energyMj = 0;
  for (const l of layers) {
    latencyMs += l.latencyMs;
    energyMj += l.energyMj;
  }
  return { latencyMs, energyMj, layers };
}

/** Cost of a unimodal backbone subnet, with the per-layer breakdown in forward order. */
export function backboneCost(table: DeviceTable, genome: BackboneGenome, modality: Modality): PartCost {
  return sum(
    backboneLayers(genome, modality).map((layer) => ({ ...layer, ...layerCost(table, layer.key) })),
  );
}

/** Cost of a list of fusion operators (one LUT entry per operator, repeats counted). */
export function fusionCost(table: DeviceTable, ops: readonly FusionOp[]): PartCost {
  return sum(
    ops.map((op) => {
      const key = fusionOpKey(op);
      return { key, kind: 'fusion' as const, description: `fusion operator ${op}`, ...layerCost(table, key) };
    }),
  );
}

export interface NetworkSpec {
  image: BackboneGenome;
  audio: BackboneGenome;
  /** Operators of the fusion genotype (see fusionOpsOf); empty = no fusion cost. */
  fusionOps: readonly FusionOp[];
}

/** Cost of a whole multimodal network: both backbones plus its fusion operators. */
export function networkCost(table: DeviceTable, spec: NetworkSpec): NetworkCost {
  const image = backboneCost(table, spec.image, 'image');
  const audio = backboneCost(table, spec.audio, 'audio');
  const fusion = fusionCost(table, spec.fusionOps);
  return {
    latencyMs: image.latencyMs + audio.latencyMs + fusion.latencyMs,
    energyMj: image.energyMj + audio.energyMj + fusion.energyMj,
    image,
    audio,
    fusion,
  };
}
