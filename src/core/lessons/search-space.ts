// The size of Harmonic-NAS's search space, computed from the space's own definition (the gene
// choices in ../types.ts, the enumeration in ../genome.ts): what the search-space lesson quotes.

import { enumerateCanonicalGenomes } from '../genome';
import { CELL_CHOICES, DEPTH_CHOICES, EXPAND_CHOICES, FUSION_OPS, KERNEL_CHOICES, NODE_CHOICES, STAGE_BLOCKS } from '../types';
import { FUSABLE_FEATURES } from '../fusion-genotype';

export interface SearchSpaceFacts {
  kernels: readonly number[];
  expands: readonly number[];
  depths: readonly number[];
  blocks: number;
  /** Distinct subnets of one supernet (genomes that build the same network counted once). */
  subnetsPerModality: number;
  /** Genomes as written, before inactive blocks are ignored: 3^(2·blocks) · depth choices. */
  genomesAsWritten: number;
  /** Backbone pairs: subnets² (one image and one audio backbone). */
  backbonePairs: number;
  fusionOps: readonly string[];
  macroShapes: number;
  fusableFeatures: number;
  cellChoices: readonly number[];
  nodeChoices: readonly number[];
}

export function searchSpaceFacts(): SearchSpaceFacts {
  const subnets = enumerateCanonicalGenomes().length;
  return {
    kernels: KERNEL_CHOICES,
    expands: EXPAND_CHOICES,
    depths: DEPTH_CHOICES,
    blocks: STAGE_BLOCKS,
    subnetsPerModality: subnets,
    genomesAsWritten: (KERNEL_CHOICES.length * EXPAND_CHOICES.length) ** STAGE_BLOCKS * DEPTH_CHOICES.length,
    backbonePairs: subnets * subnets,
    fusionOps: FUSION_OPS,
    macroShapes: CELL_CHOICES.length * NODE_CHOICES.length,
    fusableFeatures: FUSABLE_FEATURES,
    cellChoices: CELL_CHOICES,
    nodeChoices: NODE_CHOICES,
  };
}

/**
 * Discrete fusion networks of one macro shape with default step operands: cell i (0-based) picks
 * two distinct inputs among the fusable features and the i earlier cells' outputs, and each of
 * its `nodes` steps one operator.
 */
export function fusionNetworksOfShape(cells: number, nodes: number): number {
  let n = 1;
  for (let i = 0; i < cells; i++) {
    const inputs = FUSABLE_FEATURES + i;
    n *= ((inputs * (inputs - 1)) / 2) * FUSION_OPS.length ** nodes;
  }
  return n;
}

/** Sum over every macro shape of fusionNetworksOfShape. */
export function fusionNetworksAllShapes(): number {
  let n = 0;
  for (const c of CELL_CHOICES) for (const k of NODE_CHOICES) n += fusionNetworksOfShape(c, k);
  return n;
}
