import { describe, expect, it } from 'vitest';
import { autoBackendOrder, explicitBackendOrder, isSoftwareRenderer, orderByTiming } from '../../src/core/backend-order';

describe('auto backend order', () => {
  it('prefers a hardware WebGPU adapter', () => {
    expect(autoBackendOrder({ webgpu: { available: true, isFallbackAdapter: false }, webglRenderer: 'ANGLE (NVIDIA GeForce)' }).order).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('uses hardware WebGL when WebGPU is missing or a software fallback', () => {
    expect(autoBackendOrder({ webgpu: { available: false }, webglRenderer: 'ANGLE (Intel Iris Xe)' }).order).toEqual(['webgl', 'wasm', 'cpu']);
    expect(autoBackendOrder({ webgpu: { available: true, isFallbackAdapter: true }, webglRenderer: 'Apple M2' }).order).toEqual(['webgl', 'wasm', 'cpu']);
  });

  it('goes straight to the CPU when only software adapters exist, and says why', () => {
    const r = autoBackendOrder({ webgpu: { available: true, isFallbackAdapter: true }, webglRenderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)' });
    expect(r.order).toEqual(['wasm', 'cpu']);
    expect(r.why).toMatch(/software/);
    expect(autoBackendOrder({ webgpu: { available: false }, webglRenderer: 'llvmpipe (LLVM 15.0.6, 256 bits)' }).order).toEqual(['wasm', 'cpu']);
  });

  it('without any facts it still tries WebGL before the CPU', () => {
    expect(autoBackendOrder({ webgpu: { available: false } }).order).toEqual(['webgl', 'wasm', 'cpu']);
  });

  it('never offers WebAssembly for training convolutions (no gradients there)', () => {
    expect(autoBackendOrder({ webgpu: { available: true, isFallbackAdapter: true }, webglRenderer: 'SwiftShader' }, true).order).toEqual(['cpu']);
    expect(autoBackendOrder({ webgpu: { available: true } }, true).order).toEqual(['webgpu', 'webgl', 'cpu']);
    expect(explicitBackendOrder('cpu', true)).toEqual(['cpu', 'webgpu', 'webgl']);
  });

  it('tries an explicit choice first, then the rest in WebGPU → WebGL → WebAssembly → CPU order', () => {
    expect(explicitBackendOrder('wasm')).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    expect(explicitBackendOrder('webgl')).toEqual(['webgl', 'webgpu', 'wasm', 'cpu']);
  });

  it('recognises software renderers', () => {
    expect(isSoftwareRenderer('Google SwiftShader')).toBe(true);
    expect(isSoftwareRenderer('Mesa llvmpipe')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (AMD Radeon)')).toBe(false);
    expect(isSoftwareRenderer(undefined)).toBe(false);
  });
});

describe('auto backend order by measured speed', () => {
  const order = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
  it('puts the faster of the timed backends first and keeps the rest in order', () => {
    const r = orderByTiming([...order], [{ name: 'webgpu', msPerStep: 900 }, { name: 'wasm', msPerStep: 300 }]);
    expect(r.order).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    expect(r.why).toBe('measured per DARTS step: webgpu 900 ms vs wasm 300 ms');
    expect(orderByTiming([...order], [{ name: 'webgpu', msPerStep: 100 }, { name: 'wasm', msPerStep: 300 }]).order).toEqual([...order]);
  });

  it('ignores a failed timing, prefers the default order on a tie, and keeps the order when all failed', () => {
    expect(orderByTiming([...order], [{ name: 'webgpu', msPerStep: NaN }, { name: 'wasm', msPerStep: 300 }]).order[0]).toBe('wasm');
    expect(orderByTiming([...order], [{ name: 'webgpu', msPerStep: 300 }, { name: 'wasm', msPerStep: 300 }]).order[0]).toBe('webgpu');
    const none = orderByTiming([...order], [{ name: 'webgpu', msPerStep: NaN }, { name: 'wasm', msPerStep: NaN }]);
    expect(none.order).toEqual([...order]);
    expect(none.why).toMatch(/failed/);
  });
});
