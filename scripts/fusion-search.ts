// CLI: the inner tier for one backbone pair on AV-MNIST, on tfjs wasm (or cpu) in Node —
// BN-recalibrated frozen subnets of the shipped supernets, their pooled features cached once,
// DARTS fusion search (architecture on validation, λ·E[LUT latency]), discretisation,
// retraining of the discrete network, test accuracy; cost of the whole network from the table.
//   npm run --silent fusion-search -- --image k5557e3643d2 --audio k3375e3336d2 --cells 2 --nodes 1 \
//     --device jetson-tx2 --lambda 0 --seed 1 [--epochs N] [--c N] [--max-candidates N]
//     [--paper-faithful] [--allow-unimodal] [--backend wasm|cpu]
// Prints one JSON object on stdout (progress lines on stderr). Bad arguments: one line on
// stderr, exit 2. Needs public/models/avmnist-{image,audio}/ and public/data/avmnist/.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli-args';
import { USAGE, parseFusionSearchArgs } from './fusion-search-args';
import { DATASET_DIR, DEVICE_INDEX_FILE, DEVICE_TABLES_DIR, SUPERNET_DIRS, publicPath } from '../src/data/asset-paths';
import { localFetch, useNodeBackend } from './script-io';
import { parseDeviceIndex, parseDeviceTable } from '../src/core/device-table';
import { round3 } from '../src/core/cost-report';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lutDir = join(root, publicPath(DEVICE_TABLES_DIR));

async function main(argv: string[]) {
  const index = parseDeviceIndex(readFileSync(join(lutDir, DEVICE_INDEX_FILE), 'utf8'));
  const args = parseFusionSearchArgs(argv, index.devices.map((d) => d.id));
  const entry = index.devices.find((d) => d.id === args.device)!;
  const table = parseDeviceTable(readFileSync(join(lutDir, entry.file), 'utf8'));
  const modelDir = (m: 'image' | 'audio') => join(root, publicPath(SUPERNET_DIRS[m]));
  const dataDir = join(root, publicPath(DATASET_DIR));
  for (const dir of [modelDir('image'), modelDir('audio'), dataDir]) {
    if (!existsSync(dir)) throw new Error(`${dir} is missing: train the supernets (npm run train-supernet-node) and build the dataset first`);
  }

  const tf = await import('@tensorflow/tfjs');
  await useNodeBackend(args.backend); // cpu: with our fast kernels, ~15× the stock conv kernels
  const { loadAvmnist } = await import('../src/data/avmnist');
  const { fetchSupernet } = await import('../src/ml/supernet/weights-io');
  const { TfSearchEvaluator } = await import('../src/ml/search-evaluator');
  const { runFusionSearch } = await import('../src/ml/fusion/fusion-search');
  const { networkCost } = await import('../src/core/cost-model');
  const { formatGenome } = await import('../src/core/genome');

  const t0 = Date.now();
  const image = await fetchSupernet('', localFetch(modelDir('image')));
  const audio = await fetchSupernet('', localFetch(modelDir('audio')));
  const data = await loadAvmnist('', localFetch(dataDir));
  const side = (shape: readonly number[]) => shape[0];
  const evaluator = new TfSearchEvaluator(
    {
      train: data.train,
      val: data.val,
      test: data.test,
      imageSize: side(data.manifest.modalities.image.shape),
      audioSize: side(data.manifest.modalities.audio.shape),
    },
    { image, audio },
    table,
    {
      C: args.c,
      fusionEpochs: args.epochs,
      retrainEpochs: args.retrainEpochs,
      bnBatches: args.bnBatches,
      lambda: args.lambda,
      objectives: [],
      paperFaithful: args.paperFaithful,
    },
  );
  const tFeatures = Date.now();
  const features = await evaluator.features(args.image, args.audio);
  const featureSeconds = (Date.now() - tFeatures) / 1000;
  image.dispose();
  audio.dispose();
  const r = await runFusionSearch({
    features,
    macro: { cells: args.cells, nodes: args.nodes },
    table,
    seed: args.seed,
    C: args.c,
    lambda: args.lambda,
    energyLambda: args.energyLambda,
    epochs: args.epochs,
    retrainEpochs: args.retrainEpochs,
    maxCandidates: args.maxCandidates,
    paperFaithful: args.paperFaithful,
    bothModalities: !args.allowUnimodal,
    onProgress: (p) =>
      process.stderr.write(
        p.stage === 'search'
          ? `search ${p.epoch}/${p.epochs}: train CE ${p.trainLoss.toFixed(3)}, ${args.paperFaithful ? 'test' : 'val'} acc ${p.archSplitAccuracy.toFixed(2)} % objective ${p.archSplitObjective.toFixed(4)}, genotype ${JSON.stringify(p.genotype.cells.map((c) => [c.inputs, c.ops]))}, E[latency] ${p.expectedLatencyMs.toFixed(3)} ms, ${p.seconds.toFixed(1)} s\n`
          : `retrain candidate ${p.candidate}/${p.candidates} epoch ${p.epoch}/${p.epochs}: train CE ${p.trainLoss.toFixed(3)}, val acc ${p.valAccuracy.toFixed(2)} % CE ${p.valCrossEntropy.toFixed(4)}, ${p.seconds.toFixed(1)} s\n`,
      ),
  });
  const cost = networkCost(table, { image: args.image, audio: args.audio, fusionOps: r.fusionOps });
  console.log(
    JSON.stringify({
      genotype: r.genotype,
      fusionOps: r.fusionOps,
      valAccuracy: round3(r.valAccuracy),
      testAccuracy: round3(r.testAccuracy),
      latencyMs: round3(cost.latencyMs),
      energyMj: round3(cost.energyMj),
      fusionLatencyMs: round3(cost.fusion.latencyMs),
      fusionEnergyMj: round3(cost.fusion.energyMj),
      epochs: r.epochs,
      chosenEpoch: r.chosenEpoch,
      candidates: r.candidates.map((c) => ({
        inputs: c.genotype.cells.map((cell) => cell.inputs),
        fusionOps: c.fusionOps,
        epochs: c.epochs,
        valAccuracy: round3(c.valAccuracy),
        valCrossEntropy: Math.round(c.valCrossEntropy * 1e5) / 1e5,
        fusionLatencyMs: round3(c.fusionLatencyMs),
        objective: Math.round(c.objective * 1e5) / 1e5,
        retrainEpochs: c.retrainEpochs,
      })),
      retrainEpochs: r.retrainEpochs,
      seconds: (Date.now() - t0) / 1000,
      featureSeconds,
      image: formatGenome(args.image),
      audio: formatGenome(args.audio),
      cells: args.cells,
      nodes: args.nodes,
      device: table.id,
      lambda: r.lambda,
      energyLambda: r.energyLambda,
      seed: args.seed,
      C: args.c,
      paperFaithful: r.paperFaithful,
      bothModalities: r.bothModalities,
      archSplit: r.archSplit,
      backend: tf.getBackend(),
    }),
  );
}

runCli('fusion-search', main, { usage: USAGE });
