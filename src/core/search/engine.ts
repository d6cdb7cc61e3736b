// The outer evolutionary tier of Harmonic-NAS (see docs/ARCHITECTURE.md, 'Outer tier')
// as a resumable, pure state machine. Per generation:
//   unimodal evaluation  — every distinct backbone of the population scored alone (cached by
//                          canonical genome; latency/energy from the device table); the first
//                          population is spread across the cost range (initial-population.ts);
//   selection            — per modality, the best round(survivorFraction × populationSize) by
//                          non-dominated rank + crowding on [100 − val acc %, latency ms, energy mJ];
//                          survivors paired rank-matched by latency, skipping networks already
//                          searched (survivor-pairing.ts); each pair's macro (cells, nodes) inherited
//                          gene by gene from the individuals carrying its backbones (paperFaithful:
//                          random pairing and macro, as the reference code does);
//   fusion search        — one inner search per pair (cached by backbones + macro), priced by the
//                          cost model; every network goes to the archive;
//   multimodal selection — elite ∪ new networks → the best populationSize by rank + crowding on
//                          the chosen objectives, with VALIDATION accuracy (test never chooses);
//   breeding             — `offspring` children: binary tournaments on the elite, uniform crossover
//                          and mutation of ALL genes (both genomes, cells, nodes); next population
//                          = elite individuals + children.
// All randomness comes from one Rng whose state is in the JSON state (checkpoint / restore).

import type { FusionMacro, Modality } from '../types';
import type { DeviceTable } from '../device-table';
import { Rng } from '../rng';
import { backboneCost } from '../cost-model';
import { canonicalGenome, crossoverGenomes, genomeKey, mutateGenome } from '../genome';
import { initialPopulation } from './initial-population';
import { choosePairs } from './survivor-pairing';
import { backboneSurvivors, type BackboneSurvivor } from './backbone-survivors';
import { crossoverFusionMacros, mutateFusionMacro, sampleFusionMacro } from '../fusion-genotype';
import { rankAndCrowd, selectSurvivors, tournamentSelect } from '../nsga2';
import { checkSettings, pairsPerGeneration, type SearchSettings } from './settings';
import { checkAccuracies, EvaluationAborted, type AbortFlag, type SearchEvaluator } from './evaluator';
import {
  archiveFront,
  generationRecord,
  hypervolumeReference,
  makeEntry,
  networkKey,
  objectiveVector,
  type SearchResult,
} from './archive';
import { emptyState, checkState, type EngineHooks, type EngineState, type Individual, type PairTask, type SearchProgress } from './engine-state';

export type { EngineHooks, EngineState, Individual, Phase, SearchProgress } from './engine-state';
export { PHASES } from './engine-state';

