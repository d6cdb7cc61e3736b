// Trains one modality's elastic supernet in Node on the tfjs cpu backend with the fast
// flat-loop kernels (src/ml/cpu-kernels) — the same training code as scripts/train-supernet.ts
// runs in headless Chromium (trainSupernet, then BN-recalibrated final figures, random-subnet
// comparison, weights with the largest subnet's recalibrated statistics) — and writes
// {supernet.json, supernet.bin, training.json} to --out (default: a fresh temp dir; the shipped
// public/models/ is only written when --out names it).
//
//   tsx scripts/train-supernet-node.ts --modality image|audio [--epochs 8] [--warmup-epochs 2]
//        [--seed 1] [--batch 64] [--lr 3e-3] [--out DIR] [--budget-s S] (stop training early)
//        [--random-subnets 50] [--random-recal-batches 4] [--random-budget-s 150]
//        [--train-subset N] (first N training samples only: quick trials)
//        [--data DIR] (dataset folder under public/, default data/avmnist/; e.g. data/avmnist-unseen/)
//        [--vtlp K --fsdd DIR] (audio: K vocal-tract-length-perturbed copies of each training clip, train only)
//        [--loso-record FILE] (audio: copy that leave-one-speaker-out record's rows for this pipeline into training.json)
//        [--crop K --fsdd DIR] (audio: K randomly silence-cropped copies of each training clip, train only)
//        [--noise K --fsdd DIR] (audio: K copies of each training clip with white noise 12–30 dB under its loudest frame, train only)
//        [--tight K --fsdd DIR] (audio: K copies of each training clip cut to its frames within 8–20 dB of the loudest, train only)
// Flags: scripts/tool-args.ts. Bad arguments: one line on stderr, exit 2.

import * as tf from '@tensorflow/tfjs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli-args';
import { TOOL_USAGE, parseTrainSupernetNodeArgs } from './tool-args';
import { loadAvmnist, type AvmnistSplit } from '../src/data/avmnist';
import { installFastCpuKernels } from '../src/ml/cpu-kernels';
import { Supernet } from '../src/ml/supernet/supernet';
import { paperConfig } from '../src/ml/supernet/config';
import type { Split } from '../src/ml/supernet/batches';
import { trainSupernet, type TrainSettings } from '../src/ml/supernet/train';
import { measureTrainedSupernet } from '../src/ml/supernet/trained-report';
import { recalibrateBn } from '../src/ml/supernet/bn-recalibration';
import { serializeSupernet } from '../src/ml/supernet/weights-io';
import { LARGEST_GENOME } from '../src/core/genome';
import { buildTrainingRecord } from '../src/core/training-record';
import { DATASET_MANIFEST_FILE, TRAINING_RECORD_FILE, publicPath } from '../src/data/asset-paths';
import type { Modality } from '../src/core/types';
import { type LeaveOneSpeakerOutSummary } from '../src/core/training-record';
import { parseSpeakerHeldOut, rowsForPipeline, rowsOfOneLength } from '../src/core/speaker-held-out';
import { DEMO_AUDIO_METHOD, DEMO_AUDIO_PARAMS, DEMO_FRONT_END, DEMO_TOP_DB, decodeDemoBytes, rawMapToDemoBytes } from '../src/core/audio/demo-features';
import { VTLP_RANGE } from '../src/core/audio/vtlp';
import { vtlpCopies } from '../src/core/audio/vtlp-copies';
import { CROP_SPEECH, silenceCrops } from '../src/core/audio/silence-crop';
import { NOISE_FLOOR, noiseCopies } from '../src/core/audio/noise-copies';
import { TIGHT_CROP, tightCrops } from '../src/core/audio/tight-crop';
import { MfccExtractor } from '../src/core/audio/mfcc';
import { resample } from '../src/core/audio/resample';
import { copyRng } from '../src/core/audio/copy-seeds';
import { decodeWav } from '../src/data/wav';
import type { AvmnistManifest } from '../src/data/avmnist-format';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = () => new Date().toISOString().slice(11, 19);
const log = (line: string) => console.log(`[${stamp()}] ${line}`);

function toSplit(s: AvmnistSplit, modality: Modality, limit = Infinity): Split {
  const n = Math.min(limit, s.labels.length);
  const size = modality === 'image' ? 28 : 20;
  const inputs = modality === 'image' ? s.images : s.audio;
  return { inputs: inputs.subarray(0, n * size * size), labels: s.labels.subarray(0, n), size };
}

/** The shipped dataset read from disk through loadAvmnist's fetch hook. */
async function loadData(dir: string) {
  const fetchFile = (async (url: string | URL | Request) => new Response(readFileSync(String(url)))) as typeof fetch;
  return loadAvmnist(dir.endsWith('/') ? dir : `${dir}/`, fetchFile);
}

