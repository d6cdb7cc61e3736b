/// <reference lib="dom" />
// Browser side of scripts/bench.ts: starts the bench worker (workers/bench.worker.ts) and runs
// it. Not part of the app; served by a programmatic Vite server.
import { proxy, wrap } from 'comlink';
import type { BenchRequest } from '../../src/ml/bench/bench-session';
import type { BenchWorkerApi } from '../../workers/bench.worker';

declare global {
  interface Window {
    reportProgress?: (line: string) => Promise<void>;
    runBench: (request: BenchRequest) => Promise<unknown>;
  }
}

window.runBench = async (request) => {
  const worker = new Worker(new URL('../../workers/bench.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await wrap<BenchWorkerApi>(worker).run(request, proxy((line: string) => void window.reportProgress?.(line)));
  } finally {
    worker.terminate();
  }
};
