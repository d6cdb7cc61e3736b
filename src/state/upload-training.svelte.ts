// Training the two supernets on an uploaded dataset, as Svelte 5 state: the starting point
// (transfer from the demo supernets or from scratch), the budget and its expected time (step
// times measured in the training worker on the upload's own data), progress with time left,
// cancel, each epoch's validation accuracy, and the trained result kept in IndexedDB for the
// search worker (../data/trained-upload.ts). Training runs in workers/train.worker.ts.

import type { Modality } from '../core/types';
import { budgetPlan, expectedTrainingSeconds, expectedWorkDoneMs, type MeasuredStepMs, type TrainingBudget, type TrainingMode } from '../core/upload/training-budget';
import type { UploadedDataset } from '../data/upload-dataset';
import { deleteTrainedUpload, loadTrainedSummary, saveTrainedUpload, type TrainedUpload, type TrainedUploadSummary } from '../data/trained-upload';
import { SUPERNET_DIRS, pageFolderUrl } from '../data/asset-paths';
import { paperConfig } from '../ml/supernet/config';
import type { EpochReport, StepProgress } from '../ml/supernet/train';
import type { TrainOutcome, TrainRequest } from '../ml/supernet/training-session';
import { TrainClient } from '../api/train-client';
import { timeLeftMs } from '../api/eta';

export const TRAINED_MODALITIES: readonly Modality[] = ['image', 'audio'];

/** What the state needs from outside (tests pass their own). */
export interface TrainingDeps {
  client: () => Pick<TrainClient, 'train' | 'timeSteps' | 'cancel' | 'backend' | 'terminate'>;
  save: (t: TrainedUpload) => Promise<void>;
  loadSummary: () => Promise<TrainedUploadSummary | null>;
  forget: () => Promise<void>;
  /** Absolute URL of a pretrained supernet's folder. */
  pretrainedUrl: (m: Modality) => string;
}

const defaultDeps: TrainingDeps = {
  client: () => new TrainClient('auto'),
  save: saveTrainedUpload,
  loadSummary: loadTrainedSummary,
  forget: deleteTrainedUpload,
  pretrainedUrl: (m) => new URL(SUPERNET_DIRS[m], pageFolderUrl()).href,
};

export interface TrainingProgress {
  modality: Modality;
  step: StepProgress;
  /** 0..1 of both supernets' expected work. */
  fraction: number;
  secondsLeft: number | null;
}

export class UploadTrainingState {
  mode = $state<TrainingMode>('transfer');
  budget = $state<TrainingBudget>('default');
  status = $state<'idle' | 'measuring' | 'training' | 'saving' | 'done' | 'cancelled' | 'error'>('idle');
  /** Measured step times per modality (for the dataset it was measured on). */
  measured = $state.raw<Record<Modality, MeasuredStepMs> | null>(null);
  private measuredFor: UploadedDataset | null = null;
  progress = $state.raw<TrainingProgress | null>(null);
  epochs = $state.raw<Record<Modality, EpochReport[]>>({ image: [], audio: [] });
  message = $state<string | null>(null);
  /** The trained upload kept in this browser (what the search's Dataset menu offers). */
  summary = $state.raw<TrainedUploadSummary | null>(null);
  backendName = $state<string | null>(null);
  private client: ReturnType<TrainingDeps['client']> | null = null;
  private cancelled = false;

  constructor(private readonly deps: TrainingDeps = defaultDeps) {}

  /** Reads the kept summary (after a reload). */
  async restore(): Promise<void> {
    try {
      this.summary = await this.deps.loadSummary();
    } catch {
      this.summary = null; // no IndexedDB: nothing kept
    }
  }

  /** Whether the kept training belongs to this upload. */
  trainedFor(fileName: string | null, savedAt: number | null): boolean {
    return !!this.summary && this.summary.fileName === fileName && this.summary.savedAt === savedAt;
  }

  /** Expected seconds for both supernets at the chosen mode and budget (null before measuring). */
  expectedSeconds(dataset: UploadedDataset | null): number | null {
    if (!dataset || !this.measured || this.measuredFor !== dataset) return null;
    const plan = budgetPlan(this.mode, this.budget);
    return TRAINED_MODALITIES.reduce((s, m) => s + expectedTrainingSeconds(plan, dataset.splits.train.count, this.measured![m]), 0);
  }

  private ensureClient() {
    this.client ??= this.deps.client();
    return this.client;
  }

  /** Times real steps of both supernets on the dataset (a few seconds in the worker). */
  async measure(dataset: UploadedDataset): Promise<void> {
    if (this.status === 'training' || this.status === 'measuring') return;
    this.status = 'measuring';
    this.message = null;
    try {
      const client = this.ensureClient();
      const out: Partial<Record<Modality, MeasuredStepMs>> = {};
      for (const m of TRAINED_MODALITIES) out[m] = await client.timeSteps(requestFor(dataset, m, 'scratch', 'tiny', null));
      this.backendName = (await client.backend()).name;
      this.measured = out as Record<Modality, MeasuredStepMs>;
      this.measuredFor = dataset;
      this.status = 'idle';
    } catch (err) {
      this.fail(err);
    }
  }

