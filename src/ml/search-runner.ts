// The two-tier search as run inside the search worker: picks the tfjs backend, loads
// the demo dataset, the two pretrained supernets and the device table, and drives the pure outer
// tier (SearchEngine) with the real evaluator. Run / pause / resume / step (generation,
// candidate, fusion epoch) / cancel; throttled progress; a checkpoint, the result so far and a
// tf.memory() sample after every generation; a lost GPU device is reported.
//
// Pausing never throws work away: the engine is stopped between two evaluations (its signal
// reads "aborted" only outside an evaluation). A fusion search that awaits its epoch callback
// can also be held between two of its epochs (the 'fusion-epoch' step grain).

import * as tf from '@tensorflow/tfjs';
import { SearchEngine, type EngineHooks, type EngineState } from '../core/search/engine';
import type { AbortFlag, FusionHooks, SearchEvaluator } from '../core/search/evaluator';
import { DEFAULT_PRESET, PRESETS, type SearchSettings } from '../core/search/settings';
import type { BackboneGenome, FusionMacro, Modality } from '../core/types';
import type { DeviceTable } from '../core/device-table';
import type { BackendChoice, BackendReport } from '../core/backends';
import { Throttle } from '../core/throttle';
import type { BnRecalibrationEffect, MemorySample, RunnerCallbacks, SearchWorkerApi, StartRequest, StepGrainChoice } from '../core/search-protocol';
import type { FusionEpochEvent, FusionNow, PairContext, RunnerState, SearchEvent } from '../core/search-events';
import { runStartOf } from '../core/search/run-view';
import { chooseBackend } from './backend';
import { timeDartsStepMs } from './backend-calibration';
import { TfSearchEvaluator, type EvaluatorData } from './search-evaluator';
import { runBaseline } from './search-baseline';
import { calibrateSearch, type CalibrationReport } from './search-calibration';
import { loadAssets, type SearchAssets } from './search-assets';
import { measureBnEffectOnAssets } from './search-bn-effect';
import { exportEntryBundle, retainFrontNetworks } from './search-bundle';
import type { BundleFiles } from './bundle';

type Mode = { kind: 'run' } | { kind: 'pause' } | { kind: 'step'; grain: StepGrainChoice };

/** What the runner needs from outside (tests pass tiny assets). */
export interface RunnerDeps {
  chooseBackend: typeof chooseBackend;
  loadAssets: typeof loadAssets;
}

export class SearchRunner implements SearchWorkerApi {
  constructor(private readonly deps: RunnerDeps = { chooseBackend, loadAssets }) {}

  private backend: BackendReport | null = null;
  private baseUrl = './';
  private assets: SearchAssets | null = null;
  private engine: SearchEngine | null = null;
  private evaluator: SearchEvaluator | null = null;
  private tfEvaluator: TfSearchEvaluator | null = null;
  private cb: RunnerCallbacks | null = null;
  private mode: Mode = { kind: 'pause' };
  private cancelled = false;
  private inEvaluation = false;
  private wake: (() => void) | null = null;
  private gate: { release: () => void } | null = null;
  private gateHonoured: boolean | null = null;
  private fusion: FusionNow | null = null;
  private throttle = new Throttle(100);
  private clock = { run: 0, generation: 0, fusion: 0, since: 0 };
  private loopDone: Promise<void> = Promise.resolve();

  async init(preference: BackendChoice, baseUrl: string): Promise<BackendReport> {
    // auto with a hardware GPU: the faster of the GPU and wasm on a DARTS step leads.
    const info = await this.deps.chooseBackend(preference, { timeWorkMs: timeDartsStepMs });
    this.backend = { name: info.name, reason: info.reason, webgpu: { ...info.webgpu }, ...(info.wasmThreads ? { wasmThreads: info.wasmThreads } : {}) };
    this.baseUrl = baseUrl;
    watchDeviceLoss((message) => {
      this.cancelled = true;
      this.wake?.();
      this.gate?.release();
      this.cb?.onDeviceLost(message);
    });
    return this.backend;
  }

  memory(): MemorySample {
    const m = tf.memory();
    return { generation: this.engine ? this.engine.progress().generation : -1, numTensors: m.numTensors, numBytes: m.numBytes };
  }

