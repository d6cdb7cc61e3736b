// Builds the second demo dataset "AV-MNIST, unseen speaker" into public/data/avmnist-unseen/:
// the demo set's images and labels (the same MNIST images, so the demo image supernet has seen
// none of the test images), with audio from FSDD by leave-one-speaker-out
// (src/data/unseen-speaker-pairing.ts): train and validation speak with two voices, test with
// the third (jackson), which no training or validation clip holds. Audio features: the demo's
// (src/core/audio/demo-features.ts: 20-band log-mel with a 35 dB dynamic range, per-band mean
// normalisation), quantised into audio.bin like the demo set. Re-running gives byte-identical files.
//
//   npm run build-data-unseen   (= tsx scripts/build-avmnist-unseen.ts --fsdd ../shared/data/fsdd/recordings)
// Then its audio supernet: npm run train-supernet-node -- --modality audio --data public/data/avmnist-unseen
//   --warmup-epochs 4 --epochs 12 --batch 32 --out public/models/avmnist-unseen-audio

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MfccExtractor } from '../src/core/audio/mfcc';
import { DEMO_AUDIO_METHOD, DEMO_AUDIO_PARAMS, DEMO_AUDIO_SCALE_NATS, demoAudioBytes } from '../src/core/audio/demo-features';
import { crc32Hex } from '../src/data/crc32';
import { AVMNIST_FILES, type AvmnistManifest, type FileEntry } from '../src/data/avmnist-format';
import { stableJson } from '../src/data/avmnist-encode';
import { SPLITS } from '../src/data/avmnist-pairing';
import { parseWav } from '../src/data/wav';
import { DATASET_DIR, DATASET_MANIFEST_FILE, UNSEEN_SPEAKER_DATASET_DIR, publicPath } from '../src/data/asset-paths';
import { UNSEEN_SPEAKER, pairUnseenSpeaker } from '../src/data/unseen-speaker-pairing';
import { defineFlags, parseFlags, runCli } from './cli-args';

const FLAGS = defineFlags({
  fsdd: { type: 'string', default: '../shared/data/fsdd/recordings', value: 'DIR' },
  out: { type: 'string', default: publicPath(UNSEEN_SPEAKER_DATASET_DIR), value: 'DIR' },
  seed: { type: 'int', min: 0, default: 2023 },
});

function main(argv: string[]): void {
  const { values: a } = parseFlags(argv, FLAGS);
  const demoDir = resolve(publicPath(DATASET_DIR));
  const demo = JSON.parse(readFileSync(join(demoDir, DATASET_MANIFEST_FILE), 'utf8')) as AvmnistManifest;
  const demoImages = new Uint8Array(readFileSync(join(demoDir, AVMNIST_FILES.images)));
  const demoLabels = new Uint8Array(readFileSync(join(demoDir, AVMNIST_FILES.labels)));
  const labelsOf = (s: (typeof SPLITS)[number]) => demoLabels.subarray(demo.offsets[s].start, demo.offsets[s].start + demo.offsets[s].count);
  const fsddDir = resolve(a.fsdd);
  const fsddFiles = readdirSync(fsddDir).filter((f) => f.endsWith('.wav')).sort();
  const pairs = pairUnseenSpeaker({ train: labelsOf('train'), val: labelsOf('val'), test: labelsOf('test') }, fsddFiles, UNSEEN_SPEAKER, a.seed);

  const { numCoefficients: C, numFrames: F } = DEMO_AUDIO_PARAMS;
  const extractor = new MfccExtractor(DEMO_AUDIO_PARAMS);
  const total = SPLITS.reduce((n, s) => n + pairs[s].keep.length, 0);
  const images = new Uint8Array(total * 784);
  const audio = new Uint8Array(total * C * F);
  const labels = new Uint8Array(total);
  const offsets = {} as AvmnistManifest['offsets'];
  const sources = {} as AvmnistManifest['sources'];
  let row = 0;
  for (const s of SPLITS) {
    offsets[s] = { start: row, count: pairs[s].keep.length };
    sources[s] = { mnistSet: demo.sources[s].mnistSet, mnistIndex: pairs[s].keep.map((i) => demo.sources[s].mnistIndex[i]), fsdd: pairs[s].fsdd };
    pairs[s].keep.forEach((i, k) => {
      const demoRow = demo.offsets[s].start + i;
      images.set(demoImages.subarray(demoRow * 784, (demoRow + 1) * 784), row * 784);
      const wav = parseWav(readFileSync(join(fsddDir, pairs[s].fsdd[k])), pairs[s].fsdd[k]);
      audio.set(demoAudioBytes(wav.samples, wav.sampleRate, extractor), row * C * F);
      labels[row] = demoLabels[demoRow];
      row++;
    });
  }
  const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const entry = (bytes: Uint8Array, sampleShape: number[]): FileEntry => ({ bytes: bytes.length, dtype: 'uint8', sampleShape, crc32: crc32Hex(bytes), sha256: sha256(bytes) });
  const trainedOn = [...new Set(pairs.train.fsdd.map((f) => f.split('_')[1]))].sort();
  const manifest: AvmnistManifest = {
    ...demo,
    name: `AV-MNIST, unseen speaker (${UNSEEN_SPEAKER})`,
    description:
      `The demo set's MNIST images and labels with FSDD audio split by speaker: training and validation pairs speak with ${trainedOn.join(' and ')} ` +
      `(takes 5–49 and 0–4), test pairs with ${UNSEEN_SPEAKER}, a voice no training or validation clip holds.`,
    splits: { train: offsets.train.count, val: offsets.val.count, test: offsets.test.count },
    offsets,
    files: { [AVMNIST_FILES.images]: entry(images, [28, 28, 1]), [AVMNIST_FILES.audio]: entry(audio, [C, F, 1]), [AVMNIST_FILES.labels]: entry(labels, []) },
    normalisation: {
      ...demo.normalisation,
      audio: { method: DEMO_AUDIO_METHOD, scaleNats: DEMO_AUDIO_SCALE_NATS },
    },
    pairing: {
      seed: a.seed,
      description:
        `leave one speaker out (held out: ${UNSEEN_SPEAKER}, the first speaker alphabetically): per class, the demo split's samples keep their order and images; ` +
        'train pairs take the other speakers\' takes 5-49, val pairs their takes 0-4 (10 of the demo\'s 15 val samples per class kept), ' +
        'test pairs the held-out speaker\'s clips (45 of 50 per digit); clips dealt in a seeded shuffle, each once.',
    },
    sources,
    clips: [],
    builtBy: 'scripts/build-avmnist-unseen.ts (from public/data/avmnist/ and the FSDD recordings)',
  };
  const outDir = resolve(a.out);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, AVMNIST_FILES.images), images);
  writeFileSync(join(outDir, AVMNIST_FILES.audio), audio);
  writeFileSync(join(outDir, AVMNIST_FILES.labels), labels);
  writeFileSync(join(outDir, DATASET_MANIFEST_FILE), stableJson(manifest) + '\n');
  console.log(`${manifest.name} written to ${outDir}: train ${offsets.train.count}, val ${offsets.val.count}, test ${offsets.test.count}`);
}

runCli("build-avmnist-unseen", main, { stack: true });
