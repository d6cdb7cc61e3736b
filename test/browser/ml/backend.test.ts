// Runs in headless Chromium: the backend probe finds WebGPU (a software adapter here) and
// WebGL (SwiftShader), `auto` takes WebAssembly over software adapters (the JS CPU backend when
// training convolutions), the wasm binaries load from the Vite-served assets, and each backend
// computes the same small convolution.
import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, probeWebGlRenderer, probeWebGpu } from '../../../src/ml/backend';
import { isSoftwareRenderer } from '../../../src/core/backend-order';
import { timeDartsStepMs } from '../../../src/ml/backend-calibration';

// Reads back asynchronously: on WebGPU, dataSync() of a convolution returns zeros in this
// Chromium (measured), so all read-backs in the app are async.
async function convOnce(): Promise<number[]> {
  const y = tf.tidy(() => {
    const x = tf.tensor4d(Array.from({ length: 2 * 6 * 6 * 3 }, (_, i) => Math.sin(i)), [2, 6, 6, 3]);
    const w = tf.tensor4d(Array.from({ length: 3 * 3 * 3 * 4 }, (_, i) => Math.cos(i) / 10), [3, 3, 3, 4]);
    return tf.conv2d(x, w, 1, 'same');
  });
  const values = Array.from(await y.data());
  y.dispose();
  return values;
}

describe('backend choice in Chromium', () => {
  it('finds a WebGPU adapter with the unsafe-webgpu flag', async () => {
    const probe = await probeWebGpu();
    expect(probe.available).toBe(true);
    expect(typeof probe.description).toBe('string');
  });

  it('auto skips software adapters (SwiftShader here) for the CPU; every backend can be chosen and they agree', async () => {
    const auto = await chooseBackend('auto');
    expect(auto.webgpu.available).toBe(true);
    const softwareOnly = auto.webgpu.isFallbackAdapter && isSoftwareRenderer(probeWebGlRenderer());
    if (softwareOnly) {
      expect(auto.name).toBe('wasm');
      expect(auto.reason).toMatch(/software/);
    } else {
      expect(['webgpu', 'webgl']).toContain(auto.name);
    }
    const training = await chooseBackend('auto', { trainsConvolutions: true });
    expect(training.name).toBe(softwareOnly ? 'cpu' : auto.name);
    const wasmForTraining = await chooseBackend('wasm', { trainsConvolutions: true });
    expect(wasmForTraining.name).not.toBe('wasm');
    expect(wasmForTraining.reason).toMatch(/cannot train convolutions/);
    const gpu = await chooseBackend('webgpu');
    expect(gpu.name).toBe('webgpu');
    const onGpu = await convOnce();
    const gl = await chooseBackend('webgl');
    expect(gl.name).toBe('webgl');
    const onGl = await convOnce();
    const wasm = await chooseBackend('wasm');
    expect(wasm.name).toBe('wasm');
    expect(wasm.reason).toBe('your choice');
    const onWasm = await convOnce();
    const cpu = await chooseBackend('cpu');
    expect(cpu.name).toBe('cpu');
    const onCpu = await convOnce();
    for (let i = 0; i < onCpu.length; i++) {
      expect(onGpu[i]).toBeCloseTo(onCpu[i], 3);
      expect(onGl[i]).toBeCloseTo(onCpu[i], 3);
      expect(onWasm[i]).toBeCloseTo(onCpu[i], 4);
    }
  });

  it('times a DARTS step on a GPU backend and on wasm (what auto weighs against each other), leaking nothing', async () => {
    for (const name of ['webgl', 'wasm'] as const) {
      expect((await chooseBackend(name)).name).toBe(name);
      const before = tf.memory().numTensors;
      const ms = await timeDartsStepMs(1);
      expect(Number.isFinite(ms) && ms > 0).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
    }
    // auto only times when a hardware GPU leads the order; here both adapters are software
    let timed = 0;
    const auto = await chooseBackend('auto', { timeWorkMs: async () => (timed++, 1) });
    const softwareOnly = auto.webgpu.isFallbackAdapter && isSoftwareRenderer(probeWebGlRenderer());
    expect(timed).toBe(softwareOnly ? 0 : 2);
    if (!softwareOnly) expect(auto.reason).toMatch(/measured per DARTS step/);
  });
});
