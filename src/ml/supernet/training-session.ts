// A supernet training run as a worker-side service (sandwich training): picks the
// backend, builds a fresh elastic supernet (or one that starts from the pretrained demo
// supernet's weights with a new classifier: ./transfer.ts), trains it with trainSupernet on the splits it is
// given (typed arrays transferred from the main thread), reports each step and epoch, stops at
// the next step when cancelled, and hands back the trained weights in the tfjs weights format.
// Used by workers/train.worker.ts (for the upload issue and the browser test); the headless
// scripts call trainSupernet directly.

import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, BackendReport } from '../../core/backends';
import { chooseBackend } from '../backend';
import type { SupernetConfig } from './config';
import { Supernet } from './supernet';
import { DEFAULT_TRAIN, sandwichStep, trainSupernet, type EpochReport, type StepProgress, type TrainSettings } from './train';
import { fetchSupernet, serializeSupernet, type SupernetManifest } from './weights-io';
import { transferSupernet } from './transfer';
import { batchIndices, toTensors, type Split } from './batches';
import { evaluateSubnet } from './evaluate';
import { LARGEST_GENOME, SMALLEST_GENOME, sampleGenome } from '../../core/genome';
import { Rng } from '../../core/rng';

export interface TrainRequest {
  config: SupernetConfig;
  /** Seed of the initial weights (training randomness comes from settings.seed). */
  initSeed: number;
  train: Split;
  val: Split;
  settings: Partial<TrainSettings>;
  /**
   * Folder of a pretrained supernet (same origin, e.g. the demo's) to start from: every weight
   * but the classifier is copied (transfer); absent = from scratch.
   */
  transferFromUrl?: string;
}

/** Measured time of one optimiser step on this backend (ms): the largest alone, and a sandwich step. */
export interface StepTiming {
  warmupStepMs: number;
  sandwichStepMs: number;
  /** One validation pass of one subnet over the validation split (BN recalibration included). */
  evaluationMs: number;
}

export interface TrainOutcome {
  reports: EpochReport[];
  /** Optimiser steps taken (all phases). */
  steps: number;
  cancelled: boolean;
  manifest: SupernetManifest;
  /** The trained weights (binary of `manifest`); transferred, not copied, to the main thread. */
  weights: ArrayBuffer;
  /** tf.memory().numTensors before the supernet was built and after it was disposed. */
  numTensorsBefore: number;
  numTensorsAfter: number;
  seconds: number;
}

export interface TrainListener {
  onStep?(p: StepProgress): void;
  onEpoch?(r: EpochReport): void;
}

export class SupernetTrainingSession {
  private backend: BackendReport | null = null;
  private cancelRequested = false;
  private busy = false;

  async init(preference: BackendChoice = 'auto'): Promise<BackendReport> {
    this.backend = await chooseBackend(preference, { trainsConvolutions: true });
    return { ...this.backend, webgpu: { ...this.backend.webgpu } };
  }

  /** Stops the running training after its current step; the outcome says `cancelled`. */
  cancel(): void {
    this.cancelRequested = true;
  }

  async train(request: TrainRequest, listener: TrainListener = {}): Promise<TrainOutcome> {
    if (!this.backend) throw new Error('init() first');
    if (this.busy) throw new Error('a training run is already going on in this worker');
    this.busy = true;
    this.cancelRequested = false;
    const t0 = performance.now();
    const numTensorsBefore = tf.memory().numTensors;
    const net = await this.initialSupernet(request);
    let steps = 0;
    try {
      const reports = await trainSupernet(net, request.train, request.val, request.settings, {
        onStep: (p) => {
          steps++;
          listener.onStep?.(p);
        },
        onEpoch: (r) => listener.onEpoch?.(r),
        shouldStop: () => this.cancelRequested,
      });
      const { manifest, data } = await serializeSupernet(net);
      net.dispose();
      return {
        reports,
        steps,
        cancelled: this.cancelRequested,
        manifest,
        weights: data,
        numTensorsBefore,
        numTensorsAfter: tf.memory().numTensors,
        seconds: (performance.now() - t0) / 1000,
      };
    } catch (e) {
      net.dispose();
      throw e;
    } finally {
      this.busy = false;
    }
  }

  /** Times a few real steps on the request's data (nothing is kept): the expected-time estimate. */
  async timeSteps(request: TrainRequest): Promise<StepTiming> {
    if (!this.backend) throw new Error('init() first');
    if (this.busy) throw new Error('a training run is going on in this worker');
    this.busy = true;
    const net = await this.initialSupernet(request);
    const s = { ...DEFAULT_TRAIN, ...request.settings };
    const opt = tf.train.adam(s.lr);
    try {
      const batch = batchIndices(request.train.labels.length, s.batchSize)[0];
      const { x, y } = toTensors(request.train, batch);
      const rng = new Rng(1);
      const sandwich = [LARGEST_GENOME, SMALLEST_GENOME, ...Array.from({ length: s.randomSubnets }, () => sampleGenome(rng))];
      const timed = async (genomes: typeof sandwich) => {
        const t = performance.now();
        await sandwichStep(net, opt, x, y, genomes, s.kdWeight, s.kdTemperature);
        return performance.now() - t;
      };
      try {
        await timed([LARGEST_GENOME]); // first call: kernels compile / warm up
        const warmupStepMs = await timed([LARGEST_GENOME]);
        await timed(sandwich);
        const sandwichStepMs = await timed(sandwich);
        const t = performance.now();
        await evaluateSubnet(net, SMALLEST_GENOME, request.train, request.val, { batches: s.valRecalBatches, batchSize: s.batchSize, rng: new Rng(2) });
        return { warmupStepMs, sandwichStepMs, evaluationMs: performance.now() - t };
      } finally {
        tf.dispose([x, y]);
      }
    } finally {
      opt.dispose();
      net.dispose();
      this.busy = false;
    }
  }

  private async initialSupernet(request: TrainRequest): Promise<Supernet> {
    if (!request.transferFromUrl) return new Supernet(request.config, request.initSeed);
    let pretrained: Supernet;
    try {
      pretrained = await fetchSupernet(request.transferFromUrl);
    } catch (err) {
      throw new Error(`the pretrained supernet to start from could not be loaded: ${(err as Error).message}`);
    }
    try {
      return transferSupernet(pretrained, request.config, request.initSeed);
    } finally {
      pretrained.dispose();
    }
  }
}
