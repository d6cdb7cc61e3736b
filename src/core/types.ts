// Shared types of the Harmonic-NAS search space: backbone genomes,
// fusion macro genes and genotypes, device cost tables. Pure data, JSON-safe.

/** Kernel sizes a searchable MBConv block may use. */
export const KERNEL_CHOICES = [3, 5, 7] as const;
/** Expand ratios a searchable MBConv block may use. */
export const EXPAND_CHOICES = [3, 4, 6] as const;
/** Number of active blocks of the searchable stage. */
export const DEPTH_CHOICES = [2, 3, 4] as const;
/** Blocks in the searchable stage of the supernet. */
export const STAGE_BLOCKS = 4;

export type KernelSize = (typeof KERNEL_CHOICES)[number];
export type ExpandRatio = (typeof EXPAND_CHOICES)[number];
export type Depth = (typeof DEPTH_CHOICES)[number];

/** One unimodal backbone: per-block kernel and expand ratio, and the stage depth. */
export interface BackboneGenome {
  ks: [KernelSize, KernelSize, KernelSize, KernelSize];
  e: [ExpandRatio, ExpandRatio, ExpandRatio, ExpandRatio];
  d: Depth;
}

export type Modality = 'image' | 'audio';

/** The six fusion operators searched by the inner tier (names as in the LUT keys). */
export const FUSION_OPS = ['Sum', 'ScaleDotAttn', 'LinearGLU', 'ConcatFC', 'SE1', 'CatConvMish'] as const;
export type FusionOp = (typeof FUSION_OPS)[number];

export const CELL_CHOICES = [1, 2, 3, 4] as const;
export const NODE_CHOICES = [1, 2, 3, 4] as const;

/** Fusion macro-shape genes evolved by the outer tier. */
export interface FusionMacro {
  cells: number;
  nodes: number;
}

/**
 * A discrete fusion network found by the inner tier. Inputs are indices into the list of
 * fusable features: 0..3 image features, 4..7 audio features, 8.. outputs of earlier cells.
 */
export interface FusionCellGenotype {
  inputs: [number, number];
  /** One operator per inner step of the cell's node. */
  ops: FusionOp[];
  /**
   * Operands of each inner step: 0 = the cell's first input, 1 = its second, 2 + s = the
   * output of step s. Absent: step 0 fuses (first, second), step t fuses (step t−1, second).
   */
  stepInputs?: [number, number][];
}
export interface FusionGenotype {
  cells: FusionCellGenotype[];
}

/** One multimodal network: two backbones and its fusion. */
export interface MultimodalArchitecture {
  image: BackboneGenome;
  audio: BackboneGenome;
  macro: FusionMacro;
  fusion?: FusionGenotype;
}

/** Latency (ms) and energy (mJ) of a network or a layer at batch 1. */
export interface Cost {
  latencyMs: number;
  energyMj: number;
}
