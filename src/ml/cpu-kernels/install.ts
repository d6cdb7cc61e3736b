// Swaps slow stock tfjs `cpu` kernels for flat typed-array loops, so the unchanged supernet code
// trains at a practical speed in Node. Covers Conv2D, DepthwiseConv2dNative and
// their input / filter gradients (what tf.conv2d / tf.depthwiseConv2d and their gradients
// dispatch to; the supernet uses no fused convolutions), plus the broadcasting Add / Sub /
// Multiply / RealDiv, Sum / Mean, Tile, Relu and Step that BatchNorm, ReLU and its gradient spend most time in
// and their gradients spend most time in once the convolutions are fast. Float32 NHWC with dilation 1 (depthwise: channel multiplier 1)
// runs the fast loops; any other call is handed to the captured stock kernel.

import * as tf from '@tensorflow/tfjs';
import { type ConvAttrs, convGeometry, fastAttrsSupported } from './geometry';
import { conv2dBackpropFilter, conv2dBackpropInput, conv2dForward } from './conv2d-loops';
import { depthwiseBackpropFilter, depthwiseBackpropInput, depthwiseForward } from './depthwise-loops';
import { type FastKernel, type KernelArgs, allFloat, values } from './kernel-types';
import { BINARY_KERNELS } from './binary-kernels';
import { REDUCE_KERNELS } from './reduce-kernels';
import { UNARY_KERNELS } from './unary-kernels';

type ConvArgs = KernelArgs<ConvAttrs & { inputShape?: number[]; filterShape?: number[] }>;

const CONV_KERNELS: Record<string, (args: ConvArgs) => tf.TensorInfo | null> = {
  [tf.Conv2D]: ({ inputs: { x, filter }, backend, attrs }) => {
    if (!fastAttrsSupported(attrs) || !allFloat(x, filter)) return null;
    const g = convGeometry(x.shape, filter.shape, attrs, false);
    const y = conv2dForward(values(backend, x), values(backend, filter), g);
    return backend.makeTensorInfo([g.batch, g.outH, g.outW, g.outC], 'float32', y);
  },
  [tf.Conv2DBackpropInput]: ({ inputs: { dy, filter }, backend, attrs }) => {
    if (!fastAttrsSupported(attrs) || !allFloat(dy, filter) || !attrs.inputShape) return null;
    const g = convGeometry(attrs.inputShape, filter.shape, attrs, false);
    const dx = conv2dBackpropInput(values(backend, dy), values(backend, filter), g);
    return backend.makeTensorInfo([g.batch, g.inH, g.inW, g.inC], 'float32', dx);
  },
  [tf.Conv2DBackpropFilter]: ({ inputs: { x, dy }, backend, attrs }) => {
    if (!fastAttrsSupported(attrs) || !allFloat(x, dy) || !attrs.filterShape) return null;
    const g = convGeometry(x.shape, attrs.filterShape, attrs, false);
    const dw = conv2dBackpropFilter(values(backend, x), values(backend, dy), g);
    return backend.makeTensorInfo([g.kH, g.kW, g.inC, g.outC], 'float32', dw);
  },
  [tf.DepthwiseConv2dNative]: ({ inputs: { x, filter }, backend, attrs }) => {
    if (!fastAttrsSupported(attrs) || !allFloat(x, filter) || filter.shape[3] !== 1) return null;
    const g = convGeometry(x.shape, filter.shape, attrs, true);
    const y = depthwiseForward(values(backend, x), values(backend, filter), g);
    return backend.makeTensorInfo([g.batch, g.outH, g.outW, g.outC], 'float32', y);
  },
  [tf.DepthwiseConv2dNativeBackpropInput]: ({ inputs: { dy, filter }, backend, attrs }) => {
    if (!fastAttrsSupported(attrs) || !allFloat(dy, filter) || filter.shape[3] !== 1 || !attrs.inputShape) return null;
    const g = convGeometry(attrs.inputShape, filter.shape, attrs, true);
    const dx = depthwiseBackpropInput(values(backend, dy), values(backend, filter), g);
    return backend.makeTensorInfo([g.batch, g.inH, g.inW, g.inC], 'float32', dx);
  },
  [tf.DepthwiseConv2dNativeBackpropFilter]: ({ inputs: { x, dy }, backend, attrs }) => {
    if (!fastAttrsSupported(attrs) || !allFloat(x, dy) || attrs.filterShape?.[3] !== 1) return null;
    const g = convGeometry(x.shape, attrs.filterShape, attrs, true);
    const dw = depthwiseBackpropFilter(values(backend, x), values(backend, dy), g);
    return backend.makeTensorInfo([g.kH, g.kW, g.inC, 1], 'float32', dw);
  },
};

const FAST: Record<string, FastKernel> = {
  ...(CONV_KERNELS as unknown as Record<string, FastKernel>),
  ...BINARY_KERNELS,
  ...REDUCE_KERNELS,
  ...UNARY_KERNELS,
};

/** Names of the kernels replaced on the cpu backend. */
export const FAST_CPU_KERNELS: readonly string[] = Object.keys(FAST);

const BACKEND = 'cpu';
let stock: Map<string, tf.KernelConfig> | null = null;
const calls = new Map<string, { fast: number; stock: number }>();

/** How often each replaced kernel ran its fast loops or fell back to the stock kernel. */
export function fastKernelCalls(): Record<string, { fast: number; stock: number }> {
  return Object.fromEntries([...calls].map(([k, v]) => [k, { ...v }]));
}

export function fastCpuKernelsInstalled(): boolean {
  return stock !== null;
}

/**
 * Re-registers FAST_CPU_KERNELS of the `cpu` backend with the fast loops, keeping
 * the stock configs for fallback and for uninstallFastCpuKernels(). Idempotent. Needs the cpu
 * backend's kernels registered (importing '@tensorflow/tfjs' does that).
 */
export function installFastCpuKernels(): void {
  if (stock) return;
  const saved = new Map<string, tf.KernelConfig>();
  for (const name of FAST_CPU_KERNELS) {
    const config = tf.getKernel(name, BACKEND);
    if (!config) throw new Error(`tfjs has no '${BACKEND}' kernel ${name} to replace (is the cpu backend loaded?)`);
    saved.set(name, config);
  }
  for (const [name, config] of saved) {
    const fast = FAST[name];
    const stockFunc = config.kernelFunc;
    const count = calls.get(name) ?? { fast: 0, stock: 0 };
    calls.set(name, count);
    const kernelFunc: tf.KernelFunc = (args) => {
      const out = fast(args as unknown as KernelArgs);
      if (out) {
        count.fast++;
        return out;
      }
      count.stock++;
      return stockFunc(args) as tf.TensorInfo;
    };
    tf.unregisterKernel(name, BACKEND);
    tf.registerKernel({ ...config, kernelFunc });
  }
  stock = saved;
}

/** Puts the stock kernels back. No-op when the fast ones are not installed. */
export function uninstallFastCpuKernels(): void {
  if (!stock) return;
  for (const [name, config] of stock) {
    tf.unregisterKernel(name, BACKEND);
    tf.registerKernel(config);
  }
  stock = null;
}

/** The captured stock kernel config (for tests and benchmarks); undefined when not installed. */
export function stockCpuKernel(name: string): tf.KernelConfig | undefined {
  return stock?.get(name);
}
