// Benchmark of the inner tier's feature caching: one DARTS epoch of the
// fusion search on cached backbone features, against the same epoch when every batch first
// runs the two frozen backbones (recalibrated subnets of the shipped supernets, eval mode) and
// pools their fusable features. Both epochs do the same alternating architecture / weight steps
// on the same batches and end with the same accuracy pass over the architecture split; only
// where the features come from differs. Node: tfjs cpu + fast kernels, or wasm (--backend wasm).
//
//   tsx scripts/bench-fusion-cache.ts [--image k5557e3643d2] [--audio k3375e3336d2] [--cells 2]
//        [--nodes 1] [--c 192] [--batch 64] [--device jetson-tx2] [--bn-batches 4] [--reps 1]
//        [--backend cpu|wasm]
//        [--profile] (print the kernels that take the most time in one cached step pair)
// Flags: scripts/tool-args.ts. Bad arguments: one line on stderr, exit 2.

import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localFetch, useNodeBackend } from './script-io';
import { runCli } from './cli-args';
import { TOOL_USAGE, parseBenchFusionCacheArgs } from './tool-args';
import { loadAvmnist } from '../src/data/avmnist';
import { DATASET_DIR, DEVICE_TABLES_DIR, SUPERNET_DIRS, publicPath } from '../src/data/asset-paths';
import { fetchSupernet } from '../src/ml/supernet/weights-io';
import { TfSearchEvaluator } from '../src/ml/search-evaluator';
import { parseDeviceTable } from '../src/core/device-table';
import { formatGenome } from '../src/core/genome';
import { Rng } from '../src/core/rng';
import { createSearchNet, disposeSearchNet } from '../src/ml/fusion/search-network';
import { type DartsOptions, archStep, makeArchOptimizer, opCosts, weightStep } from '../src/ml/fusion/darts';
import { disposeSplitTensors, gatherBatch, splitTensors } from '../src/ml/fusion/data';
import { timeFusionEpochs } from '../src/ml/bench/fusion-epoch-bench';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv: string[]) {
  const a = parseBenchFusionCacheArgs(argv);
  const genomes = { image: a.image, audio: a.audio };
  const macro = { cells: a.cells, nodes: a.nodes };
  const { c: C, batch: batchSize, reps } = a;
  const backend = await useNodeBackend(a.backend);
  const table = parseDeviceTable(readFileSync(join(root, publicPath(DEVICE_TABLES_DIR), `${a.device}.json`), 'utf8'));
  const nets = {
    image: await fetchSupernet('', localFetch(join(root, publicPath(SUPERNET_DIRS.image)))),
    audio: await fetchSupernet('', localFetch(join(root, publicPath(SUPERNET_DIRS.audio)))),
  };
  const data = await loadAvmnist('', localFetch(join(root, publicPath(DATASET_DIR))));
  const sizes = { image: data.manifest.modalities.image.shape[0], audio: data.manifest.modalities.audio.shape[0] };
  const evaluator = new TfSearchEvaluator(
    { train: data.train, val: data.val, test: data.test, imageSize: sizes.image, audioSize: sizes.audio },
    nets,
    table,
    { C, fusionEpochs: 1, retrainEpochs: 0, bnBatches: a.bnBatches, lambda: 0, objectives: [], paperFaithful: false },
  );
  const tCache = performance.now();
  const features = await evaluator.features(genomes.image, genomes.audio); // recalibrates BN of both subnets
  const cacheSeconds = (performance.now() - tCache) / 1000;
  const cfg = { featureChannels: features.train.channels, c: C, numClasses: 10, ...macro };
  const options = (seed: number): DartsOptions => ({ epochs: 1, batchSize, lambda: 0, costs: opCosts(table), rng: new Rng(seed) });

  if (a.profile) {
    const tTrain = splitTensors(features.train);
    const tVal = splitTensors(features.val);
    const net = createSearchNet(cfg, new Rng(1));
    const o = options(2);
    const wOpt = tf.train.adam(1e-3);
    const aOpt = makeArchOptimizer(o);
    const idx = Array.from({ length: batchSize }, (_, i) => i);
    const stepPair = () => tf.tidy(() => {
      const va = gatherBatch(tVal, idx);
      const tr = gatherBatch(tTrain, idx);
      return tf.stack([archStep(net, va.x, va.y, aOpt, o), weightStep(net, tr.x, tr.y, wOpt, o)]);
    });
    stepPair().dispose(); // optimiser slots
    const info = await tf.profile(() => stepPair());
    const byName = new Map<string, [number, number]>();
    for (const k of info.kernels) {
      const [t, n] = byName.get(k.name) ?? [0, 0];
      byName.set(k.name, [t + Number(k.kernelTimeMs), n + 1]);
    }
    const total = [...byName.values()].reduce((acc, [t]) => acc + t, 0);
    const top = [...byName.entries()].sort((x, y) => y[1][0] - x[1][0]).slice(0, 20);
    const matmuls = info.kernels.filter((k) => k.name === 'BatchMatMul').sort((x, y) => Number(y.kernelTimeMs) - Number(x.kernelTimeMs));
    console.log('slowest BatchMatMul:', matmuls.slice(0, 8).map((k) => `${JSON.stringify(k.inputShapes)} ${Number(k.kernelTimeMs).toFixed(1)}ms`).join(', '));
    console.log(`cached step pair: ${info.kernels.length} kernels, ${total.toFixed(0)} ms kernel time;`, top.map(([k, [t, n]]) => `${k} ${t.toFixed(0)}ms/${n}`).join(', '));
    tf.dispose(info.result as tf.Tensor);
    wOpt.dispose();
    aOpt.dispose();
    disposeSearchNet(net);
    disposeSplitTensors(tTrain);
    disposeSplitTensors(tVal);
  }

  const cached: number[] = [];
  const uncached: number[] = [];
  for (let r = 0; r < reps; r++) {
    const before = tf.memory().numTensors;
    const t = await timeFusionEpochs({
      nets, data: { ...data, imageSize: sizes.image, audioSize: sizes.audio }, table, genomes, macro, C, batchSize, trainSubset: data.train.count, bnBatches: a.bnBatches,
    });
    cached.push(t.cachedEpochMs / 1000);
    uncached.push(t.recomputeEpochMs / 1000);
    if (tf.memory().numTensors !== before) console.error(`warning: ${tf.memory().numTensors - before} tensors left after rep ${r}`);
  }
  const best = (xs: number[]) => Math.min(...xs);
  console.log(
    JSON.stringify({
      bench: 'fusion epoch: cached features vs running the backbones',
      image: formatGenome(genomes.image),
      audio: formatGenome(genomes.audio),
      ...macro,
      C,
      batchSize,
      trainSamples: data.train.labels.length,
      cacheSeconds: +cacheSeconds.toFixed(2),
      cachedEpochSeconds: +best(cached).toFixed(2),
      backboneEpochSeconds: +best(uncached).toFixed(2),
      speedup: +(best(uncached) / best(cached)).toFixed(2),
      // what caching removes from each epoch, and the share of an uncached epoch it is: the
      // speed-up can reach 5× only where that share is ≥ 80 %
      savedSecondsPerEpoch: +(best(uncached) - best(cached)).toFixed(2),
      backboneSharePct: +((100 * (best(uncached) - best(cached))) / best(uncached)).toFixed(1),
      target: '≥ 5×',
      backend: backend === 'cpu' ? 'tfjs cpu (Node) with the fast kernels' : 'tfjs wasm (Node, SIMD)',
    }),
  );
}

runCli('bench-fusion-cache', main, { usage: TOOL_USAGE['bench-fusion-cache'], stack: true });
