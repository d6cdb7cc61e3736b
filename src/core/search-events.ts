// The progress of a two-tier search as a stream of JSON events, one shape per grain: what the
// inner DARTS tier emits per search epoch and per retraining epoch (src/ml/fusion/darts.ts and
// retrain.ts build these objects and nothing changes them on the way), what the outer tier emits
// per scored backbone, per searched pair and per generation, and the run's status. The search
// worker sends exactly these; the headless search writes them one per line (`--record`); the
// page's views are rebuilt from them by ./search/run-view.ts, live or from a recording.
// Accuracies in %, latency in ms, energy in mJ, times in s unless named otherwise.

import type { BackboneGenome, FusionGenotype, FusionMacro, FusionOp, Modality } from './types';
import type { BackendReport } from './backends';
import type { ArchiveEntry, GenerationRecord, HypervolumeReference } from './search/archive';
import type { BackboneRecord, EngineState, SearchProgress } from './search/engine-state';
import type { SearchSettings } from './search/settings';

/** One search epoch of the inner tier (bilevel DARTS), after its last step pair. */
export interface FusionSearchEpoch {
  stage: 'search';
  /** 1-based. */
  epoch: number;
  epochs: number;
  /** Mean training cross-entropy of the weight steps. */
  trainLoss: number;
  /** Mean architecture loss (CE + hardware terms) of the architecture steps, on validation batches. */
  archLoss: number;
  /** Accuracy (%) of the mixed network on the architecture (validation) split after the epoch. */
  archSplitAccuracy: number;
  /** Evaluation-mode objective on that split: mean CE + λ·E[latency] + λE·E[energy]. */
  archSplitObjective: number;
  /** Expected fusion latency (ms) / energy (mJ) under softmax(γ). */
  expectedLatencyMs: number;
  expectedEnergyMj: number;
  /** The genotype this epoch's architecture weights discretise to. */
  genotype: FusionGenotype;
  /** softmax(α) per cell: [input slot][candidate feature] — which features each cell fuses. */
  alphas: number[][][];
  /** softmax(γ) per cell, per node: weight of each operator (FUSION_OPS order). */
  gammas: number[][][];
  seconds: number;
}

/** One retraining epoch of a candidate genotype (fresh weights, train split, val early stop). */
export interface FusionRetrainEpoch {
  stage: 'retrain';
  /** 1-based candidate index and the number of candidates of this inner search. */
  candidate: number;
  candidates: number;
  epoch: number;
  epochs: number;
  trainLoss: number;
  valAccuracy: number;
  /** Mean cross-entropy on validation after this epoch. */
  valCrossEntropy: number;
  seconds: number;
}

export type FusionEpochEvent = FusionSearchEpoch | FusionRetrainEpoch;

/** A retrained candidate of an inner search and its validation figures; the lowest objective is kept. */
export interface CandidateSummary {
  genotype: FusionGenotype;
  fusionOps: FusionOp[];
  /** Search epochs whose discretisation gave this genotype. */
  epochs: number[];
  valAccuracy: number;
  valCrossEntropy: number;
  /** CE + λ·fusion latency + λE·fusion energy (validation). */
  objective: number;
  kept: boolean;
}

/** Where an inner-search event belongs: generation, pair index (0-based) of how many, the pair. */
export interface PairContext {
  generation: number;
  pair: number;
  pairs: number;
  image: BackboneGenome;
  audio: BackboneGenome;
  macro: FusionMacro;
}

export interface BackboneScored extends BackboneRecord {
  generation: number;
  modality: Modality;
  genome: BackboneGenome;
}

/** What is new at the end of a generation (the views rebuild the rest). */
export interface GenerationDelta {
  record: GenerationRecord;
  /** Archive entries added this generation. */
  entries: ArchiveEntry[];
  /** This generation's unimodal survivors (genome keys). */
  survivors: { image: string[]; audio: string[] };
  /** Archive ids of the multimodal survivors. */
  elite: number[];
}

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
  /** Bytes of the front networks' retrained fusion weights the worker keeps for model export. */
  keptModelBytes?: number;
}

/** The inner search in progress, with its pair. */
export type FusionNow = FusionEpochEvent & { pair: number; pairs: number };

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

/** What a run starts from: its settings, and on a resumed run what earlier sittings found. */
export interface RunStart {
  kind: 'evolution' | 'random';
  settings: SearchSettings;
  /** The dataset's name as the app shows it (absent in older recordings: the demo set). */
  datasetName?: string;
  reference: HypervolumeReference;
  archive: ArchiveEntry[];
  history: GenerationRecord[];
  backbones: BackboneScored[];
  totals: { backboneEvaluations: number; fusionSearches: number; cacheHits: number };
}

/**
 * The random-search baseline of a finished run: the same inner tier on uniformly random pairs,
 * with the run's number of fusion searches per generation, seed and reference point.
 */
export type BaselineEvent =
  | { type: 'baseline-start'; evaluations: number }
  /** One more evaluation (a random pair's inner search) begun: 1-based `evaluation`. */
  | { type: 'baseline-progress'; evaluation: number; evaluations: number }
  | { type: 'baseline-generation'; record: GenerationRecord }
  | { type: 'baseline-finished'; complete: boolean; archive: ArchiveEntry[] };

/** Where a recording was made (the first line of a file written by `npm run search -- --record`). */
export interface RecordingInfo {
  /** ISO 8601 time the recording was written. */
  date: string;
  preset: string;
  /** CPU cores and model, OS, browser. */
  machine: string;
  /** The repository commit the app was built from ("-dirty" when it had local changes). */
  commit: string;
  /** The command that made it. */
  command: string;
  /** A run made in several sittings: when each began and the commit its app was built from. */
  sittings?: { date: string; commit: string }[];
}

export type SearchEvent =
  | BaselineEvent
  | { type: 'recording'; info: RecordingInfo }
  | { type: 'backend'; report: BackendReport }
  | { type: 'status'; status: RunnerStatus }
  | { type: 'start'; start: RunStart }
  | { type: 'progress'; progress: RunnerProgress }
  | { type: 'backbone'; backbone: BackboneScored }
  | { type: 'fusion-epoch'; context: PairContext; epoch: FusionEpochEvent }
  | { type: 'pair'; context: PairContext; entryId: number; cached: boolean; candidates: CandidateSummary[] }
  | { type: 'generation'; delta: GenerationDelta; memory: MemorySample; checkpoint?: EngineState }
  | { type: 'finished'; totals: RunStart['totals'] };

export type SearchEventType = SearchEvent['type'];
