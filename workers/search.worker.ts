// The search worker: only wiring. The two-tier search lives in src/ml/search-runner.ts; the
// main thread talks to it through src/api/search-client.ts (comlink).
import { expose } from 'comlink';
import { SearchRunner } from '../src/ml/search-runner';

expose(new SearchRunner());
