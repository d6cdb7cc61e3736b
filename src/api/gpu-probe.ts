// Main-thread probe of the GPU backends, without tfjs: does WebGPU give a software (fallback)
// adapter, and does WebGL render in software (SwiftShader, llvmpipe)? Used to warn before a run
// when the user picks a GPU backend that is a software renderer here (measured ~30× slower than
// the CPU backends for this search; src/core/backend-order.ts).

import { isSoftwareRenderer } from '../core/backend-order';

export interface GpuFacts {
  webgpu: 'hardware' | 'software' | 'none';
  webgl: 'hardware' | 'software' | 'none';
  /** WebGL's renderer string, when it says. */
  webglRenderer?: string;
}

interface AdapterLike {
  info?: { description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

export async function probeGpus(): Promise<GpuFacts> {
  let webgpu: GpuFacts['webgpu'] = 'none';
  try {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<AdapterLike | null> } }).gpu;
    const adapter = gpu ? await gpu.requestAdapter() : null;
    if (adapter) {
      const fallback = Boolean(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter) || /swiftshader/i.test(adapter.info?.description ?? '');
      webgpu = fallback ? 'software' : 'hardware';
    }
  } catch {
    webgpu = 'none';
  }
  let webgl: GpuFacts['webgl'] = 'none';
  let webglRenderer: string | undefined;
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (gl) {
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      const r = gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
      webglRenderer = typeof r === 'string' ? r : undefined;
      webgl = isSoftwareRenderer(webglRenderer) ? 'software' : 'hardware';
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    webgl = 'none';
  }
  return { webgpu, webgl, webglRenderer };
}
