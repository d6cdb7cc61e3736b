// Feature caching for the inner tier: the two backbones are frozen while a fusion
// network is searched, so their 4 fusable feature maps are computed for every sample once per
// backbone pair, max-pooled to 4×4 and kept as typed arrays. Every fusion epoch then runs only
// the fusion network on these.

import * as tf from '@tensorflow/tfjs';
import { type CachedSplit } from './data';
import { POSITIONS, adaptiveMaxPool4 } from './feature-projection';

/**
 * A frozen backbone (eval mode, BN running stats) returning its 4 fusable feature maps
 * [N, H, W, C] (NHWC) for a batch of inputs [N, H, W, 1] — stem, block0 and stage blocks,
 * always including the last active one. The caller owns (and this module disposes) the outputs.
 */
export type BackboneFeatureFn = (x: tf.Tensor4D) => tf.Tensor4D[];

/** Raw inputs of one split: images and audio maps as NHWC floats, paired by index. */
export interface RawSplit {
  n: number;
  image: Float32Array;
  /** [H, W, C] of one image. */
  imageShape: [number, number, number];
  audio: Float32Array;
  audioShape: [number, number, number];
  labels: Int32Array | number[];
}

export const FEATURES_PER_BACKBONE = 4;

/** Pooled features [n, 4, 4, Cin] of both backbones for every sample of a split. */
export async function cacheFeatures(
  backbones: { image: BackboneFeatureFn; audio: BackboneFeatureFn },
  split: RawSplit,
  batchSize = 64,
): Promise<CachedSplit> {
  const parts: Float32Array[][] = [];
  const channels: number[] = [];
  const imgSize = split.imageShape.reduce((a, b) => a * b, 1);
  const audSize = split.audioShape.reduce((a, b) => a * b, 1);
  if (split.image.length !== split.n * imgSize || split.audio.length !== split.n * audSize) {
    throw new Error(`raw split: ${split.image.length} image and ${split.audio.length} audio values for n = ${split.n}`);
  }
  for (let start = 0; start < split.n; start += batchSize) {
    const m = Math.min(batchSize, split.n - start);
    const pooled = tf.tidy(() => {
      const img = tf.tensor4d(split.image.subarray(start * imgSize, (start + m) * imgSize), [m, ...split.imageShape]);
      const aud = tf.tensor4d(split.audio.subarray(start * audSize, (start + m) * audSize), [m, ...split.audioShape]);
      const maps = [backbones.image(img), backbones.audio(aud)].map((fs, b) => {
        if (fs.length !== FEATURES_PER_BACKBONE) {
          throw new Error(`${b ? 'audio' : 'image'} backbone returned ${fs.length} feature maps, expected ${FEATURES_PER_BACKBONE}`);
        }
        return fs;
      });
      return maps.flat().map((f) => adaptiveMaxPool4(f));
    });
    const data = await Promise.all(pooled.map((p) => p.data() as Promise<Float32Array>));
    pooled.forEach((p, k) => {
      if (start === 0) {
        channels.push(p.shape[3]);
        parts.push([]);
      }
      parts[k].push(data[k]);
    });
    tf.dispose(pooled);
  }
  const features = parts.map((chunks, k) => {
    const out = new Float32Array(split.n * POSITIONS * channels[k]);
    let off = 0;
    for (const c of chunks) {
      out.set(c, off);
      off += c.length;
    }
    return out;
  });
  return { n: split.n, channels, features, labels: Int32Array.from(split.labels) };
}
