// Tight-crop copies (speaker augmentation of the audio training split, the speaker-independent
// audio issue): FSDD's nicolas cuts his clips so tight, and speaks his weak consonants so close to
// his noise floor, that his "six" is mostly its vowel (no /s/ onset or "ks" coda above the noise)
// and his "three" mostly "ee" — the held-out model reads them as "eight" and "two". Each copy keeps
// only the frames within T dB of the clip's loudest 10 ms frame (no margin), T drawn inside the
// j-th of K equal strata of the range, so weak onsets and codas go in some copies and stay in
// others. Training clips only; the copies are subarray views. Pure TypeScript.

import { speechSpan } from './trim';
import { stratifiedCopies } from './stratified-factors';

/** How far under the loudest 10 ms frame a kept frame may lie (dB, both positive). */
export interface TightCropRange {
  minDbBelowPeak: number;
  maxDbBelowPeak: number;
}

export const TIGHT_CROP: Readonly<TightCropRange> = Object.freeze({ minDbBelowPeak: 8, maxDbBelowPeak: 20 });

/** K tightly cropped copies of a clip; `uniform` returns numbers in [0, 1) (a seeded Rng's next). */
export function tightCrops(
  samples: Float32Array,
  sampleRate: number,
  copies: number,
  uniform: () => number,
  range: Readonly<TightCropRange> = TIGHT_CROP,
): Float32Array[] {
  if (!(range.minDbBelowPeak > 0 && range.maxDbBelowPeak >= range.minDbBelowPeak)) throw new Error('tight crop: need 0 < min ≤ max dB below peak');
  return stratifiedCopies(copies, 'tight crop', uniform, range.minDbBelowPeak, range.maxDbBelowPeak, (db) => {
    const [start, end] = speechSpan(samples, sampleRate, { frameMs: 10, thresholdDb: -db, marginMs: 0 });
    return samples.subarray(start, end);
  });
}