  /** Trains both supernets, then keeps them with the dataset for the search. */
  async train(dataset: UploadedDataset, upload: { fileName: string; savedAt: number }): Promise<void> {
    if (this.status === 'training' || this.status === 'measuring' || this.status === 'saving') return;
    if (!this.measured || this.measuredFor !== dataset) await this.measure(dataset);
    if (!this.measured) return;
    const measured = this.measured;
    const mode = this.mode;
    const budget = this.budget;
    const plan = budgetPlan(mode, budget);
    const n = dataset.splits.train.count;
    const total = TRAINED_MODALITIES.reduce((s, m) => s + expectedTrainingSeconds(plan, n, measured[m]) * 1000, 0);
    this.status = 'training';
    this.cancelled = false;
    this.message = null;
    this.epochs = { image: [], audio: [] };
    this.progress = null;
    const t0 = performance.now();
    const outcomes: Partial<Record<Modality, TrainOutcome>> = {};
    try {
      const client = this.ensureClient();
      let before = 0;
      for (const m of TRAINED_MODALITIES) {
        const request = requestFor(dataset, m, mode, budget, mode === 'transfer' ? this.deps.pretrainedUrl(m) : null);
        const outcome = await client.train(request, {
          onStep: (step) => {
            const done = before + expectedWorkDoneMs(plan, n, measured[m], step);
            const fraction = Math.min(1, done / total);
            const left = timeLeftMs(performance.now() - t0, fraction);
            this.progress = { modality: m, step, fraction, secondsLeft: left === null ? null : left / 1000 };
          },
          onEpoch: (r) => (this.epochs = { ...this.epochs, [m]: [...this.epochs[m], r] }),
        });
        if (outcome.cancelled || this.cancelled) {
          this.status = 'cancelled';
          this.message = 'Training was cancelled: nothing was kept (the supernets trained before, if any, are unchanged).';
          this.progress = null;
          return;
        }
        outcomes[m] = outcome;
        before += expectedTrainingSeconds(plan, n, measured[m]) * 1000;
      }
      this.status = 'saving';
      const summary: TrainedUploadSummary = {
        fileName: upload.fileName,
        savedAt: upload.savedAt,
        name: dataset.name,
        classes: [...dataset.classes],
        counts: { train: dataset.splits.train.count, val: dataset.splits.val.count, test: dataset.splits.test.count },
        mode,
        budget,
        trainedAt: Date.now(),
        seconds: (performance.now() - t0) / 1000,
        backend: this.backendName ?? (await this.ensureClient().backend()).name,
        accuracy: {
          image: lastAccuracy(outcomes.image!.reports),
          audio: lastAccuracy(outcomes.audio!.reports),
        },
      };
      const splits = dataset.splits;
      const copy = (s: typeof splits.train) => ({ count: s.count, images: s.images.slice(), audio: s.audio.slice(), labels: s.labels.slice() });
      await this.deps.save({
        summary,
        imageSize: dataset.imageSize,
        audioSize: dataset.audioSize,
        splits: { train: copy(splits.train), val: copy(splits.val), test: copy(splits.test) },
        supernets: {
          image: { manifest: outcomes.image!.manifest, weights: outcomes.image!.weights },
          audio: { manifest: outcomes.audio!.manifest, weights: outcomes.audio!.weights },
        },
      });
      this.summary = summary;
      this.status = 'done';
      this.progress = null;
    } catch (err) {
      this.fail(err);
    }
  }

  cancel(): void {
    this.cancelled = true;
    this.client?.cancel();
  }

  /** Forgets the kept training (the upload was replaced or deleted). */
  async forget(): Promise<void> {
    this.summary = null;
    this.measured = null;
    this.measuredFor = null;
    this.epochs = { image: [], audio: [] };
    if (this.status !== 'training') this.status = 'idle';
    try {
      await this.deps.forget();
    } catch {
      // nothing kept to forget
    }
  }

  private fail(err: unknown): void {
    this.status = 'error';
    this.progress = null;
    this.message = `Training failed: ${(err as Error).message}`;
    // a crashed worker is replaced on the next try
    this.client?.terminate();
    this.client = null;
  }
}

function lastAccuracy(reports: EpochReport[]): { largest: number; smallest: number | null } {
  const last = reports.at(-1);
  return { largest: last?.valLargest ?? 0, smallest: last?.valSmallest ?? null };
}

/** The worker request for one modality (the arrays are copies: the dataset stays usable here). */
function requestFor(dataset: UploadedDataset, m: Modality, mode: TrainingMode, budget: TrainingBudget, pretrainedUrl: string | null): TrainRequest {
  const plan = budgetPlan(mode, budget);
  const size = m === 'image' ? dataset.imageSize : dataset.audioSize;
  const split = (s: UploadedDataset['splits']['train']) => ({ inputs: (m === 'image' ? s.images : s.audio).slice(), labels: s.labels.slice(), size });
  return {
    config: { ...paperConfig(size), numClasses: dataset.classes.length },
    initSeed: 1,
    train: split(dataset.splits.train),
    val: split(dataset.splits.val),
    settings: { seed: 1, epochs: plan.epochs, warmupEpochs: plan.warmupEpochs, lr: plan.lr, batchSize: plan.batchSize, sortChannels: mode === 'scratch' },
    ...(pretrainedUrl ? { transferFromUrl: pretrainedUrl } : {}),
  };
}
