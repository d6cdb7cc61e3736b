// Mini-batches for supernet training and evaluation: one modality of a dataset split
// (N maps of size×size, single channel, already normalised) cut into seeded batches.

import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/rng';

/** One modality of one split: N row-major size×size maps and their labels. */
export interface Split {
  inputs: Float32Array;
  labels: Uint8Array;
  size: number;
}

export function splitCount(s: Split): number {
  return s.labels.length;
}

/** Index batches over the split: shuffled with `rng` when given, else in order. */
export function batchIndices(count: number, batchSize: number, rng?: Rng): number[][] {
  const order = Array.from({ length: count }, (_, i) => i);
  if (rng) rng.shuffle(order);
  const out: number[][] = [];
  for (let i = 0; i < count; i += batchSize) out.push(order.slice(i, i + batchSize));
  return out;
}

/** Copies the selected samples into one Float32Array [n·size·size] (host memory). */
export function gather(s: Split, idx: readonly number[]): Float32Array {
  const area = s.size * s.size;
  const out = new Float32Array(idx.length * area);
  idx.forEach((j, r) => out.set(s.inputs.subarray(j * area, (j + 1) * area), r * area));
  return out;
}

/** A batch as tensors: x [n,size,size,1] and integer labels [n]. Caller disposes. */
export function toTensors(s: Split, idx: readonly number[], data = gather(s, idx)): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const x = tf.tensor4d(data, [idx.length, s.size, s.size, 1]);
  const y = tf.tensor1d(Int32Array.from(idx, (j) => s.labels[j]), 'int32');
  return { x, y };
}
