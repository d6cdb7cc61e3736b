// The flags of the smaller Node tools — benchmarks, supernet training, baselines, dataset and
// table builders — declared once here with their defaults and checks, and kept apart from the
// tools themselves so they can be tested without loading tfjs, vite or a browser. Each
// `parse…Args` takes argv (without node and script) and throws a one-line ArgError on a bad
// argument; runCli turns that into exit status 2. Folders default in the tools themselves.

import { parseGenome } from '../src/core/genome';
import { CELL_CHOICES, NODE_CHOICES } from '../src/core/types';
import { ArgError, defineFlags, parseFlags, usageLine } from './cli-args';
import { DATASET_DIR } from '../src/data/asset-paths';

const MODALITIES = ['image', 'audio'] as const;
const SEED = { type: 'int', min: 0, max: 2 ** 32 - 1 } as const;
const CELLS = { type: 'int', min: CELL_CHOICES[0], max: CELL_CHOICES[CELL_CHOICES.length - 1] } as const;
const NODES = { type: 'int', min: NODE_CHOICES[0], max: NODE_CHOICES[NODE_CHOICES.length - 1] } as const;

/** scripts/bench-cpu-kernels.ts: fast vs stock cpu kernels on the full-size supernet. */
export const BENCH_CPU_KERNELS_FLAGS = defineFlags({
  modality: { type: 'choice', choices: MODALITIES, default: 'image' },
  batch: { type: 'int', min: 1, default: 64 },
  reps: { type: 'int', min: 1, default: 2 },
  /** Also time one sandwich step with the slow stock kernels. */
  stockSandwich: { type: 'boolean' },
  /** Print the kernels that take the most time with the fast kernels. */
  profile: { type: 'boolean' },
});
export const parseBenchCpuKernelsArgs = (argv: readonly string[]) => parseFlags(argv, BENCH_CPU_KERNELS_FLAGS).values;

/** scripts/bench-fusion-cache.ts: a fusion epoch on cached features vs running the backbones. */
export const BENCH_FUSION_CACHE_FLAGS = defineFlags({
  image: { type: 'parse', parse: parseGenome, default: parseGenome('k5557e3643d2'), value: 'GENOME' },
  audio: { type: 'parse', parse: parseGenome, default: parseGenome('k3375e3336d2'), value: 'GENOME' },
  cells: { ...CELLS, default: 2 },
  nodes: { ...NODES, default: 1 },
  c: { type: 'int', min: 1, default: 192 },
  batch: { type: 'int', min: 1, default: 64 },
  device: { type: 'string', default: 'jetson-tx2', value: 'ID' },
  bnBatches: { type: 'int', min: 1, default: 4 },
  reps: { type: 'int', min: 1, default: 1 },
  backend: { type: 'choice', choices: ['cpu', 'wasm'], default: 'cpu' },
  /** Print the kernels that take the most time in one cached step pair. */
  profile: { type: 'boolean' },
});
export const parseBenchFusionCacheArgs = (argv: readonly string[]) => parseFlags(argv, BENCH_FUSION_CACHE_FLAGS).values;

/** Training settings both supernet trainers share, with the same defaults. */
const TRAIN_COMMON = {
  modality: { type: 'choice', choices: MODALITIES, required: true },
  seed: { ...SEED, default: 1 },
  epochs: { type: 'int', min: 0, default: 8 },
  batch: { type: 'int', min: 1, default: 64 },
  lr: { type: 'number', min: 0, default: 3e-3, value: 'X' },
  valRecalBatches: { type: 'int', min: 1, default: 4 },
  randomSubnets: { type: 'int', min: 0, default: 50 },
  randomRecalBatches: { type: 'int', min: 1, default: 4 },
  randomBudgetS: { type: 'number', min: 0, default: 150, value: 'S' },
  out: { type: 'string', value: 'DIR' },
} as const;

/** scripts/train-supernet.ts: training in headless Chromium; --measure / --profile only time steps. */
export const TRAIN_SUPERNET_FLAGS = defineFlags({
  ...TRAIN_COMMON,
  warmup: { type: 'int', min: 0, default: 2 },
  budgetS: { type: 'number', min: 0, default: 1200, value: 'S' },
  backend: { type: 'choice', choices: ['webgpu', 'webgl', 'cpu'], default: 'webgpu' },
  /** Time this many sandwich steps instead of training. */
  measure: { type: 'int', min: 1, value: 'STEPS' },
  /** Profile this many steps instead of training. */
  profile: { type: 'int', min: 1, value: 'REPS' },
  /** With --measure: time the same subnets every step (1) or random ones (0). */
  fixed: { type: 'choice', choices: ['0', '1'], default: '0' },
  /** With --measure: tfjs flags as a JSON object. */
  flags: { type: 'parse', parse: (text: string) => JSON.parse(text) as Record<string, boolean>, value: 'JSON' },
});
export const parseTrainSupernetArgs = (argv: readonly string[]) => parseFlags(argv, TRAIN_SUPERNET_FLAGS).values;