  async start(request: StartRequest, callbacks: RunnerCallbacks): Promise<void> {
    if (!this.backend) throw new Error('init() first');
    if (this.engine) throw new Error('a search is already loaded in this worker');
    this.cb = callbacks;
    this.status('loading', 'loading the dataset, the supernets and the device table');
    const settings: SearchSettings = request.checkpoint ? request.checkpoint.settings : request.settings;
    this.assets = await this.assetsFor(settings, (m) => this.status('loading', m));
    if (this.assets.table.energyUnknown && settings.objectives.includes('energy')) {
      throw new Error(`${this.assets.table.name} has no energy figures (a browser cannot measure power): search it with the error and latency objectives only`);
    }
    this.tfEvaluator = new TfSearchEvaluator(evaluatorData(this.assets), this.assets.nets, this.assets.table, settings);
    const evaluator = this.wrap(this.tfEvaluator);
    this.evaluator = evaluator;
    const hooks: EngineHooks = {
      onProgress: () => this.progress(false),
      onBackbone: (backbone) => this.emit({ type: 'backbone', backbone }),
      onFusionEpoch: (context, epoch) => this.onFusionEpoch(context, epoch),
      onPair: (context, entryId, cached, candidates) => this.emit({ type: 'pair', context, entryId, cached, candidates }),
      onGeneration: (_r, checkpoint, survivors) => this.onGeneration(checkpoint, survivors),
    };
    this.engine = request.checkpoint
      ? SearchEngine.restore(request.checkpoint, evaluator, this.assets.table, hooks)
      : new SearchEngine(settings, evaluator, this.assets.table, hooks);
    const startState = this.engine.checkpoint();
    this.emit({ type: 'start', start: { ...runStartOf(startState), datasetName: this.assets.dataset.name } });
    this.reported = startState.archive.length;
    this.mode = request.paused ? { kind: 'pause' } : { kind: 'run' };
    this.loopDone = this.loop();
  }

  pause(): void {
    if (this.mode.kind !== 'pause') this.mode = { kind: 'pause' };
  }

  resume(): void {
    this.mode = { kind: 'run' };
    this.release();
  }

  step(grain: StepGrainChoice): void {
    this.mode = { kind: 'step', grain };
    this.release();
  }

  /** Times the search's units of work on this backend for `settings` (loads the assets; no run). */
  async calibrate(settings: SearchSettings): Promise<CalibrationReport> {
    if (!this.backend) throw new Error('init() first');
    if (this.engine) throw new Error('a search is already loaded in this worker');
    this.assets = await this.assetsFor(settings);
    return calibrateSearch(this.assets, settings);
  }

  /** The loaded assets when they fit `settings` (device and dataset), else freshly loaded ones. */
  private async assetsFor(settings: SearchSettings, say?: (message: string) => void): Promise<SearchAssets> {
    const dataset = settings.dataset ?? 'avmnist';
    if (this.assets?.table.id === settings.device && this.assets.dataset.id === dataset) return this.assets;
    if (this.assets) disposeAssets(this.assets);
    this.assets = null;
    return this.deps.loadAssets(this.baseUrl, settings.device, say, dataset);
  }

  /** BN recalibration's effect on one subnet, with the demo preset's recalibration settings. */
  async measureBnRecalibration(modality: Modality, genome: BackboneGenome): Promise<BnRecalibrationEffect> {
    if (!this.backend) throw new Error('init() first');
    if (this.engine) throw new Error('a search is loaded in this worker; measure in a fresh one');
    const settings = PRESETS[DEFAULT_PRESET];
    this.assets ??= await this.deps.loadAssets(this.baseUrl, settings.device);
    return measureBnEffectOnAssets(this.assets, modality, genome, settings);
  }

  /** The model bundle of one network of the run (a front network: only those keep their fusion weights). */
  async exportBundle(entryId: number): Promise<BundleFiles> {
    if (!this.engine || !this.tfEvaluator || !this.assets) throw new Error('no run in this worker');
    return exportEntryBundle(this.tfEvaluator, this.assets, this.engine.result(), entryId);
  }

