// Light data augmentation for supernet training (issue: small shifts for images; time shift
// and time/frequency masking for audio maps, SpecAugment-style). Host-side on Float32Arrays of
// row-major size×size maps, seeded through Rng. Audio maps are [band][frame] (log-mel; the
// paper's MFCC maps [coefficient][frame]): rows are frequency, columns are time.

import type { Rng } from '../../core/rng';

export type AugmentKind = 'image' | 'audio' | 'none';

export interface AugmentSettings {
  /** Max image shift in pixels (each axis), fill = the map's minimum (background). */
  maxShiftPx: number;
  /** Max audio time shift in frames (edge frames are repeated). */
  maxTimeShift: number;
  /** Max width of the time mask (frames) and frequency mask (bands); fill = map mean. */
  maxTimeMask: number;
  maxFreqMask: number;
}

export const DEFAULT_AUGMENT: AugmentSettings = { maxShiftPx: 2, maxTimeShift: 2, maxTimeMask: 3, maxFreqMask: 3 };

function shiftImage(src: Float32Array, dst: Float32Array, size: number, dx: number, dy: number): void {
  let fill = Infinity;
  for (let i = 0; i < src.length; i++) fill = Math.min(fill, src[i]);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const sr = r - dy;
      const sc = c - dx;
      dst[r * size + c] = sr >= 0 && sr < size && sc >= 0 && sc < size ? src[sr * size + sc] : fill;
    }
  }
}

function augmentMfcc(src: Float32Array, dst: Float32Array, size: number, rng: Rng, s: AugmentSettings): void {
  const shift = rng.int(2 * s.maxTimeShift + 1) - s.maxTimeShift;
  let mean = 0;
  for (let i = 0; i < src.length; i++) mean += src[i];
  mean /= src.length;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const sc = Math.min(size - 1, Math.max(0, c - shift));
      dst[r * size + c] = src[r * size + sc];
    }
  }
  const tw = rng.int(s.maxTimeMask + 1);
  const t0 = rng.int(size - tw + 1);
  for (let r = 0; r < size; r++) for (let c = t0; c < t0 + tw; c++) dst[r * size + c] = mean;
  const fw = rng.int(s.maxFreqMask + 1);
  const f0 = rng.int(size - fw + 1);
  for (let r = f0; r < f0 + fw; r++) for (let c = 0; c < size; c++) dst[r * size + c] = mean;
}

/** Returns an augmented copy of a batch of n row-major size×size maps. */
export function augmentBatch(
  data: Float32Array,
  size: number,
  kind: AugmentKind,
  rng: Rng,
  settings: AugmentSettings = DEFAULT_AUGMENT,
): Float32Array {
  if (kind === 'none') return data;
  const area = size * size;
  const n = data.length / area;
  const out = new Float32Array(data.length);
  for (let i = 0; i < n; i++) {
    const src = data.subarray(i * area, (i + 1) * area);
    const dst = out.subarray(i * area, (i + 1) * area);
    if (kind === 'image') {
      const m = settings.maxShiftPx;
      shiftImage(src, dst, size, rng.int(2 * m + 1) - m, rng.int(2 * m + 1) - m);
    } else {
      augmentMfcc(src, dst, size, rng, settings);
    }
  }
  return out;
}
