// Vocal-tract-length-perturbed training copies (speaker augmentation of the audio supernet's
// training split, the speaker-independent audio issue): for each training clip, K raw maps
// computed with the mel filter bank warped by K factors stratified over 1 ± range (./vtlp.ts).
// One seeded random stream draws every factor in clip order, so a run is reproducible; the
// caller normalises the maps as the dataset does. Validation and test clips are never warped.
// The front end is the demo's MFCC map unless another is given (the 20-band log-mel map that
// scripts/loso-audio.ts `--features logmel-cmn` measures).

import { AVMNIST_MFCC, type MfccExtractor, type MfccParams } from './mfcc';
import { AVMNIST_LOG_MEL, logMelMap } from './log-mel';
import { resample } from './resample';
import { VTLP_RANGE, VtlpMfccExtractor, vtlpFactors } from './vtlp';

export interface MonoClip {
  samples: Float32Array;
  sampleRate: number;
}

/** A front end: its extractor parameters and the raw map an (optionally warped) extractor gives for a clip at 8 kHz. */
export interface FrontEnd {
  params: Readonly<MfccParams>;
  rawMap(samples8k: Float32Array, extractor: MfccExtractor): Float32Array;
}

/** The demo's front end: the 20×20 MFCC map. */
export const MFCC_FRONT_END: FrontEnd = { params: AVMNIST_MFCC, rawMap: (s, ex) => ex.compute(s, AVMNIST_MFCC.sampleRate) };
/** The 20-band log-mel map (measured, not the demo's: see notes/runs/logmel-2026-12-06e/). */
export const LOG_MEL_FRONT_END: FrontEnd = { params: AVMNIST_LOG_MEL, rawMap: (s, ex) => logMelMap(ex, s, AVMNIST_LOG_MEL.sampleRate) };

/** K warped raw maps per clip, in clip order (clip 0's K maps, then clip 1's, …), with each map's factor. */
export function vtlpCopies(
  clips: readonly MonoClip[],
  copies: number,
  uniform: () => number,
  range = VTLP_RANGE,
  front: FrontEnd = MFCC_FRONT_END,
): { maps: Float32Array[]; alphas: number[] } {
  const sr = front.params.sampleRate;
  const maps: Float32Array[] = [];
  const alphas: number[] = [];
  for (const clip of clips) {
    const at8k = resample(clip.samples, clip.sampleRate, sr);
    for (const alpha of vtlpFactors(copies, uniform, range)) {
      maps.push(front.rawMap(at8k, new VtlpMfccExtractor(alpha, front.params)));
      alphas.push(alpha);
    }
  }
  return { maps, alphas };
}
