// Backend choice for TensorFlow.js: hardware WebGPU, else hardware WebGL, else the CPU through
// WebAssembly, else the JS CPU backend (software adapters are skipped by `auto`: measured ~30×
// slower than the CPU; src/core/backend-order.ts has the rule and the figures).
// Reports what runs and whether the WebGPU adapter is a software fallback, and honours an
// explicit user choice. Works on the main thread and in workers.
import * as tf from '@tensorflow/tfjs';
import { type BackendTiming, autoBackendOrder, explicitBackendOrder, orderByTiming } from '../core/backend-order';
import type { BackendChoice, BackendName, BackendReport, WebGpuProbe } from '../core/backends';
import '@tensorflow/tfjs-backend-webgpu';
import { installFastCpuKernels } from './cpu-kernels';
import { configureWasmBinaries } from './wasm-binaries';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';

export interface BackendNeeds {
  /** Training convolutions (supernet training): the wasm backend lacks their gradients. */
  trainsConvolutions?: boolean;
  /**
   * `auto` with a hardware GPU: time this work (ms) on the GPU backend and on wasm and lead with
   * the faster (the search passes its DARTS step, src/ml/backend-calibration.ts).
   */
  timeWorkMs?: () => Promise<number>;
}

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

export async function probeWebGpu(): Promise<WebGpuProbe> {
  const nav = (globalThis as unknown as { navigator?: { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } }).navigator;
  const gpu = nav?.gpu;
  if (!gpu) return { available: false };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false };
    const info = adapter.info ?? {};
    const parts = [info.vendor, info.architecture, info.description].filter((s) => s && s.length > 0);
    const isFallbackAdapter = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || /swiftshader/i.test(parts.join(' '));
    return { available: true, description: parts.join(' / ') || 'unnamed adapter', isFallbackAdapter };
  } catch {
    return { available: false };
  }
}

async function trySetBackend(name: BackendName): Promise<boolean> {
  try {
    // The stock cpu convolution kernels are ~15× slower than our flat loops (tested equal).
    if (name === 'cpu') installFastCpuKernels();
    if (name === 'wasm') configureWasmBinaries();
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/** WebGL's unmasked renderer string (works in workers through OffscreenCanvas); undefined if unknown. */
export function probeWebGlRenderer(): string | undefined {
  try {
    if (typeof OffscreenCanvas === 'undefined') return undefined;
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return undefined;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof renderer === 'string' ? renderer : undefined;
  } catch {
    return undefined;
  }
}

/** When a GPU backend leads `auto`'s order and wasm is in it: time both on the work, faster first. */
async function timedAutoOrder(auto: { order: BackendName[]; why: string }, timeWorkMs: () => Promise<number>): Promise<{ order: BackendName[]; why: string }> {
  const gpu = auto.order[0];
  if ((gpu !== 'webgpu' && gpu !== 'webgl') || !auto.order.includes('wasm')) return auto;
  const timings: BackendTiming[] = [];
  for (const name of [gpu, 'wasm'] as const) {
    let msPerStep = NaN;
    try {
      if (await trySetBackend(name)) msPerStep = await timeWorkMs();
    } catch {
      msPerStep = NaN;
    }
    timings.push({ name, msPerStep });
  }
  const timed = orderByTiming(auto.order, timings);
  return { order: timed.order, why: `${auto.why}; ${timed.why}` };
}

/**
 * Picks and activates a backend. `auto`: hardware WebGPU, else hardware WebGL, else WebAssembly,
 * else the JS CPU backend — software adapters are skipped (src/core/backend-order.ts says why);
 * an explicit choice is tried first and falls through WebGPU → WebGL → WebAssembly → CPU.
 * With `trainsConvolutions`, WebAssembly is never used (no convolution gradients there); with
 * `timeWorkMs`, `auto` times a hardware GPU against WebAssembly and leads with the faster.
 */
export async function chooseBackend(preference: BackendChoice = 'auto', needs: BackendNeeds = {}): Promise<BackendReport> {
  const webgpu = await probeWebGpu();
  const trainsConvolutions = needs.trainsConvolutions ?? false;
  let auto = preference === 'auto' ? autoBackendOrder({ webgpu, webglRenderer: probeWebGlRenderer() }, trainsConvolutions) : null;
  if (auto && needs.timeWorkMs) auto = await timedAutoOrder(auto, needs.timeWorkMs);
  const order: BackendName[] = auto
    ? auto.order
    : explicitBackendOrder(preference as BackendName, trainsConvolutions);
  const skipped: string[] = trainsConvolutions && preference === 'wasm' ? ['wasm: cannot train convolutions'] : [];
  for (const name of order) {
    if (name === 'webgpu' && !webgpu.available) {
      skipped.push('WebGPU: no adapter');
      continue;
    }
    if (await trySetBackend(name)) {
      const reason =
        skipped.length === 0
          ? auto
            ? `best available: ${auto.why}`
            : 'your choice'
          : `fallback (${skipped.join('; ')})`;
      return name === 'wasm' ? { name, reason, webgpu, wasmThreads: getThreadsCount() } : { name, reason, webgpu };
    }
    skipped.push(`${name}: failed to start`);
  }
  throw new Error(`No TensorFlow.js backend could start (${skipped.join('; ')})`);
}
