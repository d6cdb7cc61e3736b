// On-disk format of the shipped demo dataset AV-MNIST (public/data/avmnist/): the manifest's
// type and the decoding rule shared by the build script and the loader.
//
// Three binaries, samples in split order train, val, test (manifest.offsets gives each split's
// first sample and count):
// - images.bin: uint8, N × 28 × 28 — the original MNIST pixels (0 = background, 255 = ink);
// - audio.bin:  uint8, N × 20 × 20 — log-mel maps [band][frame] normalised into [0, 1]
//               (src/core/audio/demo-features.ts) and quantised q = round(255 · u);
// - labels.bin: uint8, N — the digit 0–9.
// Both modalities decode the same way: x = (q / 255 − 0.5) / 0.5, in [−1, 1] — the
// "mean 0.5, std 0.5" input normalisation of Harmonic-NAS applied to [0, 1] values.

import type { MfccParams } from '../core/audio/mfcc';
import type { CoefficientStats } from '../core/audio/normalise';
import type { SplitName } from './avmnist-pairing';

export const AVMNIST_FILES = { images: 'images.bin', audio: 'audio.bin', labels: 'labels.bin' } as const;
export type AvmnistFileKey = keyof typeof AVMNIST_FILES;

/** The decoding rule: stored uint8 → network input value. */
export function decodeQuantised(q: number): number {
  return (q / 255 - 0.5) / 0.5;
}

export interface FileEntry {
  bytes: number;
  dtype: 'uint8';
  /** Shape of one sample (empty for labels). */
  sampleShape: number[];
  crc32: string;
  sha256: string;
}

export interface SplitSources {
  /** MNIST file the images of this split come from. */
  mnistSet: 'train' | 'test';
  /** Per sample: index of the image in that MNIST file. */
  mnistIndex: number[];
  /** Per sample: FSDD recording file name. */
  fsdd: string[];
}

export interface ClipEntry {
  /** Path relative to the manifest, e.g. "clips/3_theo_0.wav". */
  file: string;
  label: number;
  split: SplitName;
  /** Index of the sample (within its split) whose audio this clip is. */
  sample: number;
}

export interface AvmnistManifest {
  name: string;
  formatVersion: 1;
  description: string;
  classes: number;
  splits: Record<SplitName, number>;
  splitOrder: SplitName[];
  offsets: Record<SplitName, { start: number; count: number }>;
  modalities: {
    image: { shape: [number, number, number]; file: string; source: string };
    audio: { shape: [number, number, number]; file: string; source: string; layout: string };
  };
  labels: { file: string };
  files: Record<string, FileEntry>;
  normalisation: {
    decode: string;
    image: string;
    /** stats: the demo set's dataset-level statistics; absent for per-utterance normalisation. clipSigma (CMVN) or scaleNats (mean normalisation): the normalisation's scale. */
    audio: { method: string; clipSigma?: number; scaleNats?: number; stats?: CoefficientStats };
  };
  /** The audio front end's extractor parameters (./../core/audio/mfcc.ts MfccParams) and its steps in words. */
  frontEnd: MfccParams & { description: string[] };
  pairing: { seed: number; description: string };
  sources: Record<SplitName, SplitSources>;
  clips: ClipEntry[];
  license: string;
  licenseUrl: string;
  attribution: string[];
  inputs: Record<string, unknown>;
  builtBy: string;
}
