// Which tfjs backends `auto` tries, in order (first rule: WebGPU when an adapter exists, else WebGL,
// else the CPU — refined by measurement). On a machine without a GPU, Chromium's WebGPU and WebGL
// are software renderers (SwiftShader): there one backbone evaluation of the search took ~160 s
// on software WebGPU against ~5 s on the JS CPU backend with our fast kernels, so `auto` skips
// software adapters. On the CPU, WebAssembly (`wasm`, SIMD + XNNPACK) runs the search's maths
// several times faster than the JS `cpu` backend (measured: a DARTS step pair at C 192 3.2 s vs
// 15 s; running both backbones over an epoch under 1 s vs ~40 s), so it comes before `cpu`. It has
// no convolution gradients, so supernet training (`trainsConvolutions`) never picks it. With a
// hardware GPU the search times the GPU against wasm and leads with the faster (orderByTiming).
// Pure, so it is tested in Node.

import { BACKEND_NAMES, type BackendName } from './backends';

/** The CPU backends, fastest first; `wasm` only where no convolution is trained. */
export function cpuBackends(trainsConvolutions = false): BackendName[] {
  return trainsConvolutions ? ['cpu'] : ['wasm', 'cpu'];
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** True when a WebGL renderer string names a software rasteriser. */
export function isSoftwareRenderer(renderer: string | undefined): boolean {
  return renderer !== undefined && SOFTWARE_RENDERER.test(renderer);
}

export interface AdapterFacts {
  webgpu: { available: boolean; isFallbackAdapter?: boolean };
  /** WebGL's (unmasked) renderer string; undefined when WebGL is unavailable or does not say. */
  webglRenderer?: string;
}

/** The order `auto` tries backends in, and why, in words for the UI. */
export function autoBackendOrder(facts: AdapterFacts, trainsConvolutions = false): { order: BackendName[]; why: string } {
  const gpuHardware = facts.webgpu.available && !facts.webgpu.isFallbackAdapter;
  const glSoftware = isSoftwareRenderer(facts.webglRenderer);
  const cpu = cpuBackends(trainsConvolutions);
  if (gpuHardware) return { order: ['webgpu', 'webgl', ...cpu], why: 'hardware WebGPU adapter' };
  if (facts.webglRenderer !== undefined && !glSoftware) return { order: ['webgl', ...cpu], why: 'hardware WebGL renderer, no hardware WebGPU adapter' };
  if (facts.webgpu.available || glSoftware) {
    return { order: cpu, why: 'only software GPU adapters here (about 30× slower than the CPU)' };
  }
  return { order: ['webgl', ...cpu], why: 'no WebGPU adapter' };
}

/**
 * An explicit choice first, then the rest of WebGPU → WebGL → WebAssembly → CPU. When training
 * convolutions, WebAssembly is left out even if it was the choice.
 */
export function explicitBackendOrder(choice: BackendName, trainsConvolutions = false): BackendName[] {
  const cpu = cpuBackends(trainsConvolutions);
  const all: BackendName[] = BACKEND_NAMES.filter((b) => b === 'webgpu' || b === 'webgl' || cpu.includes(b));
  return all.includes(choice) ? [choice, ...all.filter((b) => b !== choice)] : all;
}

/** A backend's measured cost of the search's typical work (ms per DARTS step pair); NaN = failed. */
export interface BackendTiming {
  name: BackendName;
  msPerStep: number;
}

/**
 * `auto` with a hardware GPU: the GPU is not always faster than WebAssembly on the search's many
 * small kernels, so both are timed on the same work and the faster one leads the order (the
 * rest follows in `order`'s sequence). Ties and failures keep `order`'s preference.
 */
export function orderByTiming(order: BackendName[], timings: BackendTiming[]): { order: BackendName[]; why: string } {
  const ok = timings.filter((t) => Number.isFinite(t.msPerStep) && t.msPerStep > 0);
  if (ok.length === 0) return { order, why: 'timing failed; kept the default order' };
  const best = ok.reduce((a, b) => (b.msPerStep < a.msPerStep || (b.msPerStep === a.msPerStep && order.indexOf(b.name) < order.indexOf(a.name)) ? b : a));
  const measured = timings.map((t) => `${t.name} ${Number.isFinite(t.msPerStep) ? `${t.msPerStep.toFixed(0)} ms` : 'failed'}`).join(' vs ');
  return { order: [best.name, ...order.filter((b) => b !== best.name)], why: `measured per DARTS step: ${measured}` };
}
