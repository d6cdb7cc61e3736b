import { describe, it, expect } from 'vitest';
import { FALLBACK_ORDER, nextBackend, recoveryPlan } from '../../src/api/recovery';

describe('backend fallback after a crash or a lost device', () => {
  it('goes WebGPU → WebGL → WebAssembly → CPU → nothing', () => {
    expect(FALLBACK_ORDER).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(nextBackend('webgpu')).toBe('webgl');
    expect(nextBackend('webgl')).toBe('wasm');
    expect(nextBackend('wasm')).toBe('cpu');
    expect(nextBackend('cpu')).toBeNull();
  });

  it('plans a restart on the next backend, and gives up when none is left or too many restarts', () => {
    const lost = recoveryPlan('device-lost', 'webgpu', 'destroyed', 0);
    expect(lost.backend).toBe('webgl');
    expect(lost.message).toMatch(/GPU device was lost on webgpu.*continuing from the last checkpoint on webgl/);
    const crash = recoveryPlan('worker-crashed', 'webgl', 'oom', 1);
    expect(crash.backend).toBe('wasm');
    expect(crash.message).toMatch(/worker crashed on webgl/);
    expect(recoveryPlan('worker-crashed', 'cpu', 'oom', 0).backend).toBeNull();
    expect(recoveryPlan('device-lost', 'webgpu', 'x', 3).backend).toBeNull();
  });
});
