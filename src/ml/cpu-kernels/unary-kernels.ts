// Fast float32 Relu and Step (ReLU's gradient mask) for the tfjs `cpu` backend (Node supernet
// training): the stock kernels call a per-element closure with attributes. Same
// results, NaN included (Relu keeps NaN, Step maps NaN to NaN).

import * as tf from '@tensorflow/tfjs';
import { type FastKernel, allFloat, values } from './kernel-types';

const relu: FastKernel = ({ inputs: { x }, backend }) => {
  if (!allFloat(x)) return null;
  const xv = values(backend, x);
  const out = new Float32Array(xv.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, xv[i]);
  return backend.makeTensorInfo(x.shape, 'float32', out);
};

const step: FastKernel = ({ inputs: { x }, backend, attrs }) => {
  if (!allFloat(x)) return null;
  const alpha = (attrs as unknown as { alpha: number }).alpha;
  const xv = values(backend, x);
  const out = new Float32Array(xv.length);
  for (let i = 0; i < out.length; i++) {
    const v = xv[i];
    out[i] = v > 0 ? 1 : v !== v ? NaN : alpha;
  }
  return backend.makeTensorInfo(x.shape, 'float32', out);
};

export const UNARY_KERNELS: Record<string, FastKernel> = {
  [tf.Relu]: relu,
  [tf.Step]: step,
};
