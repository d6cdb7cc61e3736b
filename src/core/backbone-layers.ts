// The layers of a unimodal backbone subnet (see docs/ARCHITECTURE.md, 'Supernets'), named with the
// layer-key grammar of the Harmonic-NAS LUTs (scripts/reference-luts/), so that a backbone's cost
// is the sum of its layers' table entries. Input: 28×28 image, 20×20 audio map (the paper's MFCC shape; ours log-mel), 1 channel.

import type { BackboneGenome, Modality } from './types';

/** Input height = width per modality (pixels / audio bands × frames). */
export const INPUT_SIZE: Record<Modality, number> = { image: 28, audio: 20 };

export const STEM_CHANNELS = 16;
export const STAGE_CHANNELS = 24;
export const HEAD_CHANNELS = 40;
export const FEATURE_CHANNELS = 80;
export const NUM_CLASSES = 10;

export type BackboneLayerKind = 'stem' | 'block0' | 'stage' | 'head';

export interface BackboneLayer {
  /** LUT key, e.g. `ConvLayer-input:1_1_28_28-in_ch:1-out_ch:16-kernel:3-stride:2-use_se:0-use_bn:1`. */
  key: string;
  kind: BackboneLayerKind;
  /** 0-based index of the block within the searchable stage (kind 'stage' only). */
  blockIndex?: number;
  /** Short human description, e.g. `MBConv k5 e3 16→24 stride 2 at 14×14`. */
  description: string;
}

/** Output size of a 'same'-padded conv (padding k//2): ⌊(h + 2⌊k/2⌋ − k)/s⌋ + 1. */
export function convOutputSize(h: number, kernel: number, stride: number): number {
  const pad = Math.floor(kernel / 2);
  return Math.floor((h + 2 * pad - kernel) / stride) + 1;
}

function convKey(cin: number, h: number, cout: number, k: number, s: number, bn: 0 | 1): string {
  return `ConvLayer-input:1_${cin}_${h}_${h}-in_ch:${cin}-out_ch:${cout}-kernel:${k}-stride:${s}-use_se:0-use_bn:${bn}`;
}

function mbconvKey(cin: number, h: number, cout: number, e: number, k: number, s: number): string {
  const mid = e === 1 ? 0 : cin * e;
  return `MBConvLayer-input:1_${cin}_${h}_${h}-in_ch:${cin}-out_ch:${cout}-mid_ch:${mid}-expand:${e}-kernel:${k}-stride:${s}-use_se:0`;
}

/** The subnet's layers in forward order: stem, block0, the d active stage blocks, head. */
export function backboneLayers(genome: BackboneGenome, modality: Modality): BackboneLayer[] {
  const h0 = INPUT_SIZE[modality];
  if (h0 === undefined) throw new Error(`unknown modality "${modality}": allowed image, audio`);
  const layers: BackboneLayer[] = [];
  const h1 = convOutputSize(h0, 3, 2);
  layers.push({
    key: convKey(1, h0, STEM_CHANNELS, 3, 2, 1),
    kind: 'stem',
    description: `stem conv 3×3 stride 2, 1→${STEM_CHANNELS} at ${h0}×${h0}`,
  });
  layers.push({
    key: mbconvKey(STEM_CHANNELS, h1, STEM_CHANNELS, 1, 3, 1),
    kind: 'block0',
    description: `MBConv k3 e1 ${STEM_CHANNELS}→${STEM_CHANNELS} at ${h1}×${h1}`,
  });
  let h = h1;
  for (let i = 0; i < genome.d; i++) {
    const first = i === 0;
    const cin = first ? STEM_CHANNELS : STAGE_CHANNELS;
    const stride = first ? 2 : 1;
    const k = genome.ks[i];
    const e = genome.e[i];
    layers.push({
      key: mbconvKey(cin, h, STAGE_CHANNELS, e, k, stride),
      kind: 'stage',
      blockIndex: i,
      description: `MBConv k${k} e${e} ${cin}→${STAGE_CHANNELS}${first ? ' stride 2' : ''} at ${h}×${h}`,
    });
    h = convOutputSize(h, k, stride);
  }
  layers.push({
    key: convKey(STAGE_CHANNELS, h, HEAD_CHANNELS, 1, 1, 1),
    kind: 'head',
    description: `head conv 1×1 ${STAGE_CHANNELS}→${HEAD_CHANNELS} at ${h}×${h}`,
  });
  layers.push({
    key: convKey(HEAD_CHANNELS, 1, FEATURE_CHANNELS, 1, 1, 0),
    kind: 'head',
    description: `global average pool, conv 1×1 ${HEAD_CHANNELS}→${FEATURE_CHANNELS}`,
  });
  layers.push({
    key: `LinearLayer-input:${FEATURE_CHANNELS}-in_ch:${FEATURE_CHANNELS}-out_ch:${NUM_CLASSES}`,
    kind: 'head',
    description: `linear ${FEATURE_CHANNELS}→${NUM_CLASSES}`,
  });
  return layers;
}
