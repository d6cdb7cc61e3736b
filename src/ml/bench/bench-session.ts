// The benchmark's worker side (npm run bench): on the backend the search would use, the
// backend's best square matmul, one cached DARTS step pair, and a fusion-search epoch with and
// without the feature cache; then, on the backend supernet training uses (WebAssembly has no
// convolution gradients), a training step of the largest subnet through the supernet against
// the same network built static, and that backend's matmul peak. Returns JSON only.
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from '../../core/backends';
import { gflops } from '../../core/bench/kernel-flops';
import { LARGEST_GENOME, parseGenome } from '../../core/genome';
import { PAPER_MODELS } from '../../core/paper-models';
import { chooseBackend } from '../backend';
import { loadAssets } from '../search-assets';
import { Supernet } from '../supernet/supernet';
import { paperConfig } from '../supernet/config';
import { matmulPeak } from './matmul-peak';
import { cutSplit, timeFusionEpochs } from './fusion-epoch-bench';
import { timeTrainSteps } from './train-step-bench';

export interface BenchRequest {
  /** Seconds-long version for tests (tiny sizes; the figures say nothing about speed). */
  tiny: boolean;
  backend: BackendChoice;
  /** Where the app's public/ files are served. */
  baseUrl: string;
  device: string;
}

/** What the worker measures (the Node side adds the search, leak and bundle figures). */
export interface WorkerBenchReport {
  backend: string;
  backendReason: string;
  adapter: string;
  matmulPeakGflops: number;
  matmulPeakSize: number;
  dartsStepMs: number;
  dartsStepGflops: number;
  dartsStepPeakRatio: number;
  fusionEpochCachedMs: number;
  fusionEpochRecomputeMs: number;
  fusionCacheFillMs: number;
  /** Share (0–1) of an uncached fusion epoch that the feature cache removes. */
  backboneShareRemoved: number;
  trainBackend: string;
  trainMatmulPeakGflops: number;
  supernetStepMs: number;
  staticStepMs: number;
  /** supernetStepMs / staticStepMs. */
  supernetOverhead: number;
  trainStepGflops: number;
  trainStepPeakRatio: number;
  /** What was measured, so a reader can redo it. */
  setup: { fusionPair: string; cells: number; nodes: number; C: number; trainPairs: number; batch: number; trainGenome: string; trainBatch: number };
  /** Tensors left in the worker by the whole benchmark (0 = no leak). */
  benchTensorsLeaked: number;
}

export async function runBench(req: BenchRequest, say: (line: string) => void = () => {}): Promise<WorkerBenchReport> {
  const info = await chooseBackend(req.backend);
  const tensorsBefore = tf.memory().numTensors;
  const adapter = info.webgpu.available ? `${info.webgpu.description ?? 'unnamed'}${info.webgpu.isFallbackAdapter ? ' (software)' : ''}` : 'no WebGPU adapter';
  say(`search backend: ${info.name} (${info.reason})`);
  const sizes = req.tiny ? [32, 64] : [128, 256, 512, 1024];
  const peak = await matmulPeak(sizes, req.tiny ? 1 : 3);
  say(`matmul peak ${peak.gflops.toFixed(2)} GFLOP/s at ${peak.size}`);

  const assets = await loadAssets(req.baseUrl, req.device, say);
  const frugal = PAPER_MODELS.find((m) => m.id === 'most-frugal')!;
  const C = req.tiny ? 8 : 16;
  const trainPairs = req.tiny ? 64 : 450;
  const batch = req.tiny ? 32 : 64;
  let fusion;
  try {
    say('fusion epoch: cached features, then running the backbones');
    fusion = await timeFusionEpochs({
      nets: assets.nets,
      data: { train: assets.data.train, val: req.tiny ? cutSplit(assets.data.val, 64) : assets.data.val, test: assets.data.test, imageSize: assets.imageSize, audioSize: assets.audioSize },
      table: assets.table,
      genomes: { image: parseGenome(frugal.image), audio: parseGenome(frugal.audio) },
      macro: { cells: frugal.cells, nodes: frugal.nodes },
      C,
      batchSize: batch,
      trainSubset: trainPairs,
      bnBatches: 1,
    });
  } finally {
    assets.nets.image.dispose();
    assets.nets.audio.dispose();
  }

  const trainInfo = await chooseBackend(req.backend, { trainsConvolutions: true });
  say(`training backend: ${trainInfo.name} (${trainInfo.reason})`);
  const trainPeak = await matmulPeak(sizes, req.tiny ? 1 : 3);
  const trainBatch = req.tiny ? 4 : 64;
  const net = new Supernet(paperConfig(assets.imageSize), 1);
  let train;
  try {
    say('training step: supernet vs static');
    train = await timeTrainSteps(net, LARGEST_GENOME, trainBatch, 1, req.tiny ? 1 : 3);
  } finally {
    net.dispose();
  }
  const dartsStepGflops = gflops(fusion.dartsStepFlops, fusion.dartsStepMs);
  const trainStepGflops = gflops(train.staticStepFlops, train.staticStepMs);
  return {
    backend: info.name,
    backendReason: info.reason,
    adapter,
    matmulPeakGflops: peak.gflops,
    matmulPeakSize: peak.size,
    dartsStepMs: fusion.dartsStepMs,
    dartsStepGflops,
    dartsStepPeakRatio: dartsStepGflops / peak.gflops,
    fusionEpochCachedMs: fusion.cachedEpochMs,
    fusionEpochRecomputeMs: fusion.recomputeEpochMs,
    fusionCacheFillMs: fusion.cacheFillMs,
    backboneShareRemoved: (fusion.recomputeEpochMs - fusion.cachedEpochMs) / fusion.recomputeEpochMs,
    trainBackend: trainInfo.name,
    trainMatmulPeakGflops: trainPeak.gflops,
    supernetStepMs: train.supernetStepMs,
    staticStepMs: train.staticStepMs,
    supernetOverhead: train.supernetStepMs / train.staticStepMs,
    trainStepGflops,
    trainStepPeakRatio: trainStepGflops / trainPeak.gflops,
    setup: { fusionPair: `${frugal.image} + ${frugal.audio}`, cells: frugal.cells, nodes: frugal.nodes, C, trainPairs, batch, trainGenome: 'largest image subnet', trainBatch },
    benchTensorsLeaked: tf.memory().numTensors - tensorsBefore,
  };
}

