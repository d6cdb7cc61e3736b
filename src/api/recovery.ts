// Recovery policy of the search: when the worker crashes or its GPU device is lost,
// the run continues from its last checkpoint on the next backend — WebGPU → WebGL → WebAssembly → CPU.
// Pure, so it is tested in Node.

import { BACKEND_NAMES, type BackendChoice, type BackendName } from '../core/backends';

export const FALLBACK_ORDER: readonly BackendName[] = BACKEND_NAMES;

/** The backend after `failed` in the fallback order, or null when none is left (CPU failed). */
export function nextBackend(failed: BackendName): BackendName | null {
  const i = FALLBACK_ORDER.indexOf(failed);
  return i < 0 || i + 1 >= FALLBACK_ORDER.length ? null : FALLBACK_ORDER[i + 1];
}

export type FailureKind = 'device-lost' | 'worker-crashed';

export interface RecoveryPlan {
  /** The backend preference for the restarted worker, or null: give up and report an error. */
  backend: BackendChoice | null;
  message: string;
}

/** What to do after a failure on `backend` (the one that was running). */
export function recoveryPlan(kind: FailureKind, backend: BackendName, detail: string, restartsSoFar: number, maxRestarts = 3): RecoveryPlan {
  const what = kind === 'device-lost' ? `The GPU device was lost on ${backend}` : `The search worker crashed on ${backend}`;
  const next = nextBackend(backend);
  if (next === null || restartsSoFar >= maxRestarts) {
    return { backend: null, message: `${what} (${detail}); no backend left to continue on.` };
  }
  return { backend: next, message: `${what} (${detail}); continuing from the last checkpoint on ${next}.` };
}
