// Main-thread side of the search worker, Squoosh style: the worker starts lazily on
// the first run, is driven through comlink (progress comes back through proxied callbacks),
// and is terminated on reset. A crashed worker (its `error` event) or a lost GPU device
// (reported by the worker) is reported, and the run continues from its last checkpoint on the
// next backend (WebGPU → WebGL → CPU), see ./recovery.ts.

import { pageFolderUrl } from '../data/asset-paths';
import { proxy, type Remote } from 'comlink';
import type { BnRecalibrationEffect, RunnerCallbacks, SearchEvent, SearchWorkerApi, StepGrainChoice } from '../core/search-protocol';
import type { BackboneGenome, Modality } from '../core/types';
import type { EngineState } from '../core/search/engine-state';
import type { UnitCosts } from '../core/search/run-estimate';
import type { SearchSettings } from '../core/search/settings';
import type { BackendChoice, BackendName, BackendReport } from '../core/backends';
import { recoveryPlan, type FailureKind } from './recovery';
import { WorkerBridge } from './worker-bridge';

export interface SearchListener {
  /** Every event of the run, in order, starting with the backend the worker got. */
  event(event: SearchEvent): void;
  /** A failure was detected; `recovering` tells whether the run goes on elsewhere. */
  failure(message: string, recovering: boolean): void;
}

export interface SearchClientOptions {
  /** Makes the worker (tests may pass their own). */
  createWorker?: () => Worker;
  /** Base URL of the app's static files (data/, models/, luts/); default: the page's. */
  baseUrl?: string;
}

const defaultWorker = () => new Worker(new URL('../../workers/search.worker.ts', import.meta.url), { type: 'module' });


export class SearchClient {
  private readonly bridge: WorkerBridge<SearchWorkerApi>;
  private backendName: BackendName | null = null;
  private settings: SearchSettings | null = null;
  private lastCheckpoint: EngineState | null = null;
  private restarts = 0;

  constructor(
    private readonly listener: SearchListener,
    private readonly options: SearchClientOptions = {},
  ) {
    this.bridge = new WorkerBridge<SearchWorkerApi>(options.createWorker ?? defaultWorker, (message) => void this.fail('worker-crashed', message));
  }

  get running(): boolean {
    return this.bridge.api !== null;
  }

  private get api(): Remote<SearchWorkerApi> | null {
    return this.bridge.api;
  }

  /** Starts (or restarts) a worker on `preference` and reports the backend it got. */
  private async spawn(preference: BackendChoice): Promise<Remote<SearchWorkerApi>> {
    const api = this.bridge.spawn();
    const report = await api.init(preference, this.options.baseUrl ?? pageFolderUrl());
    this.backendName = report.name;
    if (this.delayMs > 0) await api.setDelay(this.delayMs);
    this.listener.event({ type: 'backend', report });
    return api;
  }

  private callbacks(id: number): RunnerCallbacks {
    const live = () => this.bridge.isCurrent(id);
    return proxy({
      onEvent: (e: SearchEvent) => {
        if (!live()) return;
        if (e.type === 'generation' && e.checkpoint) this.lastCheckpoint = e.checkpoint;
        this.listener.event(e);
      },
      onDeviceLost: (message: string) => {
        if (live()) void this.fail('device-lost', message);
      },
    });
  }

  /** A fresh run, or one continued from `checkpoint`. */
  async start(settings: SearchSettings, preference: BackendChoice, checkpoint: EngineState | null = null, paused = false): Promise<void> {
    this.settings = settings;
    this.lastCheckpoint = checkpoint;
    this.restarts = 0;
    this.listener.event({ type: 'status', status: { state: 'loading', message: 'starting the search worker' } });
    const api = await this.spawn(preference);
    await api.start({ settings, checkpoint, paused }, this.callbacks(this.bridge.id));
  }

  pause(): void {
    void this.api?.pause();
  }

  resume(): void {
    void this.api?.resume();
  }

  step(grain: StepGrainChoice): void {
    void this.api?.step(grain);
  }

  setDelay(ms: number): void {
    this.delayMs = ms;
    void this.api?.setDelay(ms);
  }

  private delayMs = 0;

  /** A short measured calibration in a fresh worker on `preference`, which is then ended. */
  async calibrate(settings: SearchSettings, preference: BackendChoice): Promise<{ units: UnitCosts; seconds: number; trainSamples: number; backend: BackendName }> {
    const api = await this.spawn(preference);
    try {
      const r = await this.bridge.raceCrash(api.calibrate(settings), (m) => `the calibration worker crashed: ${m}`);
      return { ...r, backend: this.backendName ?? 'cpu' };
    } finally {
      this.terminate();
    }
  }

  /** BN recalibration's effect on one subnet, in a fresh worker on `preference`, which is then ended. */
  async measureBnRecalibration(modality: Modality, genome: BackboneGenome, preference: BackendChoice): Promise<BnRecalibrationEffect & { backend: BackendName }> {
    const api = await this.spawn(preference);
    try {
      const r = await this.bridge.raceCrash(api.measureBnRecalibration(modality, genome), (m) => `the measuring worker crashed: ${m}`);
      return { ...r, backend: this.backendName ?? 'cpu' };
    } finally {
      this.terminate();
    }
  }

  /** The model bundle of one front network of the run in this worker (path → bytes). */
  async exportBundle(entryId: number): Promise<Record<string, Uint8Array>> {
    if (!this.api) throw new Error('the run is not in this tab any more (its worker holds the weights)');
    return this.bridge.raceCrash(this.api.exportBundle(entryId), (m) => `the search worker crashed while exporting: ${m}`);
  }

  /** The random-search baseline of the finished run, in the same worker (events as it goes). */
  async runBaseline(): Promise<void> {
    if (!this.api) throw new Error('no finished run in this tab to compare with');
    await this.api.runBaseline();
  }

  async memory() {
    return this.api ? this.api.memory() : null;
  }

  /** Stops the run and the worker for good. */
  cancel(): void {
    void this.api?.cancel();
    this.terminate();
  }

  terminate(): void {
    this.bridge.terminate();
  }

  private async fail(kind: FailureKind, detail: string): Promise<void> {
    const plan = recoveryPlan(kind, this.backendName ?? 'cpu', detail, this.restarts);
    this.terminate();
    this.listener.failure(plan.message, plan.backend !== null);
    if (plan.backend === null || !this.settings) {
      this.listener.event({ type: 'status', status: { state: 'error', message: plan.message } });
      return;
    }
    this.restarts++;
    try {
      const api = await this.spawn(plan.backend);
      await api.start({ settings: this.settings, checkpoint: this.lastCheckpoint }, this.callbacks(this.bridge.id));
    } catch (err) {
      this.listener.event({ type: 'status', status: { state: 'error', message: (err as Error).message } });
    }
  }
}
