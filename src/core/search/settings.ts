// Settings of the two-tier search (see docs/ARCHITECTURE.md, 'Outer tier') and its presets:
// `quick` (CI / slow devices), `demo` (the default), `paper` (the reference's AV-MNIST scale).
// Pure data; `validateSettings` lists every problem in words.

/** Objectives the outer tier may minimise: 100 − validation accuracy (%), latency (ms), energy (mJ). */
export const OBJECTIVES = ['error', 'latency', 'energy'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/**
 * The datasets a search can run on: the shipped demo set; the shipped demo set with its test
 * audio from a voice training never heard (leave-one-speaker-out); the upload trained in this browser.
 */
export const DATASET_IDS = ['avmnist', 'avmnist-unseen', 'upload'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];
/** The demo set's name wherever a run names its dataset. */
export const DEMO_DATASET_NAME = 'AV-MNIST demo';
/** The unseen-speaker demo set's name (its held-out voice: src/data/unseen-speaker-pairing.ts). */
export const UNSEEN_SPEAKER_DATASET_NAME = 'AV-MNIST, unseen speaker (jackson)';

export const PRESET_NAMES = ['quick', 'demo', 'paper'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface SearchSettings {
  /** Individuals of the random initial population; also the size of the multimodal elite. */
  populationSize: number;
  /** Children bred from the elite each generation. */
  offspring: number;
  /**
   * Fraction kept per modality by rank + crowding; the number of backbone pairs (= inner fusion
   * searches) per generation is round(survivorFraction × populationSize), at least 1.
   */
  survivorFraction: number;
  generations: number;
  /** Epochs of the inner DARTS fusion search per pair. */
  fusionEpochs: number;
  /** Epochs of retraining the discrete fusion network before its accuracy is reported (0 = none). */
  retrainEpochs: number;
  /**
   * Adam learning rate of that retraining. Absent (runs saved before it existed) = 1e-3, what
   * they used. At the demo's C 16 on 450–900 pairs, 1e-3 left the fusion networks undertrained
   * (80–95 % test on three pairs where 1e-2 gave 97–99 %; notes/STATUS.md, 2026-12-06).
   */
  retrainLr?: number;
  /** Channels of the projected fusable features (paper: 192). */
  C: number;
  /** Weight of the expected LUT cost in the inner tier's architecture loss (0 = accuracy only). */
  lambda: number;
  /** Objectives of the multimodal selection and the reported front; a non-empty subset. */
  objectives: Objective[];
  /** Uniform crossover: probability that a gene comes from the first parent (paper 0.8). */
  crossoverP: number;
  /** Probability that each gene is re-drawn to a different value (paper 0.4). */
  mutationP: number;
  /** Seed of the run's one random generator (32-bit unsigned integer). */
  seed: number;
  /** Id of the device cost table (public/luts/<device>.json). */
  device: string;
  /** Training batches used to re-estimate a subnet's BatchNorm statistics. */
  bnBatches: number;
  /**
   * Training pairs used by BN recalibration, feature caching and the inner fusion search: the
   * first N of the training split (0 = all of it). A training split smaller than N (a small
   * uploaded dataset) is repeated in whole passes towards N for the inner fusion search, so that its
   * epochs take as many steps as the demo set's. Validation and test are always whole.
   */
  trainSubset: number;
  /**
   * Reproduce the reference code's behaviour: the fusion macro is drawn at random for each pair
   * instead of evolving (the engine's part); the evaluator is told too (its part: selection on
   * the test split, shared operands, no retraining, no hardware term).
   */
  paperFaithful: boolean;
  /**
   * What the search runs on: absent (or 'avmnist') = the demo set AV-MNIST with the shipped
   * supernets; 'avmnist-unseen' = the same images with test audio from a speaker training never
   * heard, and an audio supernet trained on the other two; 'upload' = the dataset uploaded and
   * trained in this browser (kept in IndexedDB).
   */
  dataset?: DatasetId;
}

const BASE: Omit<SearchSettings, 'populationSize' | 'offspring' | 'generations' | 'fusionEpochs' | 'retrainEpochs' | 'C' | 'bnBatches' | 'survivorFraction'> = {
  lambda: 0.1,
  objectives: ['error', 'latency', 'energy'],
  crossoverP: 0.8,
  mutationP: 0.4,
  seed: 1,
  device: 'jetson-tx2',
  paperFaithful: false,
  trainSubset: 0,
};

/**
 * quick: 2 pairs × 2 generations ≤ 4 fusion searches at C 16 on 450 training pairs (CI, slow devices).
 * demo: 3 pairs × 4 generations ≤ 12 fusion searches at C 16 on the whole training split (900
 * pairs), retrained at lr 1e-2; sized for about 4 minutes (measured 2026-12-06 with `auto` = wasm
 * on a quiet 2-core machine without a GPU, rank-matched pairing: seeds 1–3 216 / 163 / 181 s; on 450 pairs at lr 1e-3
 * seed 1 took 243 s and its fusion networks reached 82–97 % test, on 900 pairs at 1e-2 97.3–99.6 %).
 * paper: the reference's AV-MNIST scale (64 + 64 offspring, 25 % survivors, 25 fusion epochs,
 * 30 generations, C 192) — hours.
 */
export const PRESETS: Readonly<Record<PresetName, Readonly<SearchSettings>>> = Object.freeze({
  quick: Object.freeze({
    ...BASE,
    populationSize: 4,
    offspring: 4,
    survivorFraction: 0.5,
    generations: 2,
    fusionEpochs: 2,
    retrainEpochs: 10,
    retrainLr: 0.01,
    C: 16,
    bnBatches: 1,
    trainSubset: 450,
  }),
  demo: Object.freeze({
    ...BASE,
    populationSize: 8,
    offspring: 8,
    survivorFraction: 0.375,
    generations: 4,
    fusionEpochs: 2,
    retrainEpochs: 10,
    retrainLr: 0.01,
    C: 16,
    bnBatches: 2,
    trainSubset: 0,
  }),
  paper: Object.freeze({
    ...BASE,
    populationSize: 64,
    offspring: 64,
    survivorFraction: 0.25,
    generations: 30,
    fusionEpochs: 25,
    retrainEpochs: 5,
    retrainLr: 0.001,
    C: 192,
    bnBatches: 8,
  }),
});

export const DEFAULT_PRESET: PresetName = 'demo';

export function isPresetName(x: unknown): x is PresetName {
  return typeof x === 'string' && (PRESET_NAMES as readonly string[]).includes(x);
}

/** A fresh, mutable copy of a preset, with optional overrides. */
export function presetSettings(name: PresetName, overrides: Partial<SearchSettings> = {}): SearchSettings {
  const p = PRESETS[name];
  return { ...p, objectives: [...p.objectives], ...overrides };
}

/** Pairs (inner fusion searches) per generation: round(survivorFraction × populationSize) ≥ 1. */
export function pairsPerGeneration(s: Pick<SearchSettings, 'survivorFraction' | 'populationSize'>): number {
  return Math.max(1, Math.round(s.survivorFraction * s.populationSize));
}

/** Device ids: lower-case letters, digits and dashes, e.g. `jetson-tx2`. */
export const DEVICE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The numeric settings and their allowed ranges (the run panel, the URL and validation share them). */
export const NUMBER_SETTINGS = {
  populationSize: { integer: true, min: 2, max: 1024 },
  offspring: { integer: true, min: 1, max: 1024 },
  survivorFraction: { integer: false, min: 0, max: 1, minOpen: true },
  generations: { integer: true, min: 1, max: 500 },
  fusionEpochs: { integer: true, min: 1, max: 500 },
  retrainEpochs: { integer: true, min: 0, max: 500 },
  retrainLr: { integer: false, min: 0, max: 1, minOpen: true, optional: true },
  C: { integer: true, min: 1, max: 1024 },
  lambda: { integer: false, min: 0, max: 1000 },
  crossoverP: { integer: false, min: 0, max: 1 },
  mutationP: { integer: false, min: 0, max: 1 },
  seed: { integer: true, min: 0, max: 0xffffffff },
  bnBatches: { integer: true, min: 1, max: 1000 },
  trainSubset: { integer: true, min: 0, max: 1_000_000 },
} as const satisfies Record<string, { integer: boolean; min: number; max: number; minOpen?: boolean; optional?: boolean }>;
export type NumberSettingKey = keyof typeof NUMBER_SETTINGS;

/** Retraining learning rate of a run whose settings have none (saved before the setting existed). */
export const LEGACY_RETRAIN_LR = 1e-3;

/** What is wrong with `v` as the numeric setting `name`, or null when it is allowed. */
export function numberSettingProblem(name: NumberSettingKey, v: unknown): string | null {
  const r: { integer: boolean; min: number; max: number; minOpen?: boolean; optional?: boolean } = NUMBER_SETTINGS[name];
  if (r.optional && v === undefined) return null;
  if (r.integer) {
    return typeof v === 'number' && Number.isInteger(v) && v >= r.min && v <= r.max ? null : `${name} must be an integer from ${r.min} to ${r.max}, got ${JSON.stringify(v)}`;
  }
  const ok = typeof v === 'number' && Number.isFinite(v) && (r.minOpen ? v > r.min : v >= r.min) && v <= r.max;
  return ok ? null : `${name} must be a number ${r.minOpen ? '>' : '≥'} ${r.min} and ≤ ${r.max}, got ${JSON.stringify(v)}`;
}

/** What is wrong with a list of objectives (non-empty, known, no repeats), or null. */
export function validateObjectives(list: unknown): string | null {
  if (!Array.isArray(list) || list.length === 0) return `objectives must be a non-empty list of ${OBJECTIVES.join(', ')}`;
  const unknown = list.find((o) => !(OBJECTIVES as readonly unknown[]).includes(o));
  if (unknown !== undefined) return `unknown objective ${JSON.stringify(unknown)}: allowed ${OBJECTIVES.join(', ')}`;
  if (new Set(list).size !== list.length) return 'objectives must not repeat';
  return null;
}

/** Every problem of a settings object, in words; [] when valid. */
export function validateSettings(s: SearchSettings): string[] {
  const errors: string[] = [];
  if (typeof s !== 'object' || s === null) return ['settings must be an object'];
  for (const name of Object.keys(NUMBER_SETTINGS) as NumberSettingKey[]) {
    const problem = numberSettingProblem(name, s[name]);
    if (problem) errors.push(problem);
  }
  const objectivesProblem = validateObjectives(s.objectives);
  if (objectivesProblem) errors.push(objectivesProblem);
  if (typeof s.device !== 'string' || !DEVICE_ID.test(s.device)) {
    errors.push(`device must be a device id of lower-case letters, digits and dashes (e.g. jetson-tx2), got ${JSON.stringify(s.device)}`);
  }
  if (typeof s.paperFaithful !== 'boolean') errors.push(`paperFaithful must be true or false, got ${JSON.stringify(s.paperFaithful)}`);
  if (s.dataset !== undefined && !(DATASET_IDS as readonly string[]).includes(s.dataset)) errors.push(`dataset must be one of ${DATASET_IDS.join(', ')}, got ${JSON.stringify(s.dataset)}`);
  return errors;
}

/** Throws one Error listing every problem; returns the settings with objectives in canonical order. */
export function checkSettings(s: SearchSettings): SearchSettings {
  const errors = validateSettings(s);
  if (errors.length > 0) throw new Error(`Invalid search settings: ${errors.join('; ')}`);
  return { ...s, objectives: OBJECTIVES.filter((o) => s.objectives.includes(o)) };
}
