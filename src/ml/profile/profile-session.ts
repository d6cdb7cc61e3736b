// This browser as a target device (the profiling worker's service): times every layer the
// search space needs alone on the current tfjs backend — batch 1, warm-up runs first, then the
// median of N forward passes, each read back so that GPU time is counted — into a device table
// of the same schema as the Jetson ones (latency measured, energy unknown); and checks how well
// such a table's per-layer sum predicts whole networks: random backbone subnets extracted to
// static tfjs models and timed end to end the same way.

import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, BackendReport } from '../../core/backends';
import { DEVICE_TABLE_SCHEMA, parseDeviceTable, type DeviceTable } from '../../core/device-table';
import { searchSpaceLayerKeys, MODALITIES } from '../../core/layer-keys';
import { backboneCost } from '../../core/cost-model';
import { formatGenome, sampleGenome } from '../../core/genome';
import { INPUT_SIZE } from '../../core/backbone-layers';
import { Rng } from '../../core/rng';
import { kendallTau, meanAbsolutePercentageError, median } from '../../core/prediction-check';
import type { Modality } from '../../core/types';
import { chooseBackend } from '../backend';
import { paperConfig } from '../supernet/config';
import { Supernet } from '../supernet/supernet';
import { extractSubnet } from '../supernet/extract';
import { layerRunner } from './layer-runner';

export interface TimingSettings {
  /** Untimed passes first (kernel compilation, caches). */
  warmup: number;
  /** Timed passes; the median is kept. */
  repeats: number;
}

export const DEFAULT_TIMING: TimingSettings = { warmup: 3, repeats: 15 };

export interface ProfileRequest extends Partial<TimingSettings> {
  /** Layer keys to time (default: every key the search space needs). */
  keys?: string[];
}

export interface ProfileListener {
  onLayer?(p: { done: number; total: number; key: string; latencyMs: number }): void;
}

export interface PredictionCheckRequest extends Partial<TimingSettings> {
  table: DeviceTable;
  subnets: number;
  seed: number;
}

export interface PredictionCheckResult {
  backend: string;
  points: { modality: Modality; genome: string; predictedMs: number; measuredMs: number }[];
  kendallTau: number;
  mapePct: number;
  seconds: number;
}

export class ProfileCancelled extends Error {
  constructor() {
    super('profiling cancelled');
    this.name = 'ProfileCancelled';
  }
}

/** Shortest time one timed sample spans (ms): browsers coarsen performance.now() to 0.1 ms. */
export const MIN_SAMPLE_MS = 5;

/**
 * Median ms of one synchronised batch-1 pass: after `warmup` untimed passes, `repeats` samples,
 * each of n back-to-back passes (every one read back before the next starts) with n chosen so
 * that a sample spans at least MIN_SAMPLE_MS — a single pass of a small layer is shorter than the
 * browser's clock resolution.
 */
async function timeMs(forward: () => tf.Tensor | tf.Tensor[], t: TimingSettings): Promise<number> {
  const once = async () => {
    const out = forward();
    const ys = Array.isArray(out) ? out : [out];
    try {
      await Promise.all(ys.map((y) => y.data()));
    } finally {
      tf.dispose(ys);
    }
  };
  const w0 = performance.now();
  const warmups = Math.max(1, t.warmup);
  for (let i = 0; i < warmups; i++) await once();
  const perPass = Math.max(0.01, (performance.now() - w0) / warmups);
  const n = Math.max(1, Math.min(1000, Math.ceil(MIN_SAMPLE_MS / perPass)));
  const ms: number[] = [];
  for (let i = 0; i < t.repeats; i++) {
    const t0 = performance.now();
    for (let j = 0; j < n; j++) await once();
    ms.push((performance.now() - t0) / n);
  }
  return median(ms);
}

export class ProfileSession {
  private backend: BackendReport | null = null;
  private cancelRequested = false;

  async init(preference: BackendChoice = 'auto'): Promise<BackendReport> {
    this.backend = await chooseBackend(preference);
    return { ...this.backend, webgpu: { ...this.backend.webgpu } };
  }

