// Leave-one-speaker-out measurement of the audio supernet (the speaker-independent audio issue):
// trains a fresh elastic audio supernet on two FSDD speakers (their takes 5–49), validates on
// their takes 0–4, and tests on every take of the third speaker — a voice training never heard.
// Features: `demo` = the demo set's features before 2026-12-06 (MFCC, dataset-level per-coefficient
// statistics of the training clips, byte quantised), `cmvn` = per-utterance cepstral mean and
// variance normalisation of the MFCC map (the demo sets' features from the morning of 2026-12-06),
// `logmel-cmn` = the 20-band log-mel map with per-utterance mean normalisation, byte quantised
// (src/core/audio/log-mel.ts, cmn.ts; measured, not adopted: notes/runs/logmel-2026-12-06e/).
// Training: sandwich rule on tfjs cpu with our fast kernels (as scripts/train-supernet-node.ts);
// `--augment audio` adds time shift and time/frequency masking (src/ml/supernet/augment.ts).
// `--vtlp K` adds K vocal-tract-length-perturbed copies of every training clip, precomputed before
// training (warp factors stratified over 1 ± `--vtlp-range`, src/core/audio/vtlp.ts); validation and
// test clips are never warped. `--trim` cuts leading/trailing silence (frames below `--trim-db`, default
// −35 dB, relative to the clip's loudest frame) off every clip — train, val and test alike — before
// the 20 frames are cut (src/core/audio/trim.ts).
// `--speed K` adds K speed-perturbed copies of every training clip (Kaldi-style: resampled by a
// factor f, pitch and tempo together; factors stratified over 1 ± `--speed-range`,
// src/core/audio/speed-perturb.ts); combinable with `--vtlp` (the copies are separate: K_vtlp warped
// plus K_speed sped-up copies per clip). Validation and test clips are never perturbed.
// `--extra-train DIR` adds every FSDD-named WAV in DIR whose speaker is not one of the evaluated
// speakers (those in --fsdd) to the training clips, all takes, with the same features and the same
// VTLP/speed copies; never to validation or test. The output names them in "extraTrainSpeakers".
// `--crop K` adds K randomly silence-cropped copies of every training clip (each keeps the speech
// span and a random share of the silence around it, src/core/audio/silence-crop.ts); combinable
// with --vtlp and --speed. Validation and test clips are never cropped. `--noise K` adds K copies
// with white noise 12–30 dB under the clip's loudest frame (src/core/audio/noise-copies.ts).
// `--also-test DIR` also scores the trained subnets on every FSDD-named WAV in DIR whose speaker is
// not one of the evaluated speakers (voices neither training nor the held-out test holds), per
// speaker, in "otherVoices" — the check that a choice made on the three demo voices carries.
// `--mixup ALPHA` blends each training batch with a shuffled copy of itself, one λ ~ Beta(α, α) per
// batch (src/ml/supernet/mixup.ts). `--tight K` adds K copies cut to the frames within 8–20 dB of the
// loudest (src/core/audio/tight-crop.ts; the range by --tight-min-db/--tight-max-db). `--cut K` adds K
// copies that end inside the speech, 50–90 % of the way through it (src/core/audio/coda-cut.ts).
// `--band-floor` raises each band of the log-mel map to its own 10th-percentile frame + 2 nats
// (--band-floor-nats) before mean normalisation (src/core/audio/band-floor.ts).
// --mixup and --band-floor do not go with --record (the Data view's pipeline key names neither).
// `--coefficients K` zeroes cepstral coefficients K..19 after normalisation (src/core/audio/keep-coefficients.ts).
// Prints one JSON object: the largest and smallest subnet's accuracy (%) on the same-speaker
// validation takes and on the held-out speaker, BN recalibrated on the training clips; beside it
// `heldOutSpeakerAdapted`, the held-out speaker scored with BN statistics from the other half of
// their own clips, labels unused (src/ml/supernet/speaker-adaptation.ts; likewise per other voice).
//
//   npx tsx scripts/loso-audio.ts --fsdd ../shared/data/fsdd/recordings --held-out theo
//     [--features demo|cmvn|logmel-cmn] [--warmup-epochs 4] [--epochs 8] [--seed 1] [--augment none|audio]
//     [--vtlp 0] [--vtlp-range 0.15] [--speed 0] [--speed-range 0.1] [--extra-train DIR] [--coefficients 20]
//     [--trim [--trim-db -35]] [--crop 0] [--noise 0] [--also-test DIR]

