// Settings of the two-tier search (see docs/ARCHITECTURE.md, 'Outer tier') and its presets:
// `quick` (CI / slow devices), `demo` (the default), `paper` (the reference's AV-MNIST scale).
// Pure data; `validateSettings` lists every problem in words.

/** Objectives the outer tier may minimise: 100 − validation accuracy (%), latency (ms), energy (mJ). */
export const OBJECTIVES = ['error', 'latency', 'energy'] as const;
export type Objective = (typeof OBJECTIVES)[number];

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
   * first N of the training split (0 = all of it). Validation and test are always whole.
   */
  trainSubset: number;
  /**
   * Reproduce the reference code's behaviour: the fusion macro is drawn at random for each pair
   * instead of evolving (the engine's part); the evaluator is told too (its part: selection on
   * the test split, shared operands, no retraining, no hardware term).
   */
  paperFaithful: boolean;
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
 * demo: 3 pairs × 4 generations ≤ 12 fusion searches at C 16 on 450 training pairs; sized so the
 * whole run takes about 4 minutes (measured: 243 s with `auto` = wasm on a 2-core machine without
 * a GPU, each pair retraining up to 2 candidate fusions; the earlier 16 + 16 / C 32 / 4-epoch
 * demo took ~7 minutes per generation there).
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
    C: 16,
    bnBatches: 2,
    trainSubset: 450,
  }),
  paper: Object.freeze({
    ...BASE,
    populationSize: 64,
    offspring: 64,
    survivorFraction: 0.25,
    generations: 30,
    fusionEpochs: 25,
    retrainEpochs: 5,
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

function checkInt(errors: string[], name: string, v: unknown, min: number, max: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    errors.push(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  }
}

function checkNumber(errors: string[], name: string, v: unknown, min: number, max: number, minOpen = false): void {
  const ok = typeof v === 'number' && Number.isFinite(v) && (minOpen ? v > min : v >= min) && v <= max;
  if (!ok) errors.push(`${name} must be a number ${minOpen ? '>' : '≥'} ${min} and ≤ ${max}, got ${JSON.stringify(v)}`);
}

/** Every problem of a settings object, in words; [] when valid. */
export function validateSettings(s: SearchSettings): string[] {
  const errors: string[] = [];
  if (typeof s !== 'object' || s === null) return ['settings must be an object'];
  checkInt(errors, 'populationSize', s.populationSize, 2, 1024);
  checkInt(errors, 'offspring', s.offspring, 1, 1024);
  checkNumber(errors, 'survivorFraction', s.survivorFraction, 0, 1, true);
  checkInt(errors, 'generations', s.generations, 1, 500);
  checkInt(errors, 'fusionEpochs', s.fusionEpochs, 1, 500);
  checkInt(errors, 'retrainEpochs', s.retrainEpochs, 0, 500);
  checkInt(errors, 'C', s.C, 1, 1024);
  checkNumber(errors, 'lambda', s.lambda, 0, 1000);
  checkNumber(errors, 'crossoverP', s.crossoverP, 0, 1);
  checkNumber(errors, 'mutationP', s.mutationP, 0, 1);
  checkInt(errors, 'seed', s.seed, 0, 0xffffffff);
  checkInt(errors, 'bnBatches', s.bnBatches, 1, 1000);
  checkInt(errors, 'trainSubset', s.trainSubset, 0, 1_000_000);
  if (!Array.isArray(s.objectives) || s.objectives.length === 0) {
    errors.push(`objectives must be a non-empty list of ${OBJECTIVES.join(', ')}`);
  } else {
    for (const o of s.objectives) {
      if (!(OBJECTIVES as readonly unknown[]).includes(o)) {
        errors.push(`unknown objective ${JSON.stringify(o)}: allowed ${OBJECTIVES.join(', ')}`);
      }
    }
    if (new Set(s.objectives).size !== s.objectives.length) errors.push('objectives must not repeat');
  }
  if (typeof s.device !== 'string' || !DEVICE_ID.test(s.device)) {
    errors.push(`device must be a device id of lower-case letters, digits and dashes (e.g. jetson-tx2), got ${JSON.stringify(s.device)}`);
  }
  if (typeof s.paperFaithful !== 'boolean') errors.push(`paperFaithful must be true or false, got ${JSON.stringify(s.paperFaithful)}`);
  return errors;
}

/** Throws one Error listing every problem; returns the settings with objectives in canonical order. */
export function checkSettings(s: SearchSettings): SearchSettings {
  const errors = validateSettings(s);
  if (errors.length > 0) throw new Error(`Invalid search settings: ${errors.join('; ')}`);
  return { ...s, objectives: OBJECTIVES.filter((o) => s.objectives.includes(o)) };
}
