// Additive-noise copies (speaker augmentation of the audio training split, the
// speaker-independent audio issue, "noise" among its ideas): FSDD's voices differ in how far their
// noise floor sits under the digit (measured on the 10th-percentile 10 ms frame: nicolas about
// 18 dB under his loudest frame, theo 20, jackson 23). Each copy adds white Gaussian noise whose
// power sits a random number of dB under the clip's loudest 10 ms frame, drawn inside the j-th of
// K equal strata of the range (so every clip gets both noisy and cleaner copies). Training clips
// only. Pure TypeScript.

import { stratifiedCopies } from './stratified-factors';

/** Noise power under the loudest 10 ms frame's mean-square energy (dB, both positive). */
export interface NoiseFloorRange {
  minDbBelowPeak: number;
  maxDbBelowPeak: number;
}

export const NOISE_FLOOR: Readonly<NoiseFloorRange> = Object.freeze({ minDbBelowPeak: 12, maxDbBelowPeak: 30 });

/** Mean-square energy of the loudest `frameMs` frame (0 for a silent or empty clip). */
export function peakFramePower(samples: ArrayLike<number>, sampleRate: number, frameMs = 10): number {
  const frame = Math.max(1, Math.round((frameMs * sampleRate) / 1000));
  let peak = 0;
  for (let start = 0; start < samples.length; start += frame) {
    const end = Math.min(samples.length, start + frame);
    let s = 0;
    for (let t = start; t < end; t++) s += samples[t] * samples[t];
    peak = Math.max(peak, s / (end - start));
  }
  return peak;
}

/** A copy of the clip with white noise of the given power (mean square) added; `normal` draws N(0, 1). */
export function addWhiteNoise(samples: Float32Array, power: number, normal: () => number): Float32Array {
  if (!(power >= 0)) throw new Error(`noise: power must be ≥ 0, got ${power}`);
  const sd = Math.sqrt(power);
  return Float32Array.from(samples, (x) => x + sd * normal());
}

/** K noisy copies of a clip; `uniform` returns numbers in [0, 1), `normal` standard normal deviates. */
export function noiseCopies(
  samples: Float32Array,
  sampleRate: number,
  copies: number,
  uniform: () => number,
  normal: () => number,
  range: Readonly<NoiseFloorRange> = NOISE_FLOOR,
): Float32Array[] {
  if (!(range.minDbBelowPeak >= 0 && range.maxDbBelowPeak >= range.minDbBelowPeak)) throw new Error('noise: need 0 ≤ min ≤ max dB below peak');
  const peak = peakFramePower(samples, sampleRate);
  return stratifiedCopies(copies, 'noise', uniform, range.minDbBelowPeak, range.maxDbBelowPeak, (db) => addWhiteNoise(samples, peak * 10 ** (-db / 10), normal));
}
