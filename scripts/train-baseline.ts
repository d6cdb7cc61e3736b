// Unimodal baselines on the shipped AV-MNIST demo set (not part of CI): checks that each modality
// alone is learnable — the bar is ≥ 92 % test accuracy on images and ≥ 95 % on audio.
//
//   tsx scripts/train-baseline.ts --modality image|audio [--model cnn|linear] [--epochs 60] [--patience 15] [--seed 1]
//   (flags: scripts/tool-args.ts; a bad argument: one line on stderr, exit 2)
//
// cnn: a small fixed CNN (conv 3×3 ×8 + ReLU → max-pool 2 → conv 3×3 ×16 + ReLU → max-pool 2 →
// dense 10, scripts/baseline-models.ts); linear: softmax regression on the flattened input. Both:
// Adam lr 2e-3, batch 32, seeded shuffles and initialisation, trained on train, early-stopped on
// val accuracy (patience 15 epochs, best weights restored), then scored once on test. Plain typed
// arrays: tfjs's cpu backend trains convolutions too slowly in Node here.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../src/core/rng';
import { checkManifest, decodeAvmnist, type AvmnistSplit } from '../src/data/avmnist';
import { AVMNIST_FILES } from '../src/data/avmnist-format';
import { DATASET_DIR, DATASET_MANIFEST_FILE, publicPath } from '../src/data/asset-paths';
import { LinearSoftmax, TinyCnn } from './baseline-models';
import { runCli } from './cli-args';
import { TOOL_USAGE, parseTrainBaselineArgs } from './tool-args';

function loadFromDisk(dir: string) {
  const manifest = checkManifest(JSON.parse(readFileSync(join(dir, DATASET_MANIFEST_FILE), 'utf8')));
  const read = (f: string) => new Uint8Array(readFileSync(join(dir, f)));
  return decodeAvmnist(manifest, {
    images: read(AVMNIST_FILES.images),
    audio: read(AVMNIST_FILES.audio),
    labels: read(AVMNIST_FILES.labels),
  });
}

/** Trains the chosen model on train, early-stopped on val, and scores it on test. */
function main(argv: string[]): void {
  const args = parseTrainBaselineArgs(argv);
  const { modality } = args;
  const data = loadFromDisk(args.data ?? publicPath(DATASET_DIR));
  const [h, w] = data.manifest.modalities[modality].shape;
  const samples = (s: AvmnistSplit) => {
    const all = modality === 'image' ? s.images : s.audio;
    return Array.from({ length: s.count }, (_, i) => all.subarray(i * h * w, (i + 1) * h * w));
  };
  const train = samples(data.train);
  const val = samples(data.val);
  const test = samples(data.test);

  const rng = new Rng(args.seed);
  const model = args.model === 'cnn' ? new TinyCnn(h, w, rng.fork()) : new LinearSoftmax(h * w);
  const accuracy = (xs: Float32Array[], labels: Uint8Array) =>
    (100 * xs.filter((x, i) => model.predict(x) === labels[i]).length) / xs.length;

  const t0 = Date.now();
  const batch = 32;
  let best = -1;
  let bestEpoch = 0;
  let bestWeights = model.snapshot();
  for (let epoch = 1; epoch <= args.epochs; epoch++) {
    const order = rng.shuffle(Array.from({ length: train.length }, (_, i) => i));
    let loss = 0;
    for (let b = 0; b < order.length; b += batch) {
      const idx = order.slice(b, b + batch);
      loss += model.trainBatch(idx.map((i) => train[i]), idx.map((i) => data.train.labels[i]), args.lr) * idx.length;
    }
    const valAcc = accuracy(val, data.val.labels);
    console.log(`epoch ${epoch}: loss ${(loss / order.length).toFixed(4)}, val ${valAcc.toFixed(2)} %, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    if (valAcc > best) {
      best = valAcc;
      bestEpoch = epoch;
      bestWeights = model.snapshot();
    } else if (epoch - bestEpoch >= args.patience) break;
  }
  model.restore(bestWeights);
  const testAcc = accuracy(test, data.test.labels);
  console.log(
    `${modality} ${args.model}: best val ${best.toFixed(2)} % at epoch ${bestEpoch}, ` +
      `test ${testAcc.toFixed(2)} % on ${test.length} samples, ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}

runCli('train-baseline', main, { usage: TOOL_USAGE['train-baseline'], stack: true });