const concat = (a: Float32Array, b: Float32Array) => {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/** The training clips' recordings at 8 kHz, from the WAVs the dataset's manifest names (read once for every kind of copy). */
function trainingRecordings(dataDir: string, train: Split, fsddDir: string, flags: string): Float32Array[] {
  const manifest = JSON.parse(readFileSync(join(dataDir, DATASET_MANIFEST_FILE), 'utf8')) as AvmnistManifest;
  if (manifest.normalisation.audio.method !== DEMO_AUDIO_METHOD) throw new Error(`${flags} needs a dataset with the demo audio features (${DEMO_AUDIO_METHOD}); ${dataDir} has "${manifest.normalisation.audio.method}"`);
  const sr = DEMO_AUDIO_PARAMS.sampleRate;
  return manifest.sources.train.fsdd.slice(0, train.labels.length).map((f) => {
    const w = decodeWav(readFileSync(join(fsddDir, f)), f);
    return resample(w.samples, w.sampleRate, sr);
  });
}

/** K raw demo maps per training clip (clip order) normalised as the dataset is, each labelled as its clip. */
function packCopies(rawMaps: Float32Array[], copies: number, train: Split): { inputs: Float32Array; labels: Uint8Array } {
  const inputs = new Float32Array(rawMaps.length * train.size * train.size);
  rawMaps.forEach((m, i) => inputs.set(decodeDemoBytes(rawMapToDemoBytes(m)), i * m.length));
  return { inputs, labels: Uint8Array.from(rawMaps, (_, i) => train.labels[Math.floor(i / copies)]) };
}

/** VTLP copies of the training clips (factors drawn as scripts/loso-audio.ts draws them). */
function vtlpTrainingCopies(recordings: Float32Array[], train: Split, copies: number, seed: number) {
  const rng = copyRng('vtlp', seed);
  const sr = DEMO_AUDIO_PARAMS.sampleRate;
  return packCopies(vtlpCopies(recordings.map((samples) => ({ samples, sampleRate: sr })), copies, () => rng.next(), VTLP_RANGE, DEMO_FRONT_END).maps, copies, train);
}

/** Copies made from each training clip's samples (`copiesOf` returns K of them), as demo maps packed like the dataset. */
function sampleTrainingCopies(recordings: Float32Array[], train: Split, copies: number, copiesOf: (samples: Float32Array) => Float32Array[]) {
  const extractor = new MfccExtractor(DEMO_AUDIO_PARAMS);
  return packCopies(recordings.flatMap((r) => copiesOf(r).map((c) => DEMO_FRONT_END.rawMap(c, extractor))), copies, train);
}

/** Silence-cropped copies of the training clips (crops drawn as scripts/loso-audio.ts draws them). */
function cropTrainingCopies(recordings: Float32Array[], train: Split, copies: number, seed: number) {
  const rng = copyRng('crop', seed);
  return sampleTrainingCopies(recordings, train, copies, (r) => silenceCrops(r, DEMO_AUDIO_PARAMS.sampleRate, copies, () => rng.next()));
}

/** Noisy copies of the training clips (noise drawn as scripts/loso-audio.ts draws it). */
function noiseTrainingCopies(recordings: Float32Array[], train: Split, copies: number, seed: number) {
  const rng = copyRng('noise', seed);
  return sampleTrainingCopies(recordings, train, copies, (r) => noiseCopies(r, DEMO_AUDIO_PARAMS.sampleRate, copies, () => rng.next(), () => rng.normal()));
}

/** Tightly cropped copies of the training clips (crops drawn as scripts/loso-audio.ts draws them). */
function tightTrainingCopies(recordings: Float32Array[], train: Split, copies: number, seed: number) {
  const rng = copyRng('tight', seed);
  return sampleTrainingCopies(recordings, train, copies, (r) => tightCrops(r, DEMO_AUDIO_PARAMS.sampleRate, copies, () => rng.next()));
}

/** How many copies of each kind a training pipeline adds to each training clip. */
interface CopyCounts { vtlp: number; crop: number; noise: number; tight: number }

const accuracies = ({ sameSpeakerVal, heldOutSpeaker }: { sameSpeakerVal: number; heldOutSpeaker: number }) => ({ sameSpeakerVal, heldOutSpeaker });

/** The leave-one-speaker-out rows of this training pipeline (the demo features, this augmentation, these copies), of one training length (this run's when measured). */
function losoSummary(file: string, { vtlp, crop, noise, tight }: CopyCounts, augment: string, own: { warmupEpochs: number; epochs: number }): LeaveOneSpeakerOutSummary {
  const record = parseSpeakerHeldOut(JSON.parse(readFileSync(resolve(root, file), 'utf8')), file);
  const rows = rowsOfOneLength(rowsForPipeline(record, { features: 'logmel-cmn', topDb: DEMO_TOP_DB, augment, vtlp, crop, noise, tight }), own);
  if (rows.length === 0) throw new Error(`${file} has no leave-one-speaker-out row for the demo features (log-mel, ${DEMO_TOP_DB} dB range, mean normalisation) + ${augment} augmentation + ${vtlp} VTLP copies + ${crop} cropped copies + ${noise} noisy copies + ${tight} tight copies`);
  const extra = [
    crop > 0 ? `${crop} randomly silence-cropped` : '',
    noise > 0 ? `${noise} noisy (white noise ${NOISE_FLOOR.minDbBelowPeak}–${NOISE_FLOOR.maxDbBelowPeak} dB under the loudest frame)` : '',
    tight > 0 ? `${tight} tightly cropped (frames within ${TIGHT_CROP.minDbBelowPeak}–${TIGHT_CROP.maxDbBelowPeak} dB of the loudest)` : '',
  ].filter(Boolean);
  return {
    protocol: record.protocol,
    pipeline: `log-mel features (${DEMO_TOP_DB} dB dynamic range, per-band mean normalisation), ${augment} augmentation, ${vtlp} vocal-tract-length-perturbed${extra.map((x) => ` and ${x}`).join('')} copies of each training clip`,
    source: file,
    // the two accuracies of each subnet (the record's confusion matrices stay in the record)
    results: rows.map(({ heldOut, trainedOn, largest, smallest, command }) => ({ heldOut, trainedOn, largest: accuracies(largest), smallest: accuracies(smallest), command })),
  };
}

async function main(argv: string[]) {
  const args = parseTrainSupernetNodeArgs(argv);
  const { modality } = args;
  const settings = {
    seed: args.seed,
    epochs: args.epochs,
    warmupEpochs: args.warmupEpochs,
    batchSize: args.batch,
    lr: args.lr,
    valRecalBatches: args.valRecalBatches,
    augment: modality,
  } satisfies Partial<TrainSettings>;
  const budgetS = args.budgetS;
  const outDir = args.out ? resolve(root, args.out) : mkdtempSync(join(tmpdir(), `supernet-${modality}-`));

  await tf.setBackend('cpu');
  installFastCpuKernels();
  const data = await loadData(join(root, publicPath(args.data)));
  const train = toSplit(data.train, modality, args.trainSubset);
  const readLoso = (file: string) => losoSummary(file, args, settings.augment, settings);
  if (args.losoRecord) readLoso(args.losoRecord); // checked before hours of training, read again at the end (rows measured meanwhile count)
  const copyFlags = [args.vtlp > 0 ? '--vtlp' : '', args.crop > 0 ? '--crop' : '', args.noise > 0 ? '--noise' : '', args.tight > 0 ? '--tight' : ''].filter(Boolean).join(' and ');
  const recordings = copyFlags ? trainingRecordings(join(root, publicPath(args.data)), train, args.fsdd, copyFlags) : [];
  const warped = args.vtlp > 0 ? vtlpTrainingCopies(recordings, train, args.vtlp, settings.seed) : null;
  if (warped) log(`vtlp: ${warped.labels.length} warped copies of the ${train.labels.length} training clips (${args.vtlp} each, factors 1 ± ${VTLP_RANGE})`);
  const cropped = args.crop > 0 ? cropTrainingCopies(recordings, train, args.crop, settings.seed) : null;
  if (cropped) log(`crop: ${cropped.labels.length} silence-cropped copies of the ${train.labels.length} training clips (${args.crop} each)`);
  const noisy = args.noise > 0 ? noiseTrainingCopies(recordings, train, args.noise, settings.seed) : null;
  if (noisy) log(`noise: ${noisy.labels.length} noisy copies of the ${train.labels.length} training clips (${args.noise} each)`);
  const tight = args.tight > 0 ? tightTrainingCopies(recordings, train, args.tight, settings.seed) : null;
  if (tight) log(`tight: ${tight.labels.length} tightly cropped copies of the ${train.labels.length} training clips (${args.tight} each)`);
  const kinds = [warped, cropped, noisy, tight].filter((c) => c !== null);
  const copies = kinds.length === 0 ? null : kinds.reduce((a, b) => ({ inputs: concat(a.inputs, b.inputs), labels: Uint8Array.from([...a.labels, ...b.labels]) }));
  const val = toSplit(data.val, modality);
  const test = toSplit(data.test, modality);
  log(`${modality}: train ${train.labels.length} / val ${val.labels.length} / test ${test.labels.length}, out ${outDir}`);

  const net = new Supernet(paperConfig(train.size), settings.seed);
  const t0 = performance.now();
  let epochStart = t0;
  // the warped copies train only; BN recalibration and every figure below use the split's own clips
  const trainWithCopies: Split = copies
    ? { inputs: concat(train.inputs, copies.inputs), labels: Uint8Array.from([...train.labels, ...copies.labels]), size: train.size }
    : train;
  const history = await trainSupernet(net, trainWithCopies, val, settings, {
    onStep: (p) => {
      if (p.step % 5 === 0 || p.step === p.stepsPerEpoch)
        log(`${p.phase} epoch ${p.epoch + 1}/${p.epochs} step ${p.step}/${p.stepsPerEpoch} loss ${p.loss.toFixed(4)} lr ${p.lr.toExponential(2)} t ${(p.elapsedMs / 1000).toFixed(0)} s`);
    },
    onEpoch: (r) => {
      const now = performance.now();
      const small = r.valSmallest === undefined ? '' : ` smallest ${r.valSmallest.toFixed(2)}%`;
      log(`EPOCH ${r.phase} ${r.epoch + 1}: train loss ${r.trainLoss.toFixed(4)}, val (BN recalibrated) largest ${r.valLargest.toFixed(2)}%${small}, ${((now - epochStart) / 1000).toFixed(1)} s`);
      epochStart = now;
    },
    shouldStop: () => performance.now() - t0 > budgetS * 1000,
  });
  const trainSeconds = (performance.now() - t0) / 1000;
  const stoppedEarly = trainSeconds > budgetS;

  const { randomRecalBatches } = args;
  const { final, randomSubnets } = await measureTrainedSupernet(net, { train, val, test }, {
    randomSubnets: args.randomSubnets,
    randomRecalBatches,
    randomBudgetS: args.randomBudgetS,
    seed: 2024,
    log,
  });
  await recalibrateBn(net, LARGEST_GENOME, train); // ship the largest subnet's recalibrated statistics
  const { manifest, data: weights } = await serializeSupernet(net, 'supernet.bin');
  net.dispose();

  mkdirSync(outDir, { recursive: true });
  const bin = Buffer.from(weights);
  writeFileSync(join(outDir, 'supernet.bin'), bin);
  writeFileSync(join(outDir, 'supernet.json'), JSON.stringify(manifest, null, 1) + '\n');
  const training = buildTrainingRecord({
    script: 'scripts/train-supernet-node.ts',
    args: process.argv.slice(2),
    datasetDir: publicPath(args.data),
    splits: { train: train.labels.length, val: val.labels.length, test: test.labels.length },
    modality,
    backend: 'tfjs cpu in Node with the fast flat-loop kernels of src/ml/cpu-kernels',
    settings,
    trainSeconds,
    trainBudgetSeconds: budgetS,
    stoppedEarlyByBudget: stoppedEarly,
    wallSeconds: (performance.now() - t0) / 1000,
    accuracyPercent: final,
    history,
    randomSubnets,
    randomRecalBatches,
    bytes: bin.length,
    ...(copies ? { trainingCopies: [
      warped ? `${args.vtlp} vocal-tract-length-perturbed copies of each training clip (mel filter bank warped by factors stratified over 1 ± ${VTLP_RANGE}, seeded by --seed; src/core/audio/vtlp-copies.ts)` : '',
      cropped ? `${args.crop} randomly silence-cropped copies of each training clip (speech within ${-CROP_SPEECH.thresholdDb} dB of the loudest frame kept, a random share of the silence around it; src/core/audio/silence-crop.ts)` : '',
      noisy ? `${args.noise} copies of each training clip with white noise ${NOISE_FLOOR.minDbBelowPeak}–${NOISE_FLOOR.maxDbBelowPeak} dB under its loudest 10 ms frame (src/core/audio/noise-copies.ts)` : '',
      tight ? `${args.tight} copies of each training clip cut to its frames within T dB of its loudest 10 ms frame, T stratified over ${TIGHT_CROP.minDbBelowPeak}–${TIGHT_CROP.maxDbBelowPeak} dB (src/core/audio/tight-crop.ts)` : '',
    ].filter(Boolean).join(' and ') + `, ${copies.labels.length} maps beside the ${train.labels.length} clips; BN recalibration and every figure use the clips only` } : {}),
    ...(args.losoRecord ? { leaveOneSpeakerOut: readLoso(args.losoRecord) } : {}),
  });
  writeFileSync(join(outDir, TRAINING_RECORD_FILE), JSON.stringify(training, null, 1) + '\n');
  console.log(JSON.stringify({ outDir, bytes: bin.length, final, trainSeconds: Math.round(trainSeconds), randomSubnetsMeanRecal: training.randomSubnets.meanRecal }));
}

runCli('train-supernet-node', main, { usage: TOOL_USAGE['train-supernet-node'], stack: true });