  cancel(): void {
    this.cancelRequested = true;
  }

  private get name(): string {
    const b = this.backend!;
    const adapter = b.name === 'webgpu' && b.webgpu.description ? `, ${b.webgpu.description}` : b.name === 'wasm' && b.wasmThreads ? `, ${b.wasmThreads} thread${b.wasmThreads === 1 ? '' : 's'}` : '';
    return `This browser (${b.name}${adapter})`;
  }

  /** Times each layer alone and returns the device table. */
  async profile(request: ProfileRequest = {}, listener: ProfileListener = {}): Promise<{ table: DeviceTable; seconds: number; numTensorsBefore: number; numTensorsAfter: number }> {
    if (!this.backend) throw new Error('init() first');
    this.cancelRequested = false;
    const timing = { ...DEFAULT_TIMING, ...request };
    const keys = request.keys ?? searchSpaceLayerKeys();
    const t0 = performance.now();
    const numTensorsBefore = tf.memory().numTensors;
    const entries: DeviceTable['entries'] = {};
    for (const [i, key] of keys.entries()) {
      if (this.cancelRequested) throw new ProfileCancelled();
      const runner = layerRunner(key);
      try {
        const latencyMs = await timeMs(runner.forward, timing);
        entries[key] = { latencyMs, energyMj: 0, status: 'measured' };
        listener.onLayer?.({ done: i + 1, total: keys.length, key, latencyMs });
      } finally {
        runner.dispose();
      }
    }
    const table = parseDeviceTable({
      schema: DEVICE_TABLE_SCHEMA,
      id: 'this-browser',
      name: this.name,
      source: {
        citation: `Measured in this browser by the Harmonic-NAS Playground's profiling worker on ${new Date().toISOString().slice(0, 10)}`,
        notes: `Each layer alone on the ${this.backend.name} backend at batch 1: median over ${timing.repeats} samples of back-to-back read-back forward passes (each sample at least ${MIN_SAMPLE_MS} ms) after ${timing.warmup} warm-up passes. Energy cannot be measured in a browser.`,
      },
      units: { latency: 'ms', energy: 'mJ' },
      entries,
      energyUnknown: true,
    });
    return { table, seconds: (performance.now() - t0) / 1000, numTensorsBefore, numTensorsAfter: tf.memory().numTensors };
  }

  /** Predicted (table sum) against measured (extracted static network) latency of random subnets. */
  async predictionCheck(request: PredictionCheckRequest, onSubnet?: (done: number, total: number) => void): Promise<PredictionCheckResult> {
    if (!this.backend) throw new Error('init() first');
    this.cancelRequested = false;
    const timing = { ...DEFAULT_TIMING, ...request };
    const t0 = performance.now();
    const rng = new Rng(request.seed);
    const nets = Object.fromEntries(MODALITIES.map((m) => [m, new Supernet(paperConfig(INPUT_SIZE[m]), 1)])) as Record<Modality, Supernet>;
    const points: PredictionCheckResult['points'] = [];
    try {
      for (let i = 0; i < request.subnets; i++) {
        if (this.cancelRequested) throw new ProfileCancelled();
        const modality = MODALITIES[i % MODALITIES.length];
        const genome = sampleGenome(rng);
        const model = extractSubnet(nets[modality], genome);
        const side = INPUT_SIZE[modality];
        const x = tf.randomNormal([1, side, side, 1], 0, 1, 'float32', i + 1);
        try {
          const measuredMs = await timeMs(() => model.predict(x) as tf.Tensor | tf.Tensor[], timing);
          points.push({ modality, genome: formatGenome(genome), predictedMs: backboneCost(request.table, genome, modality).latencyMs, measuredMs });
        } finally {
          x.dispose();
          model.dispose();
        }
        onSubnet?.(i + 1, request.subnets);
      }
    } finally {
      nets.image.dispose();
      nets.audio.dispose();
    }
    return { backend: this.backend.name, points, kendallTau: kendallTau(points), mapePct: meanAbsolutePercentageError(points), seconds: (performance.now() - t0) / 1000 };
  }
}
