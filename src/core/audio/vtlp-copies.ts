// Vocal-tract-length-perturbed training copies (speaker augmentation of the audio supernet's
// training split, the speaker-independent audio issue): for each training clip, K raw MFCC maps
// computed with the mel filter bank warped by K factors stratified over 1 ± range (./vtlp.ts).
// One seeded random stream draws every factor in clip order, so a run is reproducible; the
// caller normalises the maps as the dataset does. Validation and test clips are never warped.

import { AVMNIST_MFCC } from './mfcc';
import { resample } from './resample';
import { VTLP_RANGE, VtlpMfccExtractor, vtlpFactors } from './vtlp';

export interface MonoClip {
  samples: Float32Array;
  sampleRate: number;
}

/** K warped raw MFCC maps per clip, in clip order (clip 0's K maps, then clip 1's, …), with each map's factor. */
export function vtlpCopies(clips: readonly MonoClip[], copies: number, uniform: () => number, range = VTLP_RANGE): { maps: Float32Array[]; alphas: number[] } {
  const sr = AVMNIST_MFCC.sampleRate;
  const maps: Float32Array[] = [];
  const alphas: number[] = [];
  for (const clip of clips) {
    const at8k = resample(clip.samples, clip.sampleRate, sr);
    for (const alpha of vtlpFactors(copies, uniform, range)) {
      maps.push(new VtlpMfccExtractor(alpha).compute(at8k, sr));
      alphas.push(alpha);
    }
  }
  return { maps, alphas };
}
