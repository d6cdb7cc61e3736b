// Fast float32 Add / Sub / Multiply / RealDiv for the tfjs `cpu` backend (Node supernet
// training). The stock kernels compute a multi-index per element whenever shapes
// differ; BatchNorm and its gradient broadcast per-channel vectors ([C] or [1,1,1,C]) over NHWC
// maps all the time. Handled here: equal shapes, and one operand that is a trailing block of the
// other (its shape, padded with leading ones, is ones then the output's trailing dims — this
// includes per-channel vectors and scalars) run as blocks; any other broadcast ([N,1,1,C] against
// [N,H,W,C], [N,1] against [N,K], ...) runs row by row with per-operand strides.

import * as tf from '@tensorflow/tfjs';
import { type FastKernel, type Values, allFloat, values } from './kernel-types';

const enum Op {
  Add,
  Sub,
  Mul,
  Div,
}

/** Size of `shape` when it broadcasts as a trailing block of `out`, else -1. */
function trailingBlockSize(shape: readonly number[], out: readonly number[]): number {
  const pad = out.length - shape.length;
  let k = 0; // first dim (in out's indexing) that is not a leading broadcast 1
  while (k < shape.length && shape[k] === 1) k++;
  for (let i = k; i < shape.length; i++) if (shape[i] !== out[i + pad]) return -1;
  let size = 1;
  for (let i = k; i < shape.length; i++) size *= shape[i];
  return size;
}

/** out[o + j] = a[(aBlock ? 0 : o) + j] op b[(bBlock ? 0 : o) + j] for blocks of m elements. */
function run(op: Op, out: Float32Array, a: Values, aBlock: boolean, b: Values, bBlock: boolean, m: number): void {
  for (let o = 0; o < out.length; o += m) {
    const ao = aBlock ? 0 : o;
    const bo = bBlock ? 0 : o;
    switch (op) {
      case Op.Add:
        for (let j = 0; j < m; j++) out[o + j] = a[ao + j] + b[bo + j];
        break;
      case Op.Sub:
        for (let j = 0; j < m; j++) out[o + j] = a[ao + j] - b[bo + j];
        break;
      case Op.Mul:
        for (let j = 0; j < m; j++) out[o + j] = a[ao + j] * b[bo + j];
        break;
      case Op.Div:
        for (let j = 0; j < m; j++) out[o + j] = a[ao + j] / b[bo + j];
        break;
    }
  }
}

/** Strides of `shape` aligned to `out` (0 along broadcast dims). */
function broadcastStrides(shape: readonly number[], out: readonly number[]): number[] {
  const pad = out.length - shape.length;
  const strides = new Array<number>(out.length).fill(0);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i + pad] = shape[i] === 1 ? 0 : s;
    s *= shape[i];
  }
  return strides;
}

/** General broadcast: rows of the last output dim, operand offsets advanced like an odometer. */
function runStrided(op: Op, out: Float32Array, outShape: number[], a: Values, aShape: number[], b: Values, bShape: number[]): void {
  const R = outShape.length;
  const as = broadcastStrides(aShape, outShape);
  const bs = broadcastStrides(bShape, outShape);
  const m = outShape[R - 1];
  const sa = as[R - 1];
  const sb = bs[R - 1];
  const idx = new Array<number>(R).fill(0);
  let ao = 0;
  let bo = 0;
  for (let o = 0; o < out.length; o += m) {
    switch (op) {
      case Op.Add:
        for (let j = 0; j < m; j++) out[o + j] = a[ao + j * sa] + b[bo + j * sb];
        break;
      case Op.Sub:
        for (let j = 0; j < m; j++) out[o + j] = a[ao + j * sa] - b[bo + j * sb];
        break;
      case Op.Mul:
        for (let j = 0; j < m; j++) out[o + j] = a[ao + j * sa] * b[bo + j * sb];
        break;
      case Op.Div:
        for (let j = 0; j < m; j++) out[o + j] = a[ao + j * sa] / b[bo + j * sb];
        break;
    }
    for (let d = R - 2; d >= 0; d--) {
      idx[d]++;
      ao += as[d];
      bo += bs[d];
      if (idx[d] < outShape[d]) break;
      ao -= as[d] * idx[d];
      bo -= bs[d] * idx[d];
      idx[d] = 0;
    }
  }
}

function binary(op: Op): FastKernel {
  return ({ inputs: { a, b }, backend }) => {
    if (!allFloat(a, b)) return null;
    const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    const n = tf.util.sizeFromShape(outShape);
    if (n === 0 || outShape.length === 0) return null;
    const aSize = tf.util.sizeFromShape(a.shape);
    const bSize = tf.util.sizeFromShape(b.shape);
    let av = values(backend, a);
    let bv = values(backend, b);
    let m = -1;
    if (aSize === n && bSize === n) m = n;
    else if (aSize === n) m = trailingBlockSize(b.shape, outShape);
    else if (bSize === n) m = trailingBlockSize(a.shape, outShape);
    if (m <= 0) {
      const out = new Float32Array(n);
      runStrided(op, out, outShape, av, a.shape, bv, b.shape);
      return backend.makeTensorInfo(outShape, 'float32', out);
    }
    if (m === 1 && n > 1) {
      // a scalar operand: widen it to a block of the last dimension
      m = outShape[outShape.length - 1];
      if (aSize === 1) av = new Float32Array(m).fill(av[0]);
      else bv = new Float32Array(m).fill(bv[0]);
    }
    const out = new Float32Array(n);
    run(op, out, av, aSize !== n, bv, bSize !== n, m);
    return backend.makeTensorInfo(outShape, 'float32', out);
  };
}

export const BINARY_KERNELS: Record<string, FastKernel> = {
  [tf.Add]: binary(Op.Add),
  [tf.Sub]: binary(Op.Sub),
  [tf.Multiply]: binary(Op.Mul),
  [tf.RealDiv]: binary(Op.Div),
};
