// A supernet training run as a worker-side service (sandwich training): picks the
// backend, builds a fresh elastic supernet, trains it with trainSupernet on the splits it is
// given (typed arrays transferred from the main thread), reports each step and epoch, stops at
// the next step when cancelled, and hands back the trained weights in the tfjs weights format.
// Used by workers/train.worker.ts (for the upload issue and the browser test); the headless
// scripts call trainSupernet directly.

import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, BackendReport } from '../../core/backends';
import { chooseBackend } from '../backend';
import type { SupernetConfig } from './config';
import type { Split } from './batches';
import { Supernet } from './supernet';
import { trainSupernet, type EpochReport, type StepProgress, type TrainSettings } from './train';
import { serializeSupernet, type SupernetManifest } from './weights-io';

export interface TrainRequest {
  config: SupernetConfig;
  /** Seed of the initial weights (training randomness comes from settings.seed). */
  initSeed: number;
  train: Split;
  val: Split;
  settings: Partial<TrainSettings>;
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
    const net = new Supernet(request.config, request.initSeed);
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
}
