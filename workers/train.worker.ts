// The supernet training worker: only wiring. Training lives in
// src/ml/supernet/training-session.ts; the main thread talks to it through
// src/api/train-client.ts (comlink). The trained weights are transferred, not copied.
import { expose, transfer } from 'comlink';
import type { BackendChoice } from '../src/core/backends';
import { SupernetTrainingSession, type TrainListener, type TrainRequest } from '../src/ml/supernet/training-session';

const session = new SupernetTrainingSession();

const api = {
  init: (preference: BackendChoice) => session.init(preference),
  async train(request: TrainRequest, listener: TrainListener) {
    const outcome = await session.train(request, listener);
    return transfer(outcome, [outcome.weights]);
  },
  timeSteps: (request: TrainRequest) => session.timeSteps(request),
  cancel: () => session.cancel(),
};

export type TrainWorkerApi = typeof api;
expose(api);
