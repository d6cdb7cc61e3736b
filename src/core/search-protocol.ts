// The messages between the search worker (src/ml/search-runner.ts behind workers/search.worker.ts)
// and the main thread (src/api/search-client.ts) — JSON only, no tensors. Accuracies in %,
// latency in ms, energy in mJ, times in ms of active (not paused) compute.

import type { EngineState, SearchProgress } from './search/engine-state';
import type { GenerationRecord, SearchResult } from './search/archive';
import type { FusionEpochProgress } from './search/evaluator';
import type { SearchSettings } from './search/settings';
import type { BackendChoice, BackendReport } from './backends';

export type StepGrainChoice = 'generation' | 'candidate' | 'fusion-epoch';
export const STEP_GRAINS: readonly StepGrainChoice[] = ['generation', 'candidate', 'fusion-epoch'];

export type RunnerState = 'loading' | 'running' | 'paused' | 'finished' | 'cancelled' | 'error';

export interface RunnerStatus {
  state: RunnerState;
  /** What is happening, in words (loading steps, error text). */
  message?: string;
}

/** tf.memory() sampled in the worker. */
export interface MemorySample {
  /** Generation just completed (−1: after loading, before the search). */
  generation: number;
  numTensors: number;
  numBytes: number;
}

export interface FusionNow extends FusionEpochProgress {
  /** 0-based pair index and the number of pairs this generation. */
  pair: number;
  pairs: number;
}

export interface RunnerProgress extends SearchProgress {
  /** The inner search in progress, when in the fusion phase. */
  fusion: FusionNow | null;
  /** Active compute time (ms) of the run, of the current generation and of the current fusion search. */
  runMs: number;
  generationMs: number;
  fusionMs: number;
  /** Settings of the run (for fractions / ETA). */
  fusionEpochs: number;
  retrainEpochs: number;
}

export interface GenerationReport {
  record: GenerationRecord;
  checkpoint: EngineState;
  result: SearchResult;
  memory: MemorySample;
}

export interface RunnerCallbacks {
  onStatus(status: RunnerStatus): void;
  onProgress(progress: RunnerProgress): void;
  onGeneration(report: GenerationReport): void;
  onFinished(result: SearchResult): void;
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

/** The worker's API (comlink-exposed). */
export interface SearchWorkerApi {
  init(preference: BackendChoice, baseUrl: string): Promise<BackendReport>;
  start(request: StartRequest, callbacks: RunnerCallbacks): Promise<void>;
  pause(): void;
  resume(): void;
  step(grain: StepGrainChoice): void;
  cancel(): void;
  memory(): MemorySample;
}
