// Why latency is not FLOPs (the lookup-table lesson): the same stage block (the second, 24→24
// channels, stride 1) at every kernel size and expand ratio, its multiply-accumulates counted
// from the layer's shape and its latency read from a device table.

import { backboneLayers } from '../backbone-layers';
import { layerCost } from '../cost-model';
import type { DeviceTable } from '../device-table';
import { EXPAND_CHOICES, KERNEL_CHOICES, type BackboneGenome, type ExpandRatio, type KernelSize, type Modality } from '../types';

export interface BlockVariant {
  kernel: number;
  expand: number;
  key: string;
  /** Multiply-accumulates of the block at batch 1: 1×1 expand, k×k depthwise, 1×1 project. */
  macs: number;
  latencyMs: number;
  energyMj: number;
}

const KEY = /input:1_(\d+)_(\d+)_\d+-in_ch:(\d+)-out_ch:(\d+)-mid_ch:(\d+)-expand:\d+-kernel:(\d+)-stride:(\d+)/;

/** MACs of an MBConv layer from its LUT key (same padding). */
export function mbconvMacs(key: string): number {
  const m = KEY.exec(key);
  if (!m) throw new Error(`not an MBConv layer key: ${key}`);
  const [h, cin, cout, mid, k, s] = [m[2], m[3], m[4], m[5], m[6], m[7]].map(Number);
  const hOut = Math.floor((h + 2 * Math.floor(k / 2) - k) / s) + 1;
  return h * h * cin * mid + hOut * hOut * mid * k * k + hOut * hOut * mid * cout;
}

/** The second stage block at every (kernel, expand), priced on `table`. */
export function secondBlockVariants(table: DeviceTable, modality: Modality = 'image'): BlockVariant[] {
  const out: BlockVariant[] = [];
  for (const kernel of KERNEL_CHOICES) {
    for (const expand of EXPAND_CHOICES) {
      const genome: BackboneGenome = { ks: [3, kernel as KernelSize, 3, 3], e: [3, expand as ExpandRatio, 3, 3], d: 2 };
      const layer = backboneLayers(genome, modality).find((l) => l.kind === 'stage' && l.blockIndex === 1)!;
      const cost = layerCost(table, layer.key);
      out.push({ kernel, expand, key: layer.key, macs: mbconvMacs(layer.key), latencyMs: cost.latencyMs, energyMj: cost.energyMj });
    }
  }
  return out;
}
