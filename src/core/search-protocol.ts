// The API between the search worker (src/ml/search-runner.ts behind workers/search.worker.ts) and
// the main thread (src/api/search-client.ts): JSON only, no tensors. Everything the worker tells
// the page is one SearchEvent (./search-events.ts), so a run can be recorded and replayed.

import type { BackendChoice, BackendReport } from './backends';
import type { EngineState } from './search/engine-state';
import type { SearchSettings } from './search/settings';
import type { UnitCosts } from './search/run-estimate';
import type { MemorySample, SearchEvent } from './search-events';
import type { BackboneGenome, Modality } from './types';

export type {
  FusionNow,
  MemorySample,
  RunnerProgress,
  RunnerState,
  RunnerStatus,
  SearchEvent,
} from './search-events';

export type StepGrainChoice = 'generation' | 'candidate' | 'fusion-epoch';
export const STEP_GRAINS: readonly StepGrainChoice[] = ['generation', 'candidate', 'fusion-epoch'];

export interface RunnerCallbacks {
  /** Every event of the run, in order (status, start, progress, backbones, epochs, pairs, generations, finished). */
  onEvent(event: SearchEvent): void;
  /** The GPU device (WebGPU) or context (WebGL) was lost: the worker cannot go on. */
  onDeviceLost(message: string): void;
}

export interface StartRequest {
  settings: SearchSettings;
  /** Continue this run instead of starting a fresh one. */
  checkpoint?: EngineState | null;
  /** Start paused (e.g. the user wants to step). */
  paused?: boolean;
}

/** One subnet's validation accuracy (%) before and after BN recalibration (the BN lesson). */
export interface BnRecalibrationEffect {
  modality: Modality;
  genome: string;
  /** With the BN statistics the pretrained supernet holds. */
  beforePercent: number;
  /** After recalibrating them on training batches, as the search does. */
  afterPercent: number;
  recalibrationSamples: number;
  /** Validation samples scored. */
  splitSamples: number;
  seconds: number;
}

/** The worker's API (comlink-exposed). */
export interface SearchWorkerApi {
  init(preference: BackendChoice, baseUrl: string): Promise<BackendReport>;
  start(request: StartRequest, callbacks: RunnerCallbacks): Promise<void>;
  pause(): void;
  resume(): void;
  step(grain: StepGrainChoice): void;
  cancel(): void;
  /** Slow motion: ms to wait after each scored backbone and each fusion epoch (0: full speed). */
  setDelay(ms: number): void;
  /** Times the search's units of work for `settings` on this worker's backend (no run). */
  calibrate(settings: SearchSettings): Promise<{ units: UnitCosts; seconds: number; trainSamples: number }>;
  /** After `finished`: the random-search baseline at the run's budget; resolves when it is done. */
  runBaseline(): Promise<void>;
  memory(): MemorySample;
  /** The model bundle of one front network of the run (path → bytes; see src/ml/bundle.ts). */
  exportBundle(entryId: number): Promise<Record<string, Uint8Array>>;
  /** Measures BN recalibration's effect on one subnet (validation split); no run needed. */
  measureBnRecalibration(modality: Modality, genome: BackboneGenome): Promise<BnRecalibrationEffect>;
}
