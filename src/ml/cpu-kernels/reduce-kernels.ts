// Fast float32 Sum / Mean over leading or trailing axes, and Tile of a trailing block, for the
// tfjs `cpu` backend (Node supernet training). BatchNorm statistics and gradients
// reduce NHWC maps over axes [0,1,2]; the stock kernels transpose the whole map first. Sums
// accumulate in Float64Array. Other axis sets go to the stock kernel.

import * as tf from '@tensorflow/tfjs';
import { type FastKernel, allFloat, values } from './kernel-types';

interface ReduceAttrs {
  axis: number | number[];
  keepDims: boolean;
}

function reduce(mean: boolean): FastKernel {
  return ({ inputs: { x }, backend, attrs }) => {
    if (!allFloat(x) || x.shape.length === 0 || tf.util.sizeFromShape(x.shape) === 0) return null;
    const { axis, keepDims } = attrs as unknown as ReduceAttrs;
    const shape = x.shape;
    const axes = [...new Set(tf.util.parseAxisParam(axis, shape))].sort((p, q) => p - q);
    if (axes.length === 0) return null;
    const leading = axes.every((ax, i) => ax === i);
    const trailing = axes.every((ax, i) => ax === shape.length - axes.length + i);
    if (!leading && !trailing) return null;
    const reduceSize = axes.reduce((s, ax) => s * shape[ax], 1);
    const n = tf.util.sizeFromShape(shape);
    const keepSize = reduceSize === 0 ? 0 : n / reduceSize;
    const xv = values(backend, x);
    const out = new Float32Array(keepSize);
    const scale = mean ? 1 / reduceSize : 1;
    if (leading) {
      const acc = new Float64Array(keepSize);
      for (let o = 0; o < n; o += keepSize) for (let j = 0; j < keepSize; j++) acc[j] += xv[o + j];
      for (let j = 0; j < keepSize; j++) out[j] = mean ? acc[j] / reduceSize : acc[j];
    } else {
      for (let i = 0; i < keepSize; i++) {
        let s = 0;
        const o = i * reduceSize;
        for (let j = 0; j < reduceSize; j++) s += xv[o + j];
        out[i] = s * scale;
      }
    }
    const outShape = keepDims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i));
    return backend.makeTensorInfo(outShape, 'float32', out);
  };
}

/** Tile where x, after its leading ones, is not repeated: the output is x repeated whole. */
const tile: FastKernel = ({ inputs: { x }, backend, attrs }) => {
  const reps = (attrs as unknown as { reps: number[] }).reps;
  if (!allFloat(x) || reps.length !== x.shape.length) return null;
  let k = 0;
  while (k < x.shape.length && x.shape[k] === 1) k++;
  if (reps.slice(k).some((r) => r !== 1)) return null;
  const xv = values(backend, x);
  const m = tf.util.sizeFromShape(x.shape);
  const times = reps.reduce((p, r) => p * r, 1);
  const out = new Float32Array(m * times);
  for (let t = 0; t < times; t++) for (let j = 0; j < m; j++) out[t * m + j] = xv[j];
  return backend.makeTensorInfo(x.shape.map((d, i) => d * reps[i]), 'float32', out);
};

export const REDUCE_KERNELS: Record<string, FastKernel> = {
  [tf.Sum]: reduce(false),
  [tf.Mean]: reduce(true),
  [tf.Tile]: tile,
};
