// Floating-point operations of TensorFlow.js kernels, from the names and shapes `tf.profile`
// records (the benchmark divides them by measured time to get GFLOP/s, then by the backend's
// best square matmul to say how close to the machine a training or DARTS step runs).
// A multiply-add counts 2. Matmuls and convolutions (forward and both gradients) are counted
// exactly; every other kernel counts one operation per output element (reductions: per input
// element), so the totals are a lower bound dominated by the exact terms. Pure: no tfjs.

export interface KernelRecord {
  name: string;
  inputShapes: readonly (readonly number[] | undefined)[];
  outputShapes: readonly (readonly number[] | undefined)[];
}

const size = (shape: readonly number[] | undefined): number => (shape ? shape.reduce((a, b) => a * b, 1) : 0);

const MATMULS = new Set(['MatMul', 'BatchMatMul', '_FusedMatMul']);
const CONVS = new Set(['Conv2D', 'FusedConv2D']);
const DEPTHWISE = new Set(['DepthwiseConv2dNative', 'FusedDepthwiseConv2D']);
const REDUCTIONS = new Set(['Sum', 'Max', 'Min', 'Mean', 'Prod', 'ArgMax', 'ArgMin', 'All', 'Any', 'Softmax', 'LogSoftmax']);

/** The inner dimension K of a matmul whose first operand is `a` and output `out` (either transpose). */
function innerDim(a: readonly number[], out: readonly number[]): number {
  const m = out[out.length - 2];
  const [a1, a2] = a.slice(-2);
  return a1 === m ? a2 : a1;
}

/** Operations (multiply-add = 2) of one kernel call. */
export function kernelFlops(k: KernelRecord): number {
  const [in0, in1] = k.inputShapes;
  const out = k.outputShapes[0];
  if (MATMULS.has(k.name) && in0 && out) return 2 * size(out) * innerDim(in0, out);
  if (CONVS.has(k.name) && in1 && out) {
    const [kh, kw, cin] = in1;
    return 2 * size(out) * kh * kw * cin;
  }
  if (k.name === 'Conv2DBackpropInput' && in0 && in1) {
    const [kh, kw, cin] = in1; // inputs: dy, filter
    return 2 * size(in0) * kh * kw * cin;
  }
  if (k.name === 'Conv2DBackpropFilter' && in1 && out) {
    const cout = out[3]; // inputs: x, dy; output: the filter [kh, kw, cin, cout]
    return (2 * size(in1) * size(out)) / cout;
  }
  if (DEPTHWISE.has(k.name) && in1 && out) return 2 * size(out) * in1[0] * in1[1];
  if (k.name === 'DepthwiseConv2dNativeBackpropInput' && in0 && in1) return 2 * size(in0) * in1[0] * in1[1];
  if (k.name === 'DepthwiseConv2dNativeBackpropFilter' && in1 && out) return 2 * size(in1) * out[0] * out[1];
  if (REDUCTIONS.has(k.name)) return size(in0);
  return Math.max(0, ...k.outputShapes.map(size));
}

export interface FlopSummary {
  /** Every kernel's operations. */
  flops: number;
  /** Of which matmuls and convolutions (counted exactly). */
  exactFlops: number;
  kernels: number;
}

const EXACT = new Set([...MATMULS, ...CONVS, ...DEPTHWISE, 'Conv2DBackpropInput', 'Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'DepthwiseConv2dNativeBackpropFilter']);

export function summariseFlops(kernels: readonly KernelRecord[]): FlopSummary {
  let flops = 0;
  let exactFlops = 0;
  for (const k of kernels) {
    const f = kernelFlops(k);
    flops += f;
    if (EXACT.has(k.name)) exactFlops += f;
  }
  return { flops, exactFlops, kernels: kernels.length };
}

/** GFLOP/s of `flops` done in `ms` milliseconds. */
export const gflops = (flops: number, ms: number): number => flops / (ms * 1e6);
