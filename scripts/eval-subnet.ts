// CLI: accuracy (%) of one subnet of a shipped pretrained supernet, after BN recalibration on
// the training split, on tfjs cpu in Node. Prints one JSON object.
//   npm run --silent eval-subnet -- --modality image --genome k7777e6666d4 --split test [--bn-batches N]
// Bad arguments: one line on stderr, exit status 2.

import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli-args';
import { USAGE, parseEvalArgs } from './eval-subnet-args';
import { DATASET_DIR, MODELS_DIR, publicPath, supernetDirName } from '../src/data/asset-paths';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** fetch over local files: URL path relative to `dir`. */
const fileFetch = (dir: string) => async (input: string | URL) => {
  const name = String(input);
  try {
    return new Response(await readFile(join(dir, name)));
  } catch {
    return new Response(null, { status: 404 });
  }
};

async function main(argv: string[]) {
  const args = parseEvalArgs(argv);
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const { loadAvmnist } = await import('../src/data/avmnist');
  const { fetchSupernet } = await import('../src/ml/supernet/weights-io');
  const { evaluateSubnet } = await import('../src/ml/supernet/evaluate');
  const { formatGenome } = await import('../src/core/genome');
  const modelDir = resolve(root, args.modelsDir ?? publicPath(MODELS_DIR), supernetDirName(args.modality));
  const net = await fetchSupernet('', fileFetch(modelDir) as typeof fetch);
  const data = await loadAvmnist('', fileFetch(join(root, publicPath(DATASET_DIR))) as typeof fetch);
  const pick = (s: (typeof data)['train']) =>
    args.modality === 'image' ? { inputs: s.images, labels: s.labels, size: 28 } : { inputs: s.audio, labels: s.labels, size: 20 };
  const t0 = Date.now();
  const r = await evaluateSubnet(net, args.genome, pick(data.train), pick(data[args.split]), { batches: args.bnBatches, batchSize: 64 });
  net.dispose();
  console.log(
    JSON.stringify({
      accuracy: r.accuracy,
      genome: formatGenome(args.genome),
      modality: args.modality,
      split: args.split,
      samples: data[args.split].count,
      bnRecalibrationSamples: r.recalibrationSamples,
      backend: tf.getBackend(),
      seconds: (Date.now() - t0) / 1000,
    }),
  );
}

runCli('eval-subnet', main, { usage: USAGE });