import * as tf from '@tensorflow/tfjs';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineFlags, parseFlags, runCli } from './cli-args';
import { installFastCpuKernels } from '../src/ml/cpu-kernels';
import { Supernet } from '../src/ml/supernet/supernet';
import { paperConfig } from '../src/ml/supernet/config';
import { trainSupernet } from '../src/ml/supernet/train';
import { predictedClasses } from '../src/ml/supernet/evaluate';
import { recalibrateBn } from '../src/ml/supernet/bn-recalibration';
import { speakerAdaptedPredictions } from '../src/ml/supernet/speaker-adaptation';
import { speakerFolds } from '../src/core/audio/speaker-folds';
import { accuracyBySpeaker, confusionTally } from '../src/core/prediction-tally';
import type { Split } from '../src/ml/supernet/batches';
import { LARGEST_GENOME, SMALLEST_GENOME } from '../src/core/genome';
import { MfccExtractor } from '../src/core/audio/mfcc';
import { coefficientStats, DEFAULT_CLIP_SIGMA, mfccToUnit } from '../src/core/audio/normalise';
import { resample } from '../src/core/audio/resample';
import { cmvn } from '../src/core/audio/cmvn';
import { keepCoefficients } from '../src/core/audio/keep-coefficients';
import { decodeDemoBytes, parseFsddName, unitToDemoBytes, type FsddName } from '../src/core/audio/demo-features';
import { cmn } from '../src/core/audio/cmn';
import { leaveOneSpeakerOut } from '../src/core/audio/speaker-split';
import { unrecordableReason, withRun } from '../src/core/loso-record';
import { decodeWav } from '../src/data/wav';
import { VTLP_RANGE } from '../src/core/audio/vtlp';
import { LOG_MEL_FRONT_END, MFCC_FRONT_END, vtlpCopies } from '../src/core/audio/vtlp-copies';
import { DEFAULT_TRIM, trimSilence } from '../src/core/audio/trim';
import { TIGHT_CROP, tightCrops } from '../src/core/audio/tight-crop';
import { codaCuts } from '../src/core/audio/coda-cut';
import { copyRng } from '../src/core/audio/copy-seeds';
import { BAND_FLOOR, bandFloor } from '../src/core/audio/band-floor';
import { SPEED_RANGE, speedFactors, speedPerturb } from '../src/core/audio/speed-perturb';
import { silenceCrops } from '../src/core/audio/silence-crop';
import { noiseCopies } from '../src/core/audio/noise-copies';

const FLAGS = defineFlags({
  fsdd: { type: 'string', required: true, value: 'DIR' },
  heldOut: { type: 'string', required: true, value: 'SPEAKER' },
  features: { type: 'choice', choices: ['demo', 'cmvn', 'logmel-cmn'], default: 'demo' },
  warmupEpochs: { type: 'int', min: 0, default: 4 },
  epochs: { type: 'int', min: 1, default: 8 },
  seed: { type: 'int', min: 0, default: 1 },
  augment: { type: 'choice', choices: ['none', 'audio'], default: 'none' },
  vtlp: { type: 'int', min: 0, default: 0, value: 'K' },
  vtlpRange: { type: 'number', min: 0, default: VTLP_RANGE },
  speed: { type: 'int', min: 0, default: 0, value: 'K' },
  speedRange: { type: 'number', min: 0, default: SPEED_RANGE },
  extraTrain: { type: 'string', value: 'DIR' },
  trim: { type: 'boolean' },
  trimDb: { type: 'number', default: DEFAULT_TRIM.thresholdDb, value: 'DB' },
  coefficients: { type: 'int', min: 1, default: 20, value: 'K' },
  crop: { type: 'int', min: 0, default: 0, value: 'K' },
  noise: { type: 'int', min: 0, default: 0, value: 'K' },
  topDb: { type: 'number', min: 0, default: 0, value: 'DB' },
  mixup: { type: 'number', min: 0, default: 0, value: 'ALPHA' },
  tight: { type: 'int', min: 0, default: 0, value: 'K' },
  cut: { type: 'int', min: 0, default: 0, value: 'K' },
  tightMinDb: { type: 'number', min: 0, default: TIGHT_CROP.minDbBelowPeak, value: 'DB' },
  tightMaxDb: { type: 'number', min: 0, default: TIGHT_CROP.maxDbBelowPeak, value: 'DB' },
  bandFloor: { type: 'boolean' },
  bandFloorNats: { type: 'number', min: 0, default: BAND_FLOOR.marginNats, value: 'NATS' },
  alsoTest: { type: 'string', value: 'DIR' },
  record: { type: 'string', value: 'FILE' },
});

