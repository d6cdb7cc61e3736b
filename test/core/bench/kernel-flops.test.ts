import { describe, expect, it } from 'vitest';
import { gflops, kernelFlops, summariseFlops } from '../../../src/core/bench/kernel-flops';

describe('kernelFlops', () => {
  it('counts a matmul as 2·M·N·K whichever operand is transposed', () => {
    expect(kernelFlops({ name: 'MatMul', inputShapes: [[3, 5], [5, 7]], outputShapes: [[3, 7]] })).toBe(2 * 3 * 7 * 5);
    expect(kernelFlops({ name: 'BatchMatMul', inputShapes: [[2, 5, 3], [2, 5, 7]], outputShapes: [[2, 3, 7]] })).toBe(2 * 2 * 3 * 7 * 5);
  });
  it('counts convolutions and both of their gradients with the same multiply-adds', () => {
    const x = [2, 8, 8, 3];
    const w = [3, 3, 3, 4];
    const y = [2, 8, 8, 4];
    const forward = 2 * 2 * 8 * 8 * 4 * 3 * 3 * 3;
    expect(kernelFlops({ name: 'Conv2D', inputShapes: [x, w], outputShapes: [y] })).toBe(forward);
    expect(kernelFlops({ name: 'Conv2DBackpropInput', inputShapes: [y, w], outputShapes: [x] })).toBe(forward);
    expect(kernelFlops({ name: 'Conv2DBackpropFilter', inputShapes: [x, y], outputShapes: [w] })).toBe(forward);
  });
  it('counts depthwise convolutions per output element and kernel tap', () => {
    const dw = 2 * 2 * 8 * 8 * 6 * 5 * 5;
    expect(kernelFlops({ name: 'DepthwiseConv2dNative', inputShapes: [[2, 8, 8, 6], [5, 5, 6, 1]], outputShapes: [[2, 8, 8, 6]] })).toBe(dw);
    expect(kernelFlops({ name: 'DepthwiseConv2dNativeBackpropInput', inputShapes: [[2, 8, 8, 6], [5, 5, 6, 1]], outputShapes: [[2, 8, 8, 6]] })).toBe(dw);
    expect(kernelFlops({ name: 'DepthwiseConv2dNativeBackpropFilter', inputShapes: [[2, 8, 8, 6], [2, 8, 8, 6]], outputShapes: [[5, 5, 6, 1]] })).toBe(dw);
  });
  it('counts other kernels once per output element, reductions once per input element', () => {
    expect(kernelFlops({ name: 'Add', inputShapes: [[4, 5], [5]], outputShapes: [[4, 5]] })).toBe(20);
    expect(kernelFlops({ name: 'Sum', inputShapes: [[4, 5]], outputShapes: [[4]] })).toBe(20);
    expect(kernelFlops({ name: 'Reshape', inputShapes: [[4, 5]], outputShapes: [] })).toBe(0);
  });
  it('sums a step and keeps the exact part apart', () => {
    const s = summariseFlops([
      { name: 'MatMul', inputShapes: [[2, 2], [2, 2]], outputShapes: [[2, 2]] },
      { name: 'Relu', inputShapes: [[2, 2]], outputShapes: [[2, 2]] },
    ]);
    expect(s).toEqual({ flops: 20, exactFlops: 16, kernels: 2 });
    expect(gflops(2e9, 1000)).toBe(2);
  });
});
