// Main-thread side of the supernet training worker (reused by the upload flow),
// Squoosh style: the worker starts lazily on the first run, progress comes back through
// comlink-proxied callbacks, `cancel` stops training after the current step, `terminate`
// ends the worker. The training data is transferred to the worker (the caller's arrays are
// detached afterwards: pass copies if they are still needed).

import { proxy, transfer, type Remote } from 'comlink';
import type { BackendChoice, BackendReport } from '../core/backends';
import { WorkerBridge } from './worker-bridge';
import type { StepTiming, TrainListener, TrainOutcome, TrainRequest } from '../ml/supernet/training-session';
import type { TrainWorkerApi } from '../../workers/train.worker';

const defaultWorker = () => new Worker(new URL('../../workers/train.worker.ts', import.meta.url), { type: 'module' });

export class TrainClient {
  private readonly bridge: WorkerBridge<TrainWorkerApi>;
  private backendInfo: BackendReport | null = null;

  constructor(
    private readonly preference: BackendChoice = 'auto',
    createWorker: () => Worker = defaultWorker,
  ) {
    this.bridge = new WorkerBridge<TrainWorkerApi>(createWorker);
  }

  /** The backend the worker runs on (starts the worker when needed). */
  async backend(): Promise<BackendReport> {
    await this.start();
    return this.backendInfo!;
  }

  private async start(): Promise<Remote<TrainWorkerApi>> {
    if (this.bridge.api && this.backendInfo) return this.bridge.api;
    const api = this.bridge.ensure();
    this.backendInfo = await this.bridge.raceCrash(api.init(this.preference), crashed);
    return api;
  }

  /** Trains a fresh supernet; resolves with the reports and the trained weights. */
  async train(request: TrainRequest, listener: TrainListener = {}): Promise<TrainOutcome> {
    const api = await this.start();
    const buffers = [request.train.inputs.buffer, request.train.labels.buffer, request.val.inputs.buffer, request.val.labels.buffer];
    const unique = [...new Set(buffers)] as ArrayBuffer[];
    const callbacks = proxy({
      onStep: (p: Parameters<NonNullable<TrainListener['onStep']>>[0]) => listener.onStep?.(p),
      onEpoch: (r: Parameters<NonNullable<TrainListener['onEpoch']>>[0]) => listener.onEpoch?.(r),
    });
    return this.bridge.raceCrash(api.train(transfer(request, unique), callbacks), crashed);
  }

  /** Times a few steps on the request's data in the worker (the arrays are copied, not transferred). */
  async timeSteps(request: TrainRequest): Promise<StepTiming> {
    const api = await this.start();
    return this.bridge.raceCrash(api.timeSteps(request), crashed);
  }

  cancel(): void {
    void this.bridge.api?.cancel();
  }

  terminate(): void {
    this.bridge.terminate();
    this.backendInfo = null;
  }
}

const crashed = (message: string) => `the training worker crashed: ${message}`;