const PROTOCOL =
  'leave one speaker out: train on the other speakers\' takes 5–49, validate on their takes 0–4 (same speakers), test on every take of the held-out speaker; BN recalibrated on the training clips; accuracy %';

async function main(argv: string[]): Promise<number> {
  const { values: a } = parseFlags(argv, FLAGS);
  installFastCpuKernels();
  await tf.setBackend('cpu');
  const baseFront = a.features === 'logmel-cmn' ? LOG_MEL_FRONT_END : MFCC_FRONT_END;
  // --top-db DB: filter energies more than DB under the clip's largest are raised to that level (0: off)
  const front = a.topDb > 0 ? { ...baseFront, params: { ...baseFront.params, topDb: a.topDb } } : baseFront;
  const { numCoefficients: C, numFrames: F } = front.params;
  const extractor = new MfccExtractor(front.params);
  const sr = front.params.sampleRate;
  if (a.features === 'logmel-cmn' && a.coefficients !== 20) throw new Error('--coefficients zeroes cepstral coefficients: it needs --features demo or cmvn');
  const trim = a.trim === true;
  const floorBands = a.bandFloor === true;
  if (floorBands && a.features !== 'logmel-cmn') throw new Error('--band-floor floors log-mel bands: it needs --features logmel-cmn');
  // the runs the record may not hold are refused before hours of training (the rule: src/core/loso-record.ts)
  const unrecordable = a.record ? unrecordableReason({ mixup: a.mixup || undefined, bandFloor: floorBands || undefined, tight: a.tight, tightRangeDb: [a.tightMinDb, a.tightMaxDb] }) : null;
  if (unrecordable) throw new Error(`--record: ${unrecordable}`);
  if (!(a.trimDb < 0)) throw new Error(`--trim-db must be below 0, got ${a.trimDb}`);
  const trimSettings = { ...DEFAULT_TRIM, thresholdDb: a.trimDb };
  if (a.vtlpRange >= 1) throw new Error(`--vtlp-range must be below 1, got ${a.vtlpRange}`);
  if (a.speedRange >= 1) throw new Error(`--speed-range must be below 1, got ${a.speedRange}`);
  type Clip = { name: FsddName; samples: Float32Array; raw: Float32Array };
  const load = (dir: string, keep: (n: FsddName) => boolean): Clip[] => {
    const out: Clip[] = [];
    for (const file of readdirSync(dir).sort()) {
      const name = parseFsddName(file);
      if (!name || !keep(name)) continue;
      const w = decodeWav(readFileSync(join(dir, file)), file);
      const at8k = resample(w.samples, w.sampleRate, sr);
      const samples = trim ? trimSilence(at8k, sr, trimSettings) : at8k;
      out.push({ name, samples, raw: front.rawMap(samples, extractor) });
    }
    return out;
  };
  const clips = load(a.fsdd, () => true);
  const split = leaveOneSpeakerOut(clips, a.heldOut);
  const evaluated = new Set(clips.map((c) => c.name.speaker));
  // extra training voices: every take of every speaker not evaluated here (never val or test)
  const extra = a.extraTrain ? load(a.extraTrain, (n) => !evaluated.has(n.speaker)) : [];
  if (a.extraTrain && extra.length === 0) throw new Error(`--extra-train ${a.extraTrain}: no FSDD-named WAV of a speaker other than ${[...evaluated].sort().join(', ')}`);
  const trainClips = [...split.train, ...extra];
  // VTLP copies of the training clips only (the statistics below stay those of the unwarped clips);
  // the extra clips come last, so the original clips' warp factors do not depend on --extra-train
  const vtlpRng = copyRng('vtlp', a.seed);
  const warpedMaps = a.vtlp > 0 ? vtlpCopies(trainClips.map((c) => ({ samples: c.samples, sampleRate: sr })), a.vtlp, () => vtlpRng.next(), a.vtlpRange, front).maps : [];
  const warped: Clip[] = warpedMaps.map((raw, i) => ({ ...trainClips[Math.floor(i / a.vtlp)], raw }));
  // copies made from a training clip's samples, each kind with its own random stream (so adding
  // one kind leaves the others as they were)
  const sampleCopies = (copiesOf: (samples: Float32Array) => Float32Array[]): Clip[] =>
    trainClips.flatMap((c) => copiesOf(c.samples).map((samples) => ({ ...c, samples, raw: front.rawMap(samples, extractor) })));
  const speedRng = copyRng('speed', a.seed);
  const sped = a.speed > 0 ? sampleCopies((x) => speedFactors(a.speed, () => speedRng.next(), a.speedRange).map((f) => speedPerturb(x, f))) : [];
  const cropRng = copyRng('crop', a.seed);
  const cropped = a.crop > 0 ? sampleCopies((x) => silenceCrops(x, sr, a.crop, () => cropRng.next())) : [];
  const noiseRng = copyRng('noise', a.seed);
  const noisy = a.noise > 0 ? sampleCopies((x) => noiseCopies(x, sr, a.noise, () => noiseRng.next(), () => noiseRng.normal())) : [];
  const tightRng = copyRng('tight', a.seed);
  const tightRange = { minDbBelowPeak: a.tightMinDb, maxDbBelowPeak: a.tightMaxDb };
  const tight = a.tight > 0 ? sampleCopies((x) => tightCrops(x, sr, a.tight, () => tightRng.next(), tightRange)) : [];
  const cutRng = copyRng('cut', a.seed);
  const cut = a.cut > 0 ? sampleCopies((x) => codaCuts(x, sr, a.cut, () => cutRng.next())) : [];
  const others = a.alsoTest ? load(a.alsoTest, (n) => !evaluated.has(n.speaker)) : [];
  if (a.alsoTest && others.length === 0) throw new Error(`--also-test ${a.alsoTest}: no FSDD-named WAV of a speaker other than ${[...evaluated].sort().join(', ')}`);
  const stats = coefficientStats(trainClips.map((c) => c.raw), C, F);
  if (a.coefficients > C) throw new Error(`--coefficients must be at most ${C}, got ${a.coefficients}`);
  const bandFloorSettings = { ...BAND_FLOOR, marginNats: a.bandFloorNats };
  const normalised = (raw: Float32Array): Float32Array =>
    a.features === 'logmel-cmn' ? decodeDemoBytes(unitToDemoBytes(Float32Array.from(cmn(floorBands ? bandFloor(raw, C, F, bandFloorSettings) : raw, C, F), (x) => x * 0.5 + 0.5)))
      : a.features === 'cmvn' ? cmvn(raw, C, F) : decodeDemoBytes(unitToDemoBytes(mfccToUnit(raw, stats, F, DEFAULT_CLIP_SIGMA)));
  // --coefficients K: rows K..C−1 zeroed after normalisation (the map stays C×F)
  const feature = (raw: Float32Array): Float32Array =>
    a.coefficients < C ? keepCoefficients(normalised(raw), C, F, a.coefficients) : normalised(raw);
  const toSplit = (cs: typeof clips): Split => {
    const inputs = new Float32Array(cs.length * C * F);
    cs.forEach((c, i) => inputs.set(feature(c.raw), i * C * F));
    return { inputs, labels: Uint8Array.from(cs, (c) => c.name.digit), size: C };
  };
  const [train, val, test] = [toSplit([...trainClips, ...warped, ...sped, ...cropped, ...noisy, ...tight, ...cut]), toSplit(split.val), toSplit(split.test)];
  const net = new Supernet(paperConfig(C), a.seed);
  const t0 = Date.now();
  await trainSupernet(net, train, val, { seed: a.seed, warmupEpochs: a.warmupEpochs, epochs: a.epochs, batchSize: 32, lr: 3e-3, augment: a.augment, mixupAlpha: a.mixup }, {
    onEpoch: (r) => process.stderr.write(`${r.phase} ${r.epoch + 1}: loss ${r.trainLoss.toFixed(3)}, val largest ${r.valLargest.toFixed(1)} %\n`),
  });
  const trainSeconds = (Date.now() - t0) / 1000;
  // each subnet: BN recalibrated on the training maps once, every split predicted once; then the
  // same subnet adapted without labels to each voice (two halves of its own clips)
  const testSpeakers = split.test.map((c) => c.name.speaker);
  const valSpeakers = split.val.map((c) => c.name.speaker);
  const score = async (genome: typeof LARGEST_GENOME) => {
    await recalibrateBn(net, genome, train, { batchSize: 64 });
    const onVal = await predictedClasses(net, genome, val, 64);
    const onTest = await predictedClasses(net, genome, test, 64);
    const adapted = await speakerAdaptedPredictions(net, genome, test, speakerFolds(testSpeakers), train, 64);
    return {
      sameSpeakerVal: accuracyBySpeaker(onVal, val.labels, valSpeakers).accuracy,
      heldOutSpeaker: accuracyBySpeaker(onTest, test.labels, testSpeakers).accuracy,
      // rows: the spoken digit, columns: the digit predicted
      heldOutConfusion: confusionTally(onTest, test.labels, 10),
      heldOutSpeakerAdapted: accuracyBySpeaker(adapted, test.labels, testSpeakers).accuracy,
      heldOutAdaptedConfusion: confusionTally(adapted, test.labels, 10),
    };
  };
  // --also-test: accuracy (%) on each other voice and on all of them, plain and adapted
  const othersSplit = others.length > 0 ? toSplit(others) : null;
  const otherNames = others.map((c) => c.name.speaker);
  const accuracyPerSpeaker = (r: ReturnType<typeof accuracyBySpeaker>) => Object.fromEntries(Object.entries(r.perSpeaker).map(([s, v]) => [s, v.accuracy]));
  const scoreOthers = async (genome: typeof LARGEST_GENOME, clips: Split) => {
    await recalibrateBn(net, genome, train, { batchSize: 64 });
    const plain = accuracyBySpeaker(await predictedClasses(net, genome, clips, 64), clips.labels, otherNames);
    const adapted = accuracyBySpeaker(await speakerAdaptedPredictions(net, genome, clips, speakerFolds(otherNames), train, 64), clips.labels, otherNames);
    return { accuracy: plain.accuracy, perSpeaker: accuracyPerSpeaker(plain), speakerAdapted: { accuracy: adapted.accuracy, perSpeaker: accuracyPerSpeaker(adapted) } };
  };
  const otherVoices = othersSplit ? { clips: others.length, largest: await scoreOthers(LARGEST_GENOME, othersSplit), smallest: await scoreOthers(SMALLEST_GENOME, othersSplit) } : undefined;
  const out = {
    heldOut: a.heldOut,
    trainedOn: [...new Set(split.train.map((c) => c.name.speaker))].sort(),
    extraTrainSpeakers: a.extraTrain ? [...new Set(extra.map((c) => c.name.speaker))].sort() : undefined,
    clips: { train: split.train.length, extraTrain: a.extraTrain ? extra.length : undefined, val: split.val.length, test: split.test.length },
    features: a.features,
    augment: a.augment,
    vtlp: a.vtlp,
    vtlpRange: a.vtlp > 0 ? a.vtlpRange : undefined,
    speed: a.speed,
    speedRange: a.speed > 0 ? a.speedRange : undefined,
    crop: a.crop > 0 ? a.crop : undefined,
    noise: a.noise > 0 ? a.noise : undefined,
    topDb: a.topDb > 0 ? a.topDb : undefined,
    mixup: a.mixup > 0 ? a.mixup : undefined,
    tight: a.tight > 0 ? a.tight : undefined,
    tightRangeDb: a.tight > 0 ? [a.tightMinDb, a.tightMaxDb] : undefined,
    cut: a.cut > 0 ? a.cut : undefined,
    bandFloor: floorBands ? bandFloorSettings : undefined,
    trainMaps: trainClips.length + warped.length + sped.length + cropped.length + noisy.length + tight.length + cut.length,
    coefficients: a.coefficients,
    trim,
    trimDb: trim ? a.trimDb : undefined,
    warmupEpochs: a.warmupEpochs,
    epochs: a.epochs,
    seed: a.seed,
    largest: await score(LARGEST_GENOME),
    smallest: await score(SMALLEST_GENOME),
    otherVoices,
    trainSeconds,
    command: `npx tsx scripts/loso-audio.ts ${argv.filter((x, i) => x !== '--record' && argv[i - 1] !== '--record').join(' ')}`,
  };
  net.dispose();
  console.log(JSON.stringify(out));
  if (a.record) {
    // the record keeps one result per (features, augment, copies of each kind, extra speakers, trim settings, training length, held-out speaker), with the command
    const rec = existsSync(a.record) ? JSON.parse(readFileSync(a.record, 'utf8')) : { script: 'scripts/loso-audio.ts', protocol: PROTOCOL, results: [] };
    writeFileSync(a.record, JSON.stringify(withRun(rec, out, new Date().toISOString().slice(0, 10)), null, 2) + '\n');
  }
  return 0;
}

runCli('loso-audio', main, { usage: 'npx tsx scripts/loso-audio.ts --fsdd DIR --held-out SPEAKER [--features demo|cmvn|logmel-cmn] [--warmup-epochs N] [--epochs N] [--seed N] [--augment none|audio] [--vtlp K] [--vtlp-range R] [--speed K] [--speed-range R] [--extra-train DIR] [--trim [--trim-db DB]] [--crop K] [--noise K] [--top-db DB] [--mixup ALPHA] [--tight K [--tight-min-db 8] [--tight-max-db 20]] [--cut K] [--band-floor [--band-floor-nats 2]] [--also-test DIR] [--record FILE]' });
