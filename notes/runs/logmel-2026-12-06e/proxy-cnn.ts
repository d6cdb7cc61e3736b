// Quick proxy for the front-end choice (notes only, not part of the app): a small fixed CNN (conv16-pool-conv32-pool-dense64, dropout 0.3, Adam 2e-3, 20 epochs, batch 32) trained on two FSDD speakers' takes 5–49 and scored on every take of the third, for several 20×20 feature variants. Run from the repo root: npx tsx notes/runs/logmel-2026-12-06e/proxy-cnn.ts VARIANT VTLP_COPIES SPEAKERS EPOCHS (variants: mfcc-cmvn, mfcc-cmn, mfcc-global, logmel-cmvn, logmel-cmn, logmel-global, mfcc-cmvn-trim). Shuffling is not seeded: repeat runs differ by a few points.
import * as tf from '@tensorflow/tfjs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { installFastCpuKernels } from '../../../src/ml/cpu-kernels';
import { AVMNIST_MFCC, MfccExtractor, type MfccParams } from '../../../src/core/audio/mfcc';
import { VtlpMfccExtractor, vtlpFactors } from '../../../src/core/audio/vtlp';
import { cmvn } from '../../../src/core/audio/cmvn';
import { parseFsddName, type FsddName } from '../../../src/core/audio/demo-features';
import { decodeWav } from '../../../src/data/wav';
import { trimSilence, DEFAULT_TRIM } from '../../../src/core/audio/trim';
import { Rng } from '../../../src/core/rng';

const variant = process.argv[2] ?? 'mfcc-cmvn';
const vtlpK = Number(process.argv[3] ?? 0);
const heldOuts = (process.argv[4] ?? 'jackson,nicolas,theo').split(',');
const epochs = Number(process.argv[5] ?? 20);
const C = 20, F = 20;
const dir = '../shared/data/fsdd/recordings';
type Clip = { name: FsddName; samples: Float32Array };
const clips: Clip[] = [];
for (const file of readdirSync(dir).sort()) {
  const name = parseFsddName(file); if (!name) continue;
  const w = decodeWav(readFileSync(join(dir, file)), file);
  clips.push({ name, samples: w.samples });
}
const melParams: MfccParams = { ...AVMNIST_MFCC, melFilters: 20 };
function logmel(ex: MfccExtractor, s: Float32Array): Float32Array {
  const e = ex.melEnergies(s, 8000);
  const out = new Float32Array(C * F);
  for (let f = 0; f < F; f++) for (let m = 0; m < C; m++) out[m * F + f] = Math.log(Math.max(e[f][m], 1e-10));
  return out;
}
function cmn(map: Float32Array, scale: number): Float32Array {
  const out = new Float32Array(map.length);
  for (let c = 0; c < C; c++) { let m = 0; for (let f = 0; f < F; f++) m += map[c * F + f]; m /= F;
    for (let f = 0; f < F; f++) out[c * F + f] = Math.max(-1, Math.min(1, (map[c * F + f] - m) / scale)); }
  return out;
}
function globalNorm(map: Float32Array): Float32Array { // per-utterance: mean per row, one std over the whole map
  const out = new Float32Array(map.length); let v = 0;
  const means: number[] = [];
  for (let c = 0; c < C; c++) { let m = 0; for (let f = 0; f < F; f++) m += map[c * F + f]; means.push(m / F); }
  for (let c = 0; c < C; c++) for (let f = 0; f < F; f++) v += (map[c * F + f] - means[c]) ** 2;
  const sd = Math.sqrt(v / map.length) || 1;
  for (let c = 0; c < C; c++) for (let f = 0; f < F; f++) out[c * F + f] = Math.max(-1, Math.min(1, (map[c * F + f] - means[c]) / sd / 3));
  return out;
}
function feat(s: Float32Array, alpha: number): Float32Array {
  const [kind, post] = variant.split('-');
  const src = variant.includes('trim') ? trimSilence(s, 8000, { ...DEFAULT_TRIM, thresholdDb: -25 }) : s;
  if (kind === 'mfcc') {
    const ex = alpha === 1 ? new MfccExtractor(AVMNIST_MFCC) : new VtlpMfccExtractor(alpha);
    const m = ex.compute(src, 8000);
    return post === 'cmvn' ? cmvn(m, C, F) : post === 'cmn' ? cmn(m, 15) : globalNorm(m);
  }
  const ex = alpha === 1 ? new MfccExtractor(melParams) : new VtlpMfccExtractor(alpha, melParams);
  const m = logmel(ex, src);
  return post === 'cmvn' ? cmvn(m, C, F) : post === 'cmn' ? cmn(m, 6) : globalNorm(m);
}
const rng = new Rng(1001);
const base = clips.map((c) => feat(c.samples, 1));
const warped = clips.map((c) => vtlpK > 0 ? vtlpFactors(vtlpK, () => rng.next()).map((a) => feat(c.samples, a)) : []);
installFastCpuKernels();
await tf.setBackend('cpu');
const res: Record<string, number> = {};
for (const ho of heldOuts) {
  const tr: number[] = [], te: number[] = [];
  clips.forEach((c, i) => { if (c.name.speaker === ho) te.push(i); else if (c.name.take >= 5) tr.push(i); });
  const xs: Float32Array[] = [], ys: number[] = [];
  for (const i of tr) { xs.push(base[i]); ys.push(clips[i].name.digit); for (const w of warped[i]) { xs.push(w); ys.push(clips[i].name.digit); } }
  const pack = (a: Float32Array[]) => { const o = new Float32Array(a.length * 400); a.forEach((x, i) => o.set(x, i * 400)); return tf.tensor4d(o, [a.length, C, F, 1]); };
  tf.setBackend('cpu'); tf.util.assert(true, () => '');
  const model = tf.sequential({ layers: [
    tf.layers.conv2d({ inputShape: [C, F, 1], filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 1 }) }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 2 }) }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.flatten(), tf.layers.dropout({ rate: 0.3, seed: 3 }),
    tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 4 }) }),
    tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) }),
  ] });
  model.compile({ optimizer: tf.train.adam(2e-3), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const X = pack(xs), Y = tf.tensor1d(ys, 'float32');
  await model.fit(X, Y, { epochs, batchSize: 32, shuffle: true, verbose: 0 });
  const Xt = pack(te.map((i) => base[i]));
  const pred = (model.predict(Xt) as tf.Tensor).argMax(-1).dataSync();
  let ok = 0; te.forEach((i, k) => { if (pred[k] === clips[i].name.digit) ok++; });
  res[ho] = Math.round(1000 * ok / te.length) / 10;
  tf.dispose([X, Y, Xt]); model.dispose();
}
console.log(JSON.stringify({ variant, vtlpK, epochs, ...res }));
