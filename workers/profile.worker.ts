// The profiling worker: only wiring. Layer timing and the prediction check live in
// src/ml/profile/profile-session.ts; the main thread talks to it through
// src/api/profile-client.ts (comlink). Only JSON crosses the boundary.
import { expose } from 'comlink';
import type { BackendChoice } from '../src/core/backends';
import { ProfileSession, type PredictionCheckRequest, type ProfileListener, type ProfileRequest } from '../src/ml/profile/profile-session';

const session = new ProfileSession();

const api = {
  init: (preference: BackendChoice) => session.init(preference),
  profile: (request: ProfileRequest, listener: ProfileListener) => session.profile(request, listener),
  predictionCheck: (request: PredictionCheckRequest, onSubnet: (done: number, total: number) => void) => session.predictionCheck(request, onSubnet),
  cancel: () => session.cancel(),
};

export type ProfileWorkerApi = typeof api;
expose(api);
