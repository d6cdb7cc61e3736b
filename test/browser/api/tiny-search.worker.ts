// A search worker for the crash-recovery browser test: the real SearchRunner (real engine,
// real tfjs evaluator, real backend choice) on tiny untrained supernets and toy data. A worker
// created with the name 'crash-after-first-generation' throws an uncaught error shortly after
// reporting its first generation, as a worker that runs out of memory would die.
import { expose } from 'comlink';
import { SearchRunner } from '../../../src/ml/search-runner';
import { chooseBackend } from '../../../src/ml/backend';
import { parseDeviceTable } from '../../../src/core/device-table';
import type { RunnerCallbacks, StartRequest } from '../../../src/core/search-protocol';
import { tinySearchAssets } from '../../ml/tiny-search-assets';

const runner = new SearchRunner({ chooseBackend, loadAssets: async () => tinySearchAssets(parseDeviceTable(await (await fetch('/luts/jetson-tx2.json')).json())) });
const crashes = (self as unknown as { name: string }).name === 'crash-after-first-generation';

const start = runner.start.bind(runner);
runner.start = (request: StartRequest, cb: RunnerCallbacks) => {
  if (!crashes) return start(request, cb);
  const wrapped: RunnerCallbacks = {
    onDeviceLost: (m) => cb.onDeviceLost(m),
    onEvent: (e) => {
      cb.onEvent(e);
      if (e.type === 'generation') {
        setTimeout(() => {
          throw new Error('simulated crash after the first generation');
        }, 200);
      }
    },
  };
  return start(request, wrapped);
};

expose(runner);
