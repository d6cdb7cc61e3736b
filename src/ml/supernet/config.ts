// Shape of the OFA-style elastic MobileNetV3 supernet: stem, block0, one elastic
// stage of MBConv blocks, head. Parameterised so tests can build a tiny one.

import { EXPAND_CHOICES, KERNEL_CHOICES, STAGE_BLOCKS } from '../../core/types';

export interface SupernetConfig {
  /** Input height = width (pixels / audio map bands), single channel. */
  inputSize: number;
  /** Stem output channels = block0 channels (paper: 16). */
  stemChannels: number;
  /** Channels of the elastic stage (paper: 24). */
  stageChannels: number;
  /** Final expand 1×1 conv channels (paper: 40). */
  headChannels: number;
  /** Feature-mix layer width after global pooling (paper: 80). */
  mixChannels: number;
  numClasses: number;
  /** Blocks of the elastic stage (paper: 4). */
  stageBlocks: number;
  /** BatchNorm epsilon and momentum (PyTorch convention: running = (1-m)·running + m·batch). */
  bnEps: number;
  bnMomentum: number;
}

/** The supernet of the paper at AV-MNIST scale (images 28×28; audio uses inputSize 20). */
export function paperConfig(inputSize: number): SupernetConfig {
  return {
    inputSize,
    stemChannels: 16,
    stageChannels: 24,
    headChannels: 40,
    mixChannels: 80,
    numClasses: 10,
    stageBlocks: STAGE_BLOCKS,
    bnEps: 1e-5,
    bnMomentum: 0.1,
  };
}

export const MAX_KERNEL = Math.max(...KERNEL_CHOICES);
export const MAX_EXPAND = Math.max(...EXPAND_CHOICES);
/** Kernel sizes in increasing order; transforms go from each size to the next smaller one. */
export const KERNEL_SIZES = [...KERNEL_CHOICES].sort((a, b) => a - b);

/** Input channels of stage block i. */
export function blockInChannels(cfg: SupernetConfig, i: number): number {
  return i === 0 ? cfg.stemChannels : cfg.stageChannels;
}

/** Stride of stage block i: the first block halves the resolution. */
export function blockStride(i: number): number {
  return i === 0 ? 2 : 1;
}

/** Expanded (middle) channels of stage block i at expand ratio e. */
export function midChannels(cfg: SupernetConfig, i: number, e: number): number {
  return blockInChannels(cfg, i) * e;
}
