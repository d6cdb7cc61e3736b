// Sweep of the inner tier's retraining settings: runs the real fusion search (DARTS, then
// retraining of the candidates) on three fixed backbone pairs — the paper's "most frugal" pair
// and two pairs of the demo preset's seed-1 run — for each configuration given as JSON, on the
// demo set's cached features at C 16 (Node, wasm), and prints one JSON line per pair and
// configuration: validation and test accuracy, retraining epochs kept, operators, seconds.
//
//   npx tsx scripts/fusion-sweep.ts '[{"trainSubset":450},{"trainSubset":450,"lr":0.01},{"trainSubset":900,"lr":0.01,"epochs":1}]'
// keys: trainSubset (required), lr (retraining Adam lr; default 1e-3), epochs (search, default 2),
// retrain (epochs, default 10), patience (default 3), C (default 16), maxCandidates.
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localFetch, useNodeBackend } from './script-io';
import { loadAvmnist } from '../src/data/avmnist';
import { DATASET_DIR, DEVICE_TABLES_DIR, SUPERNET_DIRS, publicPath } from '../src/data/asset-paths';
import { fetchSupernet } from '../src/ml/supernet/weights-io';
import { TfSearchEvaluator } from '../src/ml/search-evaluator';
import { parseDeviceTable } from '../src/core/device-table';
import { parseGenome } from '../src/core/genome';
import { runFusionSearch } from '../src/ml/fusion/fusion-search';
import { repeatSplit } from '../src/ml/fusion/data';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
await useNodeBackend('wasm');
const table = parseDeviceTable(readFileSync(join(root, publicPath(DEVICE_TABLES_DIR), 'jetson-tx2.json'), 'utf8'));
const nets = {
  image: await fetchSupernet('', localFetch(join(root, publicPath(SUPERNET_DIRS.image)))),
  audio: await fetchSupernet('', localFetch(join(root, publicPath(SUPERNET_DIRS.audio)))),
};
const data = await loadAvmnist('', localFetch(join(root, publicPath(DATASET_DIR))));
const configs = JSON.parse(process.argv[2]);
const pairs = [['k5557e3643d2','k3375e3336d2',2,1],['k5733e3333d2','k3333e6433d2',2,4],['k3353e3463d3','k3733e3633d2',1,4]];
for (const trainSubset of [...new Set(configs.map((c: any) => c.trainSubset))] as number[]) {
  const ev = new TfSearchEvaluator({ train: data.train, val: data.val, test: data.test, imageSize: 28, audioSize: 20 }, nets, table,
    { C: 16, fusionEpochs: 1, retrainEpochs: 0, bnBatches: 2, lambda: 0.1, objectives: ['error','latency','energy'], paperFaithful: false, trainSubset });
  for (const [im, au, cells, nodes] of pairs) {
    const f = await ev.features(parseGenome(im as string), parseGenome(au as string));
    for (const c of configs.filter((c: any) => c.trainSubset === trainSubset)) {
      const t0 = performance.now();
      const r = await runFusionSearch({ features: f, macro: { cells: cells as number, nodes: nodes as number }, table, seed: 11, C: c.C ?? 16, lambda: 0.1, energyLambda: 0.1,
        epochs: c.epochs ?? 2, retrainEpochs: c.retrain ?? 10, retrainLr: c.lr, patience: c.patience, maxCandidates: c.maxCandidates });
      console.log(JSON.stringify({ pair: `${im}+${au} ${cells}x${nodes}`, ...c, val: +r.valAccuracy.toFixed(2), test: +r.testAccuracy.toFixed(2), retrainEpochs: r.retrainEpochs, ops: r.fusionOps.join(','), s: +((performance.now()-t0)/1000).toFixed(1), tensors: tf.memory().numTensors }));
    }
  }
}
