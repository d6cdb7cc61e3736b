// Shared shapes of the fast cpu kernels (Node supernet training): what a kernel
// function receives from the tfjs engine on the `cpu` backend, and the fast-kernel contract.

import type * as tf from '@tensorflow/tfjs';

export type Values = ArrayLike<number>;

/** The part of tfjs-backend-cpu's MathBackendCPU the fast kernels use. */
export interface CpuBackend {
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array): tf.TensorInfo;
}

export interface KernelArgs<A = Record<string, unknown>> {
  inputs: Record<string, tf.TensorInfo>;
  backend: CpuBackend;
  attrs: A;
}

/** A fast kernel: returns null when it does not handle the call (then the stock kernel runs). */
export type FastKernel = (args: KernelArgs) => tf.TensorInfo | null;

export function values(backend: CpuBackend, t: tf.TensorInfo): Values {
  return backend.data.get(t.dataId).values as Values;
}

export function allFloat(...ts: tf.TensorInfo[]): boolean {
  return ts.every((t) => t.dtype === 'float32');
}
