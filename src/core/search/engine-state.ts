// The JSON-safe state of the outer evolutionary tier: what `SearchEngine.checkpoint()`
// returns and `SearchEngine.restore()` takes — settings, the generator's state, population,
// per-phase work lists, backbone and network caches, archive, elite and history.
// `checkState` validates an untrusted snapshot (e.g. read back from IndexedDB).

import type { BackboneGenome, FusionMacro, Modality } from '../types';
import { validateGenome } from '../genome';
import { validateFusionMacro } from '../fusion-genotype';
import { checkSettings, type SearchSettings } from './settings';
import type { AccuracyPair } from './evaluator';
import type { BackboneScored, CandidateSummary, FusionEpochEvent, PairContext } from '../search-events';
import type { ArchiveEntry, GenerationRecord, HypervolumeReference } from './archive';

export const ENGINE_STATE_VERSION = 1;

/** The phases of a generation, in order, as shown to the user. */
export const PHASES = ['unimodal evaluation', 'selection', 'fusion search', 'multimodal selection', 'breeding'] as const;
export type Phase = (typeof PHASES)[number];

/** One member of the population: both backbones and the fusion macro-shape genes. */
export interface Individual {
  image: BackboneGenome;
  audio: BackboneGenome;
  macro: FusionMacro;
}

/** A backbone scored alone: accuracies (%), cost from the table (ms, mJ). */
export interface BackboneRecord extends AccuracyPair {
  latencyMs: number;
  energyMj: number;
}

export interface BackboneTask {
  modality: Modality;
  genome: BackboneGenome;
  seed: number;
}

export interface PairTask {
  image: BackboneGenome;
  audio: BackboneGenome;
  macro: FusionMacro;
  /** Seed handed to the inner search (drawn at pairing, so a retried search is identical). */
  seed: number;
  /** Archive id of its network once searched (or found in the archive). */
  entryId: number | null;
}

export interface Counts {
  backboneEvaluations: number;
  fusionSearches: number;
  cacheHits: number;
}

export interface EngineState {
  version: typeof ENGINE_STATE_VERSION;
  settings: SearchSettings;
  reference: HypervolumeReference;
  /** Rng.state() of the run's generator. */
  rng: number[];
  generation: number;
  phase: Phase | 'finished';
  population: Individual[];
  /** Work list of the unimodal phase (null until built), and the position in the current phase. */
  backboneTasks: BackboneTask[] | null;
  cursor: number;
  /** Survivors per modality (genome keys) of the current generation's selection. */
  survivors: { image: string[]; audio: string[] } | null;
  pairs: PairTask[];
  /** `${modality}/${genomeKey}` → score; never evaluated twice. */
  backbones: Record<string, BackboneRecord>;
  /** networkKey → archive id; a pair already searched is not searched again. */
  networks: Record<string, number>;
  archive: ArchiveEntry[];
  /** Archive ids of the multimodal survivors (the parents of the next generation). */
  elite: number[];
  history: GenerationRecord[];
  generationCounts: Counts;
  totals: Counts;
}

const zero = (): Counts => ({ backboneEvaluations: 0, fusionSearches: 0, cacheHits: 0 });

export function emptyState(settings: SearchSettings, reference: HypervolumeReference): EngineState {
  return {
    version: ENGINE_STATE_VERSION,
    settings,
    reference,
    rng: [],
    generation: 0,
    phase: 'unimodal evaluation',
    population: [],
    backboneTasks: null,
    cursor: 0,
    survivors: null,
    pairs: [],
    backbones: {},
    networks: {},
    archive: [],
    elite: [],
    history: [],
    generationCounts: zero(),
    totals: zero(),
  };
}

/** Validates a snapshot's structure and genes; throws an Error naming the first problem. */
export function checkState(x: unknown): EngineState {
  const fail = (what: string): never => {
    throw new Error(`invalid search checkpoint: ${what}`);
  };
  if (typeof x !== 'object' || x === null) fail('not an object');
  const s = x as EngineState;
  if (s.version !== ENGINE_STATE_VERSION) fail(`version ${JSON.stringify(s.version)}, expected ${ENGINE_STATE_VERSION}`);
  // checkpoints written before `trainSubset` existed used the whole training split
  s.settings = checkSettings({ ...s.settings, trainSubset: s.settings?.trainSubset ?? 0 });
  if (!Array.isArray(s.rng) || s.rng.length !== 4) fail('rng state must be four integers');
  if (!Number.isInteger(s.generation) || s.generation < 0 || s.generation >= s.settings.generations) fail(`generation ${s.generation}`);
  if (s.phase !== 'finished' && !(PHASES as readonly string[]).includes(s.phase)) fail(`phase ${JSON.stringify(s.phase)}`);
  if (!Array.isArray(s.population)) fail('population must be a list');
  s.population = s.population.map((ind) => ({
    image: validateGenome(ind.image),
    audio: validateGenome(ind.audio),
    macro: validateFusionMacro(ind.macro),
  }));
  for (const key of ['archive', 'elite', 'history', 'pairs'] as const) if (!Array.isArray(s[key])) fail(`${key} must be a list`);
  for (const key of ['backbones', 'networks', 'totals', 'generationCounts', 'reference'] as const) {
    if (typeof s[key] !== 'object' || s[key] === null) fail(`${key} missing`);
  }
  if (s.elite.some((id) => !Number.isInteger(id) || id < 0 || id >= s.archive.length)) fail('elite refers to unknown networks');
  if (!Number.isInteger(s.cursor) || s.cursor < 0) fail('cursor');
  return s;
}

export interface SearchProgress {
  phase: Phase | 'finished';
  /** 0-based generation being worked on. */
  generation: number;
  generations: number;
  /** Candidates (backbone evaluations or pairs) done in the current phase, and its total. */
  candidate: number;
  candidates: number;
  archiveSize: number;
  frontSize: number;
  backboneEvaluations: number;
  fusionSearches: number;
  cacheHits: number;
}

export interface EngineHooks {
  onProgress?(p: SearchProgress): void;
  /** After each completed generation, with its record and a JSON-safe checkpoint. */
  onGeneration?(record: GenerationRecord, checkpoint: EngineState, survivors: { image: string[]; audio: string[] }): void;
  /** Each epoch of the current inner fusion search (its return value is handed back to the inner search). */
  onFusionEpoch?(context: PairContext, epoch: FusionEpochEvent): unknown;
  /** A backbone scored alone. */
  onBackbone?(backbone: BackboneScored): void;
  /** A pair searched (or found in the archive: `cached`), with its archive id and candidates. */
  onPair?(context: PairContext, entryId: number, cached: boolean, candidates: CandidateSummary[]): void;
}
