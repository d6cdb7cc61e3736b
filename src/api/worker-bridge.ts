// The main thread's handle on one Web Worker, Squoosh style, shared by the search and the
// training clients: the worker is spawned lazily on first use and driven through comlink; an
// uncaught error in it (a crash) is reported once, for the worker that is current; terminate
// ends it. Each spawn gets a new id so callbacks and crash reports of a replaced worker can be
// told apart and dropped.

import { wrap, type Remote } from 'comlink';

export class WorkerBridge<Api> {
  private worker: Worker | null = null;
  private remote: Remote<Api> | null = null;
  private crashed: Promise<never> | null = null;
  private currentId = 0;

  /**
   * @param create makes the worker (tests may pass their own)
   * @param onCrash called with the error text when the current worker crashes
   */
  constructor(
    private readonly create: () => Worker,
    private readonly onCrash: (message: string, workerId: number) => void = () => {},
  ) {}

  /** The live worker's API, or null when none runs. */
  get api(): Remote<Api> | null {
    return this.remote;
  }

  /** Id of the current worker (changes with every spawn and terminate). */
  get id(): number {
    return this.currentId;
  }

  isCurrent(workerId: number): boolean {
    return workerId === this.currentId && this.remote !== null;
  }

  /** The live worker's API, spawning a worker when none runs. */
  ensure(): Remote<Api> {
    return this.remote ?? this.spawn();
  }

  /** A fresh worker, replacing (terminating) the current one. */
  spawn(): Remote<Api> {
    this.terminate();
    const worker = this.create();
    const id = this.currentId;
    this.crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (ev) => {
        ev.preventDefault?.();
        const message = (ev as ErrorEvent).message || 'uncaught error';
        reject(new Error(message));
        if (id === this.currentId) this.onCrash(message, id);
      });
    });
    this.crashed.catch(() => {}); // observed through `raceCrash`; no unhandled rejection when idle
    this.worker = worker;
    this.remote = wrap<Api>(worker);
    return this.remote;
  }

  /** `call`, or a rejection with `describe(crash text)` if the current worker crashes first. */
  raceCrash<T>(call: Promise<T>, describe: (message: string) => string = (m) => m): Promise<T> {
    const crashed = this.crashed;
    if (!crashed) return call;
    return Promise.race([call, crashed.catch((err: Error) => Promise.reject(new Error(describe(err.message))))]);
  }

  /** Ends the worker; its later messages and errors are ignored. */
  terminate(): void {
    this.currentId++;
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    this.crashed = null;
  }
}
