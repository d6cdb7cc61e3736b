// Cached-feature data of the inner tier: one split of pooled backbone features
// (plain typed arrays, so it can cross a worker boundary), its tensors for training, seeded
// batch order, cross-entropy and accuracy. The fusion network trains on these, never on the
// raw inputs — the backbones are frozen.

import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/rng';
import { FUSABLE_FEATURES } from '../../core/fusion-genotype';
import { POSITIONS } from './feature-projection';

/**
 * Pooled features of one split: `features[k]` holds feature k (0..3 image, 4..7 audio) of every
 * sample as [n, 4, 4, channels[k]] row-major (NHWC); `labels[i]` the class of sample i.
 */
export interface CachedSplit {
  n: number;
  channels: number[];
  features: Float32Array[];
  labels: Int32Array | number[];
}

/**
 * The split repeated `passes` times in order (features and labels alike): one epoch then takes
 * as many steps on a small training split as on a larger one.
 */
export function repeatSplit(s: CachedSplit, passes: number): CachedSplit {
  if (!Number.isInteger(passes) || passes < 1) throw new Error(`passes must be a positive integer, got ${passes}`);
  if (passes === 1) return s;
  const tile = <T extends Float32Array | Int32Array>(a: T, make: (n: number) => T): T => {
    const out = make(a.length * passes);
    for (let p = 0; p < passes; p++) out.set(a, p * a.length);
    return out;
  };
  return {
    n: s.n * passes,
    channels: [...s.channels],
    features: s.features.map((f) => tile(f, (n) => new Float32Array(n))),
    labels: tile(Int32Array.from(s.labels), (n) => new Int32Array(n)),
  };
}

export interface CachedFeatures {
  train: CachedSplit;
  val: CachedSplit;
  test: CachedSplit;
}

export function checkSplit(s: CachedSplit, name: string): void {
  if (s.features.length !== FUSABLE_FEATURES || s.channels.length !== FUSABLE_FEATURES) {
    throw new Error(`${name} split must hold ${FUSABLE_FEATURES} features with their channel counts`);
  }
  if (!(s.n >= 1) || s.labels.length !== s.n) throw new Error(`${name} split: ${s.labels.length} labels for n = ${s.n}`);
  s.features.forEach((f, k) => {
    if (f.length !== s.n * POSITIONS * s.channels[k]) {
      throw new Error(`${name} split feature ${k}: ${f.length} values, expected n·16·${s.channels[k]} = ${s.n * POSITIONS * s.channels[k]}`);
    }
  });
}

/** A split held as tensors for the duration of a search: feature k as [n, 16, Cin_k]. */
export interface SplitTensors {
  n: number;
  features: tf.Tensor3D[];
  labels: tf.Tensor1D;
}

export function splitTensors(s: CachedSplit): SplitTensors {
  return {
    n: s.n,
    features: s.features.map((f, k) => tf.tensor3d(f, [s.n, POSITIONS, s.channels[k]])),
    labels: tf.tensor1d(Int32Array.from(s.labels), 'int32'),
  };
}

export function disposeSplitTensors(s: SplitTensors): void {
  tf.dispose([...s.features, s.labels]);
}

/** Rows `idx` of a split (call inside tf.tidy). */
export function gatherBatch(s: SplitTensors, idx: number[]): { x: tf.Tensor[]; y: tf.Tensor1D } {
  const i = tf.tensor1d(idx, 'int32');
  return { x: s.features.map((f) => tf.gather(f, i)), y: tf.gather(s.labels, i) };
}

/** Batches of a seeded random permutation of 0..n−1 (the last one may be smaller). */
export function shuffledBatches(n: number, batchSize: number, rng: Rng): number[][] {
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const out: number[][] = [];
  for (let i = 0; i < n; i += batchSize) out.push(order.slice(i, i + batchSize));
  return out;
}

/** Mean softmax cross-entropy of logits [N, K] against integer labels [N]. */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, logits.shape[1]), logits) as tf.Scalar;
}

/** Top-1 accuracy (%) and mean cross-entropy of `forward` (eval mode) over a whole split, in batches. */
export async function evaluateSplit(
  forward: (x: tf.Tensor[]) => tf.Tensor2D,
  s: SplitTensors,
  batchSize: number,
): Promise<{ accuracyPct: number; meanCrossEntropy: number }> {
  let correct = 0;
  let ceSum = 0;
  for (let start = 0; start < s.n; start += batchSize) {
    const idx = Array.from({ length: Math.min(batchSize, s.n - start) }, (_, i) => start + i);
    const both = tf.tidy(() => {
      const { x, y } = gatherBatch(s, idx);
      const logits = forward(x);
      return tf.stack([logits.argMax(-1).equal(y).sum().toFloat(), crossEntropy(logits, y).mul(idx.length)]);
    });
    const [hits, ce] = await both.data();
    both.dispose();
    correct += hits;
    ceSum += ce;
  }
  return { accuracyPct: (100 * correct) / s.n, meanCrossEntropy: ceSum / s.n };
}

/** Accuracy (%) of `forward` (eval mode) over a whole split, in batches. */
export async function accuracyPct(
  forward: (x: tf.Tensor[]) => tf.Tensor2D,
  s: SplitTensors,
  batchSize: number,
): Promise<number> {
  return (await evaluateSplit(forward, s, batchSize)).accuracyPct;
}

/** Number of classes: 1 + the largest label of any split. */
export function numClassesOf(...splits: CachedSplit[]): number {
  let max = 0;
  for (const s of splits) for (const l of s.labels) max = Math.max(max, l);
  return max + 1;
}
