// Main-thread side of the supernet training worker (issue 4; reused by the upload flow),
// Squoosh style: the worker starts lazily on the first run, progress comes back through
// comlink-proxied callbacks, `cancel` stops training after the current step, `terminate`
// ends the worker. The training data is transferred to the worker (the caller's arrays are
// detached afterwards: pass copies if they are still needed).

import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { BackendInfo, BackendPreference } from '../ml/backend';
import type { TrainListener, TrainOutcome, TrainRequest } from '../ml/supernet/training-session';
import type { TrainWorkerApi } from '../../workers/train.worker';

const defaultWorker = () => new Worker(new URL('../../workers/train.worker.ts', import.meta.url), { type: 'module' });

export class TrainClient {
  private worker: Worker | null = null;
  private api: Remote<TrainWorkerApi> | null = null;
  private backendInfo: BackendInfo | null = null;
  private crash: Promise<never> | null = null;

  constructor(
    private readonly preference: BackendPreference = 'auto',
    private readonly createWorker: () => Worker = defaultWorker,
  ) {}

  /** The backend the worker runs on (starts the worker when needed). */
  async backend(): Promise<BackendInfo> {
    await this.start();
    return this.backendInfo!;
  }

  private async start(): Promise<Remote<TrainWorkerApi>> {
    if (this.api) return this.api;
    const worker = this.createWorker();
    this.crash = new Promise<never>((_, reject) =>
      worker.addEventListener('error', (ev) => {
        ev.preventDefault?.();
        reject(new Error(`the training worker crashed: ${(ev as ErrorEvent).message || 'uncaught error'}`));
      }),
    );
    this.crash.catch(() => {}); // observed by train(); avoid an unhandled rejection when idle
    this.worker = worker;
    this.api = wrap<TrainWorkerApi>(worker);
    this.backendInfo = await Promise.race([this.api.init(this.preference), this.crash]);
    return this.api;
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
    return Promise.race([api.train(transfer(request, unique), callbacks), this.crash!]);
  }

  cancel(): void {
    void this.api?.cancel();
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.crash = null;
  }
}
