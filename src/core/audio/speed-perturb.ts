// Speed perturbation (Kaldi-style, Ko et al. 2015), a training-data augmentation of the
// speaker-independent audio issue: a clip is played back f times faster, so its pitch and formants
// rise by f and it lasts 1/f as long — as sox's `speed f` does. Implemented as a resampling: the
// clip's samples are read as if recorded at f·rate and converted back to `rate` by ./resample.ts
// (band-limited, so a sped-up clip is low-passed rather than aliased). Pure TypeScript (no DOM,
// no tfjs). Used by scripts/loso-audio.ts (`--speed K`) to precompute K perturbed copies of every
// training clip; validation and test clips are never perturbed.

import { resample } from './resample';
import { stratifiedFactors } from './stratified-factors';

/** Default speed factors are drawn from [1 − SPEED_RANGE, 1 + SPEED_RANGE] (Kaldi uses 0.9 / 1.1). */
export const SPEED_RANGE = 0.1;

/**
 * `samples` sped up by `factor` (> 0): every frequency scales by `factor`, the length becomes
 * round(n / factor). Factor 1 returns an exact copy.
 */
export function speedPerturb(samples: Float32Array, factor: number): Float32Array {
  if (!(factor > 0) || !Number.isFinite(factor)) throw new Error(`speed perturbation: factor must be positive, got ${factor}`);
  if (factor === 1) return Float32Array.from(samples);
  // read at factor·1 Hz, write at 1 Hz: length n / factor, frequencies × factor
  return resample(samples, factor, 1);
}

/** K speed factors for one clip's copies, stratified over [1 − range, 1 + range] (./stratified-factors.ts). */
export function speedFactors(k: number, uniform: () => number, range = SPEED_RANGE): number[] {
  return stratifiedFactors(k, uniform, range, 'speed perturbation');
}
