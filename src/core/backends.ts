// The TensorFlow.js backends the app can run on, declared once: their names, the user's choices
// (a name or `auto`), how each choice reads in the menu, and what a worker reports about the one
// it runs on. Every other module imports these; the rules for choosing among them live in
// ./backend-order.ts (pure) and src/ml/backend.ts (activation).

/** Every backend, in the fallback order WebGPU → WebGL → WebAssembly → JS CPU. */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** What a user can pick: a backend, or `auto` (measured rule in ./backend-order.ts). */
export const BACKEND_CHOICES = ['auto', ...BACKEND_NAMES] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** How each choice reads in the backend menu. */
export const BACKEND_LABELS: Record<BackendChoice, string> = {
  auto: 'auto (fastest available)',
  webgpu: 'webgpu (GPU)',
  webgl: 'webgl (GPU)',
  wasm: 'wasm (CPU, WebAssembly)',
  cpu: 'cpu (CPU, JavaScript)',
};

export function isBackendChoice(value: unknown): value is BackendChoice {
  return (BACKEND_CHOICES as readonly unknown[]).includes(value);
}

/** What probing WebGPU found. */
export interface WebGpuProbe {
  available: boolean;
  /** Adapter description (vendor / architecture / description) when available. */
  description?: string;
  /** True for a software adapter (e.g. SwiftShader), which is much slower than a GPU. */
  isFallbackAdapter?: boolean;
}

/** The backend a worker runs on and why (JSON: crosses the worker boundary). */
export interface BackendReport {
  name: BackendName;
  /** Why this backend was picked (or why the preferred one was not). */
  reason: string;
  webgpu: WebGpuProbe;
  /** WebAssembly only: threads in use (more than 1 only on a cross-origin isolated page). */
  wasmThreads?: number;
}
