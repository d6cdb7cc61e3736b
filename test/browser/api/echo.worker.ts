// A tiny worker for the WorkerBridge test: echoes, counts its calls, and can crash on request.
import { expose } from 'comlink';

let calls = 0;
expose({
  echo: (x: number) => (++calls, x * 2),
  calls: () => calls,
  crashSoon: () => void setTimeout(() => { throw new Error('boom from the worker'); }, 20),
});
