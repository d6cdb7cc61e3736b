// The benchmark worker: only wiring. The measurements live in src/ml/bench/; the bench page
// (scripts/bench-page/, driven by scripts/bench.ts) talks to it through comlink.
import { expose } from 'comlink';
import { runBench, type BenchRequest } from '../src/ml/bench/bench-session';

const api = {
  run: (request: BenchRequest, say: (line: string) => void) => runBench(request, say),
};

export type BenchWorkerApi = typeof api;
expose(api);