  /** After the run has finished: the random-search baseline at the same budget (events as it goes). */
  async runBaseline(): Promise<void> {
    const e = this.engine;
    if (!e || !e.finished || !this.evaluator || !this.assets) throw new Error('the baseline runs after the search has finished');
    const self = this as SearchRunner;
    this.cancelled = false;
    await runBaseline(e.result(), this.evaluator, this.assets.table, (event) => this.emit(event), { get aborted() { return self.cancelled; } });
  }

  cancel(): void {
    this.cancelled = true;
    this.engine?.cancel();
    this.release();
  }

  /** Resolves when the driving loop has stopped (finished, cancelled or failed). */
  done(): Promise<void> {
    return this.loopDone;
  }

  private release(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
    const g = this.gate;
    if (g) {
      this.gate = null;
      g.release();
    }
  }

  private lastState: RunnerState | null = null;
  /** Archive entries already sent (each generation sends only the new ones). */
  private reported = 0;

  private emit(event: SearchEvent): void {
    this.cb?.onEvent(event);
  }

  private status(state: RunnerState, message?: string): void {
    this.lastState = state;
    this.emit({ type: 'status', status: message === undefined ? { state } : { state, message } });
  }

  /** Active-time bookkeeping: call before and after each stretch of compute. */
  private tick(running: boolean): void {
    const now = performance.now();
    if (this.clock.since > 0) {
      const dt = now - this.clock.since;
      this.clock.run += dt;
      this.clock.generation += dt;
      this.clock.fusion += dt;
    }
    this.clock.since = running ? now : 0;
  }

  private progress(force: boolean): void {
    const e = this.engine;
    if (!e || !this.cb) return;
    const p = e.progress();
    const key = `${p.generation}/${p.phase}`;
    if (!this.throttle.pass(performance.now(), key, force)) return;
    this.tick(this.clock.since > 0);
    const s = e.settings;
    this.emit({ type: 'progress', progress: {
      ...p,
      fusion: p.phase === 'fusion search' ? this.fusion : null,
      runMs: this.clock.run,
      generationMs: this.clock.generation,
      fusionMs: this.clock.fusion,
      fusionEpochs: s.fusionEpochs,
      retrainEpochs: s.paperFaithful ? 0 : s.retrainEpochs,
    } });
  }

  /** The engine's stop flag: set on cancel, or on pause but only between two evaluations. */
  private makeSignal(): AbortFlag {
    const self = this as SearchRunner;
    return {
      get aborted() {
        return self.cancelled || (self.mode.kind === 'pause' && !self.inEvaluation);
      },
    };
  }

  /** Marks evaluations in flight so a pause request waits for them; tracks the fusion clock. */
  private wrap(inner: SearchEvaluator): SearchEvaluator {
    const during = async <T>(f: () => Promise<T>): Promise<T> => {
      this.inEvaluation = true;
      try {
        return await f();
      } finally {
        this.inEvaluation = false;
        if (this.gate) this.gateHonoured = false; // the search went on past an unawaited gate
      }
    };
    return {
      evaluateBackbone: (m: Modality, g: BackboneGenome, ctx) =>
        during(async () => {
          const r = await inner.evaluateBackbone(m, g, ctx);
          await this.pace();
          return r;
        }),
      searchFusion: (a: BackboneGenome, b: BackboneGenome, macro: FusionMacro, hooks?: FusionHooks) => {
        this.tick(true);
        this.clock.fusion = 0;
        this.fusion = null;
        return during(() => inner.searchFusion(a, b, macro, hooks));
      },
    };
  }

  /** Slow motion: the pause (ms) after each scored backbone and each fusion epoch; 0 = full speed. */
  setDelay(ms: number): void {
    this.delayMs = Number.isFinite(ms) ? Math.min(10_000, Math.max(0, ms)) : 0;
  }

  private delayMs = 0;

  /** Waits the slow-motion delay (not counted as compute time). */
  private async pace(): Promise<void> {
    if (this.delayMs <= 0 || this.cancelled) return;
    this.tick(false);
    await new Promise((r) => setTimeout(r, this.delayMs));
    this.tick(true);
  }