export type StepGrain = 'generation' | 'candidate';
export type RunOutcome = 'finished' | 'paused' | 'cancelled';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export class SearchEngine {
  private state: EngineState;
  private rng: Rng;
  private busy = false;
  private cancelled = false;
  private signal: AbortFlag | undefined;
  private lastTickWasCandidate = false;

  /** A fresh run: a random initial population drawn from the seed. (`restored` is internal.) */
  constructor(
    settings: SearchSettings,
    private readonly evaluator: SearchEvaluator,
    private readonly table: DeviceTable,
    public hooks: EngineHooks = {},
    restored?: EngineState,
  ) {
    if (restored) {
      if (restored.settings.device !== table.id) {
        throw new Error(`checkpoint is for device "${restored.settings.device}" but the cost table is "${table.id}"`);
      }
      this.state = restored;
      this.rng = Rng.fromState(restored.rng);
      return;
    }
    const s = checkSettings(settings);
    if (s.device !== table.id) throw new Error(`settings.device "${s.device}" but the cost table is "${table.id}"`);
    this.state = emptyState(s, hypervolumeReference(table, s.objectives));
    this.rng = new Rng(s.seed);
    this.state.population = initialPopulation(s.populationSize, this.rng);
    this.state.rng = this.rng.state();
  }

  /** Continues a run from `checkpoint()` output (also after a JSON round trip). */
  static restore(snapshot: EngineState, evaluator: SearchEvaluator, table: DeviceTable, hooks: EngineHooks = {}): SearchEngine {
    const state = checkState(clone(snapshot));
    return new SearchEngine(state.settings, evaluator, table, hooks, state);
  }

  get settings(): SearchSettings {
    return clone(this.state.settings);
  }

  get finished(): boolean {
    return this.state.phase === 'finished';
  }

  /** A JSON-safe deep copy of the whole run state (settings, rng, population, caches, archive…). */
  checkpoint(): EngineState {
    if (this.busy) throw new Error('checkpoint() while a step is running');
    return this.snapshot();
  }

  private snapshot(): EngineState {
    return clone({ ...this.state, rng: this.rng.state() });
  }

  result(): SearchResult {
    const s = this.state;
    return clone({
      kind: 'evolution' as const,
      settings: s.settings,
      device: s.settings.device,
      reference: s.reference,
      archive: s.archive,
      front: archiveFront(s.archive, s.settings.objectives),
      history: s.history,
      totals: s.totals,
    });
  }

  progress(): SearchProgress {
    const s = this.state;
    const candidates =
      s.phase === 'unimodal evaluation' ? (s.backboneTasks?.length ?? 0) : s.phase === 'fusion search' ? s.pairs.length : 0;
    return {
      phase: s.phase,
      generation: s.generation,
      generations: s.settings.generations,
      candidate: s.cursor,
      candidates,
      archiveSize: s.archive.length,
      frontSize: this.frontSize(),
      ...s.totals,
    };
  }

  private frontCache = { archiveSize: -1, frontSize: 0 };

  /** Size of the archive's front, recomputed only when the archive grew (O(n²)). */
  private frontSize(): number {
    const n = this.state.archive.length;
    if (this.frontCache.archiveSize !== n) {
      this.frontCache = { archiveSize: n, frontSize: archiveFront(this.state.archive, this.state.settings.objectives).length };
    }
    return this.frontCache.frontSize;
  }

  /** Stops the run for good: a running `run` returns 'cancelled'; further steps throw. */
  cancel(): void {
    this.cancelled = true;
  }

  /**
   * Runs until finished, or until `signal.aborted` (→ 'paused': call run again to resume; an
   * evaluation cut short by the signal is redone from the same seed) or `cancel()`.
   */
  async run(signal?: AbortFlag): Promise<RunOutcome> {
    while (!this.finished) {
      if (this.cancelled) return 'cancelled';
      if (signal?.aborted) return 'paused';
      const done = await this.tickGuarded(signal);
      if (!done) return this.cancelled ? 'cancelled' : 'paused';
    }
    return 'finished';
  }

  /**
   * One step: 'candidate' = up to and including the next backbone evaluation or pair (instant
   * phases on the way are passed through); 'generation' = to the end of the current generation.
   * Returns false when the step was interrupted by `signal`.
   */
  async step(grain: StepGrain, signal?: AbortFlag): Promise<boolean> {
    const startGeneration = this.state.generation;
    while (!this.finished) {
      if (this.cancelled || signal?.aborted) return false;
      const phase = this.state.phase;
      const ok = await this.tickGuarded(signal);
      if (!ok) return false;
      if (grain === 'candidate' && (phase === 'unimodal evaluation' || phase === 'fusion search') && this.lastTickWasCandidate) break;
      if (grain === 'generation' && this.state.generation !== startGeneration) break;
    }
    return true;
  }

  private async tickGuarded(signal?: AbortFlag): Promise<boolean> {
    if (this.cancelled) throw new Error('the search was cancelled');
    if (this.busy) throw new Error('a step is already running');
    this.busy = true;
    this.signal = signal;
    try {
      await this.tick();
      return true;
    } catch (err) {
      if (err instanceof EvaluationAborted || (signal?.aborted && (err as Error)?.name === 'AbortError')) return false;
      throw err;
    } finally {
      this.busy = false;
      this.signal = undefined;
      this.state.rng = this.rng.state();
    }
  }

  /** One atomic transition; state is only committed when it completes. */
  private async tick(): Promise<void> {
    this.lastTickWasCandidate = false;
    const s = this.state;
    switch (s.phase) {
      case 'unimodal evaluation':
        await this.unimodalTick();
        break;
      case 'selection':
        this.selectAndPair();
        break;
      case 'fusion search':
        await this.fusionTick();
        break;
      case 'multimodal selection':
        this.multimodalSelection();
        break;
      case 'breeding':
        this.breed();
        break;
      case 'finished':
        return;
    }
    this.hooks.onProgress?.(this.progress());
  }

  private async unimodalTick(): Promise<void> {
    const s = this.state;
    if (s.backboneTasks === null) {
      const seen = new Set<string>();
      s.backboneTasks = [];
      for (const modality of ['image', 'audio'] as const) {
        for (const ind of s.population) {
          const key = `${modality}/${genomeKey(ind[modality])}`;
          if (seen.has(key) || s.backbones[key]) continue;
          seen.add(key);
          s.backboneTasks.push({ modality, genome: canonicalGenome(ind[modality]), seed: this.rng.nextUint32() });
        }
      }
      s.cursor = 0;
    }
    if (s.cursor < s.backboneTasks.length) {
      const task = s.backboneTasks[s.cursor];
      const r = await this.evaluator.evaluateBackbone(task.modality, clone(task.genome), { seed: task.seed, signal: this.signal });
      const acc = checkAccuracies(`backbone ${task.modality} ${genomeKey(task.genome)}`, r);
      const cost = backboneCost(this.table, task.genome, task.modality);
      const record = { ...acc, latencyMs: cost.latencyMs, energyMj: cost.energyMj };
      s.backbones[`${task.modality}/${genomeKey(task.genome)}`] = record;
      this.hooks.onBackbone?.({ generation: s.generation, modality: task.modality, genome: clone(task.genome), ...record });
      s.cursor++;
      s.generationCounts.backboneEvaluations++;
      s.totals.backboneEvaluations++;
      this.lastTickWasCandidate = true;
      return;
    }
    s.backboneTasks = null;
    s.cursor = 0;
    s.phase = 'selection';
  }

  /**
   * Per-modality survivors by rank + crowding; pairs rank-matched by latency, skipping networks
   * already searched (survivor-pairing.ts; paperFaithful: random pairing); a macro and a seed per pair.
   */
  private selectAndPair(): void {
    const s = this.state;
    const target = pairsPerGeneration(s.settings);
    const survivors = {} as Record<Modality, BackboneSurvivor[]>;
    for (const modality of ['image', 'audio'] as const) {
      const kept = backboneSurvivors(s.population, s.backbones, modality, target);
      survivors[modality] = s.settings.paperFaithful ? this.rng.shuffle(kept) : kept;
    }
    const n = Math.max(survivors.image.length, survivors.audio.length);
    const pairOf = (i: number, a: number, macro: FusionMacro): PairTask => ({
      image: survivors.image[i].genome,
      audio: survivors.audio[a].genome,
      macro,
      seed: this.rng.nextUint32(),
      entryId: null,
    });
    if (s.settings.paperFaithful) {
      s.pairs = Array.from({ length: n }, (_, i) =>
        pairOf(i % survivors.image.length, i % survivors.audio.length, sampleFusionMacro(this.rng)),
      );
    } else {
      const planned = new Set<string>();
      const isNew = (p: PairTask) => {
        const key = networkKey(p.image, p.audio, p.macro);
        if (s.networks[key] !== undefined || planned.has(key)) return false;
        planned.add(key);
        return true;
      };
      const inherited = (i: number, a: number) =>
        crossoverFusionMacros(survivors.image[i].source.macro, survivors.audio[a].source.macro, this.rng, 0.5);
      const propose = (i: number, a: number) => {
        const p = pairOf(i, a, inherited(i, a));
        return isNew(p) ? p : null;
      };
      // Every combination's inherited macro is known: try a mutated macro, else accept the cache hit.
      const fallback = (i: number, a: number) => {
        const base = inherited(i, a);
        for (let tries = 0; tries < 4; tries++) {
          const p = pairOf(i, a, mutateFusionMacro(base, this.rng, 0.5));
          if (isNew(p)) return p;
        }
        return pairOf(i, a, base);
      };
      const costs = (m: Modality) =>
        survivors[m].map((x) => ({ latencyMs: s.backbones[`${m}/${genomeKey(x.genome)}`].latencyMs, key: genomeKey(x.genome) }));
      s.pairs = choosePairs(costs('image'), costs('audio'), n, propose, fallback);
    }
    s.survivors = { image: survivors.image.map((x) => genomeKey(x.genome)), audio: survivors.audio.map((x) => genomeKey(x.genome)) };
    s.cursor = 0;
    s.phase = 'fusion search';
  }

  private async fusionTick(): Promise<void> {
    const s = this.state;
    if (s.cursor >= s.pairs.length) {
      s.phase = 'multimodal selection';
      s.cursor = 0;
      return;
    }
    const pair = s.pairs[s.cursor];
    const key = networkKey(pair.image, pair.audio, pair.macro);
    const known = s.networks[key];
    const context = clone({ generation: s.generation, pair: s.cursor, pairs: s.pairs.length, image: pair.image, audio: pair.audio, macro: pair.macro });
    if (known !== undefined) {
      pair.entryId = known;
      s.generationCounts.cacheHits++;
      s.totals.cacheHits++;
      this.hooks.onPair?.(context, known, true, []);
    } else {
      const result = await this.evaluator.searchFusion(clone(pair.image), clone(pair.audio), { ...pair.macro }, {
        seed: pair.seed,
        signal: this.signal,
        onEpoch: (epoch) => this.hooks.onFusionEpoch?.(context, epoch),
      });
      const entry = makeEntry(this.table, s.archive.length, s.generation, pair.image, pair.audio, pair.macro, result);
      s.archive.push(entry);
      s.networks[key] = entry.id;
      pair.entryId = entry.id;
      s.generationCounts.fusionSearches++;
      s.totals.fusionSearches++;
      this.hooks.onPair?.(context, entry.id, false, clone(result.candidates ?? []));
    }
    s.cursor++;
    this.lastTickWasCandidate = true;
  }

  /** Elite ∪ this generation's networks → the best populationSize on the chosen objectives. */
  private multimodalSelection(): void {
    const s = this.state;
    const pool: number[] = [];
    for (const id of [...s.elite, ...s.pairs.map((p) => p.entryId!)]) if (!pool.includes(id)) pool.push(id);
    const objs = pool.map((id) => objectiveVector(s.archive[id], s.settings.objectives));
    s.elite = selectSurvivors(objs, Math.min(s.settings.populationSize, pool.length)).map((i) => pool[i]);
    const record = generationRecord(s.generation, s.archive, s.reference, s.generationCounts);
    s.history.push(record);
    s.phase = s.generation + 1 < s.settings.generations ? 'breeding' : 'finished';
    if (s.phase === 'finished') this.hooks.onGeneration?.(record, this.snapshot(), clone(s.survivors ?? { image: [], audio: [] }));
  }

  /** Tournaments on the elite, uniform crossover + mutation of every gene; next population. */
  private breed(): void {
    const s = this.state;
    const { crossoverP, mutationP, offspring } = s.settings;
    const survivors = clone(s.survivors ?? { image: [], audio: [] });
    const parents: Individual[] = s.elite.map((id) => {
      const e = s.archive[id];
      return { image: e.image, audio: e.audio, macro: e.macro };
    });
    const { rank, crowding } = rankAndCrowd(s.elite.map((id) => objectiveVector(s.archive[id], s.settings.objectives)));
    const children: Individual[] = [];
    for (let i = 0; i < offspring; i++) {
      const a = parents[tournamentSelect(this.rng, rank, crowding)];
      const b = parents[tournamentSelect(this.rng, rank, crowding)];
      children.push({
        image: mutateGenome(crossoverGenomes(a.image, b.image, this.rng, crossoverP), this.rng, mutationP),
        audio: mutateGenome(crossoverGenomes(a.audio, b.audio, this.rng, crossoverP), this.rng, mutationP),
        macro: mutateFusionMacro(crossoverFusionMacros(a.macro, b.macro, this.rng, crossoverP), this.rng, mutationP),
      });
    }
    s.population = clone([...parents, ...children]);
    s.pairs = [];
    s.survivors = null;
    s.generation++;
    s.generationCounts = { backboneEvaluations: 0, fusionSearches: 0, cacheHits: 0 };
    s.phase = 'unimodal evaluation';
    this.state.rng = this.rng.state();
    this.hooks.onGeneration?.(s.history[s.history.length - 1], this.snapshot(), survivors);
  }
}
