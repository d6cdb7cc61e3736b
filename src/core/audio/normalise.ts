// Dataset-level normalisation of MFCC maps (audio modality): per-coefficient standardisation with
// statistics from the training split only, then an affine map into [0, 1] so that the usual
// "mean 0.5, std 0.5" input normalisation of Harmonic-NAS, x' = (x − 0.5) / 0.5, applies to audio
// exactly as it does to image pixels scaled to [0, 1].
//
// u = clamp(0.5 + (m − mean_c) / (2 · clipSigma · std_c), 0, 1), where m is a value of coefficient
// c and mean_c / std_c are over all frames of all training maps. With clipSigma = 3, ±3 standard
// deviations fill [0, 1] and rarer values are clipped.

export interface CoefficientStats {
  /** Mean of each coefficient over all training frames. */
  mean: number[];
  /** Population standard deviation of each coefficient over all training frames. */
  std: number[];
}

export const DEFAULT_CLIP_SIGMA = 3;

/** Per-coefficient mean and std of maps laid out [coefficient][frame]. */
export function coefficientStats(maps: readonly ArrayLike<number>[], numCoefficients: number, numFrames: number): CoefficientStats {
  if (maps.length === 0) throw new Error('coefficientStats: no maps');
  const n = maps.length * numFrames;
  const mean = new Array<number>(numCoefficients).fill(0);
  const std = new Array<number>(numCoefficients).fill(0);
  for (const map of maps) {
    if (map.length !== numCoefficients * numFrames) {
      throw new Error(`coefficientStats: map of ${map.length} values, expected ${numCoefficients}×${numFrames}`);
    }
    for (let c = 0; c < numCoefficients; c++) for (let f = 0; f < numFrames; f++) mean[c] += map[c * numFrames + f];
  }
  for (let c = 0; c < numCoefficients; c++) mean[c] /= n;
  for (const map of maps) {
    for (let c = 0; c < numCoefficients; c++) {
      for (let f = 0; f < numFrames; f++) std[c] += (map[c * numFrames + f] - mean[c]) ** 2;
    }
  }
  for (let c = 0; c < numCoefficients; c++) std[c] = Math.sqrt(std[c] / n);
  return { mean, std };
}

/** Maps one MFCC map into [0, 1] with the given statistics (see the header). */
export function mfccToUnit(map: ArrayLike<number>, stats: CoefficientStats, numFrames: number, clipSigma = DEFAULT_CLIP_SIGMA): Float32Array {
  const out = new Float32Array(map.length);
  for (let i = 0; i < map.length; i++) {
    const c = Math.floor(i / numFrames);
    const z = (map[i] - stats.mean[c]) / (stats.std[c] > 0 ? stats.std[c] : 1);
    out[i] = Math.min(1, Math.max(0, 0.5 + z / (2 * clipSigma)));
  }
  return out;
}
