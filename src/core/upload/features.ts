// An uploaded sample's inputs in the form the supernets take (the sizes the device tables
// price): an image of any size and colour → 28×28 grey by area averaging; a clip at any rate →
// resampled to the demo pipeline's 8 kHz → its 20×20 log-mel map (../audio/demo-features.ts demoRawMap), then
// normalised by the clip's own statistics (per-band mean normalisation, as the demo sets are since
// the speaker-independent audio work), so no split's statistics reach another split.
// Both end in [−1, 1] like the demo set's decoded values.

import { decodeDemoBytes, rawMapToDemoBytes } from '../audio/demo-features';

export const IMAGE_SIDE = 28;
/** Clips shorter than this (s) are warned about; quieter than this RMS read as silent. */
export const SHORT_CLIP_S = 0.2;
export const SILENT_RMS = 1e-3;

/** RGBA pixels (row-major, 4 bytes each) → side×side luminance in [−1, 1], area-averaged. */
export function greyImage(rgba: ArrayLike<number>, width: number, height: number, side = IMAGE_SIDE): Float32Array {
  if (!(width > 0 && height > 0) || rgba.length < width * height * 4) throw new Error(`an image of ${width}×${height} needs ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  const out = new Float32Array(side * side);
  for (let oy = 0; oy < side; oy++) {
    const y0 = (oy * height) / side;
    const y1 = ((oy + 1) * height) / side;
    for (let ox = 0; ox < side; ox++) {
      const x0 = (ox * width) / side;
      const x1 = ((ox + 1) * width) / side;
      let sum = 0;
      let area = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const w = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
          const p = (y * width + x) * 4;
          // Rec. 601 luma, alpha composited over black (MNIST digits are light on black)
          const a = rgba[p + 3] / 255;
          sum += w * a * (0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2]);
          area += w;
        }
      }
      out[oy * side + ox] = (sum / area / 255 - 0.5) / 0.5;
    }
  }
  return out;
}

/** A warning for a clip too short or silent to carry a word, or null. */
export function clipWarning(samples: Float32Array, sampleRate: number, name: string): string | null {
  const seconds = samples.length / sampleRate;
  if (seconds < SHORT_CLIP_S) return `${name} is only ${seconds.toFixed(2)} s long.`;
  let sq = 0;
  for (const x of samples) sq += x * x;
  if (Math.sqrt(sq / Math.max(1, samples.length)) < SILENT_RMS) return `${name} is silent.`;
  return null;
}

/** A raw demo map as the demo set stores and decodes it: per-band mean normalisation, byte-quantised, in [−1, 1]. */
export function normaliseRawMap(map: Float32Array): Float32Array {
  return decodeDemoBytes(rawMapToDemoBytes(map));
}