/** scripts/train-supernet-node.ts: the same training in Node on the fast cpu kernels. */
export const TRAIN_SUPERNET_NODE_FLAGS = defineFlags({
  ...TRAIN_COMMON,
  warmupEpochs: { type: 'int', min: 0, default: 2 },
  /** Stop training once this many seconds have passed (default: no limit). */
  budgetS: { type: 'number', min: 0, default: Infinity, value: 'S' },
  /** Train on the first N training samples only (quick trials). */
  trainSubset: { type: 'int', min: 1, default: Infinity },
  /** The dataset folder (relative to public/): the demo set, or e.g. data/avmnist-unseen/. */
  data: { type: 'string', default: DATASET_DIR, value: 'DIR' },
  /** Audio: K vocal-tract-length-perturbed copies of every training clip, from its WAV in --fsdd. */
  vtlp: { type: 'int', min: 0, default: 0, value: 'K' },
  /** The FSDD recordings the dataset's manifest names (for --vtlp). */
  fsdd: { type: 'string', default: '../shared/data/fsdd/recordings', value: 'DIR' },
  /** A leave-one-speaker-out record (scripts/loso-audio.ts); its rows for this pipeline go into training.json. */
  losoRecord: { type: 'string', value: 'FILE' },
  /** Audio: K randomly silence-cropped copies of every training clip, from its WAV in --fsdd. */
  crop: { type: 'int', min: 0, default: 0, value: 'K' },
  /** Audio: K copies of every training clip with white noise added, from its WAV in --fsdd. */
  noise: { type: 'int', min: 0, default: 0, value: 'K' },
  /** Audio: K copies of every training clip cut to its frames within 8–20 dB of the loudest, from its WAV in --fsdd. */
  tight: { type: 'int', min: 0, default: 0, value: 'K' },
});
export function parseTrainSupernetNodeArgs(argv: readonly string[]) {
  const a = parseFlags(argv, TRAIN_SUPERNET_NODE_FLAGS).values;
  if ((a.vtlp > 0 || a.losoRecord !== undefined) && a.modality !== 'audio') throw new ArgError('--vtlp and --loso-record warp and score recordings: they need --modality audio');
  if ((a.crop > 0 || a.noise > 0 || a.tight > 0) && a.modality !== 'audio') throw new ArgError('--crop, --noise and --tight change recordings: they need --modality audio');
  return a;
}

/** scripts/train-baseline.ts: unimodal baselines on the demo set. */
export const TRAIN_BASELINE_FLAGS = defineFlags({
  modality: { type: 'choice', choices: MODALITIES, default: 'audio' },
  model: { type: 'choice', choices: ['cnn', 'linear'], default: 'cnn' },
  epochs: { type: 'int', min: 1, default: 60 },
  patience: { type: 'int', min: 1, default: 15 },
  lr: { type: 'number', min: 0, default: 0.002, value: 'X' },
  seed: { ...SEED, default: 1 },
  data: { type: 'string', value: 'DIR' },
});
export const parseTrainBaselineArgs = (argv: readonly string[]) => parseFlags(argv, TRAIN_BASELINE_FLAGS).values;

/** scripts/build-avmnist.ts: the demo dataset from MNIST and FSDD. */
export const BUILD_AVMNIST_FLAGS = defineFlags({
  fsdd: { type: 'string', value: 'DIR' },
  out: { type: 'string', value: 'DIR' },
  mnist: { type: 'string', value: 'DIR' },
  seed: { ...SEED, default: 2023 },
});
export const parseBuildAvmnistArgs = (argv: readonly string[]) => parseFlags(argv, BUILD_AVMNIST_FLAGS).values;

/** scripts/build-example-zip.ts: the upload example from the demo set and the FSDD clips it names. */
export const BUILD_EXAMPLE_ZIP_FLAGS = defineFlags({
  fsdd: { type: 'string', value: 'DIR' },
  out: { type: 'string', value: 'FILE' },
  train: { type: 'int', min: 5, default: 8 },
  val: { type: 'int', min: 1, default: 2 },
  test: { type: 'int', min: 1, default: 2 },
});
export const parseBuildExampleZipArgs = (argv: readonly string[]) => parseFlags(argv, BUILD_EXAMPLE_ZIP_FLAGS).values;

/** scripts/build-luts.ts: no flags, one optional folder of reference LUTs. */
export const BUILD_LUTS_POSITIONALS = ['REFERENCE_DIR'] as const;
/** The reference folder given, if any. */
export const parseBuildLutsArgs = (argv: readonly string[]): string | undefined =>
  parseFlags(argv, {}, { positionals: BUILD_LUTS_POSITIONALS }).positionals[0];

/** `--help` text of each tool, from its flags. */
export const TOOL_USAGE = {
  'bench-cpu-kernels': usageLine('bench-cpu-kernels', BENCH_CPU_KERNELS_FLAGS),
  'bench-fusion-cache': usageLine('bench-fusion-cache', BENCH_FUSION_CACHE_FLAGS),
  'train-supernet': usageLine('train-supernet', TRAIN_SUPERNET_FLAGS),
  'train-supernet-node': usageLine('train-supernet-node', TRAIN_SUPERNET_NODE_FLAGS),
  'train-baseline': usageLine('train-baseline', TRAIN_BASELINE_FLAGS),
  'build-avmnist': usageLine('build-avmnist', BUILD_AVMNIST_FLAGS),
  'build-example-zip': usageLine('build-example-zip', BUILD_EXAMPLE_ZIP_FLAGS),
  'build-luts': usageLine('build-luts', {}, BUILD_LUTS_POSITIONALS),
} as const;