  /** Epoch callback of the inner search; returns a promise that holds it when pausing there. */
  private onFusionEpoch(context: PairContext, epoch: FusionEpochEvent): Promise<void> | void {
    if (this.gate) this.gateHonoured = false; // a second epoch ran although the gate was shut
    this.emit({ type: 'fusion-epoch', context, epoch });
    this.fusion = { ...epoch, pair: context.pair, pairs: context.pairs } as FusionNow;
    this.progress(true);
    const stepDone = this.mode.kind === 'step' && this.mode.grain === 'fusion-epoch';
    if (this.cancelled) return;
    if (!(stepDone || this.mode.kind === 'pause')) return this.delayMs > 0 ? this.pace() : undefined;
    this.mode = { kind: 'pause' };
    if (this.gateHonoured === false) return; // stops at the end of this fusion search instead
    return new Promise<void>((resolve) => {
      this.tick(false);
      if (this.gateHonoured !== false) this.status('paused', 'between two fusion epochs');
      this.gate = {
        release: () => {
          this.tick(true);
          this.status('running');
          resolve();
        },
      };
    });
  }

  private onGeneration(checkpoint: EngineState, survivors: { image: string[]; audio: string[] }): void {
    if (!this.engine || !this.cb) return;
    const record = checkpoint.history[checkpoint.history.length - 1];
    if (this.tfEvaluator) retainFrontNetworks(this.tfEvaluator, checkpoint);
    const entries = checkpoint.archive.slice(this.reported);
    this.reported = checkpoint.archive.length;
    const m = tf.memory();
    this.tick(this.clock.since > 0);
    this.clock.generation = 0;
    const memory = { generation: record.generation, numTensors: m.numTensors, numBytes: m.numBytes, keptModelBytes: this.tfEvaluator?.keptNetworkBytes() ?? 0 };
    this.emit({ type: 'generation', delta: { record, entries, survivors, elite: checkpoint.elite }, memory, checkpoint });
  }

  private async loop(): Promise<void> {
    const e = this.engine!;
    const signal = this.makeSignal();
    try {
      while (!e.finished) {
        if (this.cancelled) {
          this.tick(false);
          this.status('cancelled');
          return;
        }
        const mode = this.mode;
        if (mode.kind === 'pause') {
          this.tick(false);
          this.progress(true);
          this.status('paused');
          await new Promise<void>((r) => (this.wake = r));
          if (!this.cancelled) this.status('running');
          continue;
        }
        this.tick(true);
        if (this.lastState !== 'running') this.status('running');
        if (mode.kind === 'run' || mode.grain === 'fusion-epoch') {
          await e.run(signal);
        } else {
          const completed = await e.step(mode.grain, signal);
          if (completed && this.mode === mode) this.mode = { kind: 'pause' };
        }
      }
      this.tick(false);
      this.progress(true);
      this.status('finished');
      this.emit({ type: 'finished', totals: e.result().totals });
    } catch (err) {
      this.tick(false);
      this.status('error', (err as Error)?.message ?? String(err));
    }
  }
}

function disposeAssets(a: SearchAssets): void {
  a.nets.image.dispose();
  a.nets.audio.dispose();
}

function evaluatorData(a: SearchAssets): EvaluatorData {
  return { train: a.data.train, val: a.data.val, test: a.data.test, imageSize: a.imageSize, audioSize: a.audioSize };
}

/** Calls `onLost` once if the WebGPU device or the WebGL context of the active backend is lost. */
function watchDeviceLoss(onLost: (message: string) => void): void {
  let fired = false;
  const once = (m: string) => {
    if (!fired) {
      fired = true;
      onLost(m);
    }
  };
  const backend = tf.backend() as unknown as {
    device?: { lost?: Promise<{ reason?: string; message?: string }> };
    gpgpu?: { gl?: { canvas?: { addEventListener?: (t: string, f: () => void) => void } } };
  };
  if (tf.getBackend() === 'webgpu') {
    backend.device?.lost?.then((info) => once(`the WebGPU device was lost (${info?.reason ?? 'unknown'}: ${info?.message ?? ''})`));
  } else if (tf.getBackend() === 'webgl') {
    backend.gpgpu?.gl?.canvas?.addEventListener?.('webglcontextlost', () => once('the WebGL context was lost'));
  }
}
