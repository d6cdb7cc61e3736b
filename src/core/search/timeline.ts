// What the live timeline of the bilevel search shows, derived from the run view (./run-view.ts)
// by a pure function: the outer tier's generations (each: scoring backbones, selection, one inner
// fusion search per pair, multimodal selection, breeding) and inside each generation its pairs,
// with the inner DARTS tier's search epochs and the retraining epochs of each candidate genotype,
// the kept candidate, and where the run is now. Generations are numbered from 1 here (`number`);
// the engine's `generation` index is 0-based.

import { genomeKey } from '../genome';
import type { CandidateSummary, FusionRetrainEpoch, FusionSearchEpoch, PairContext } from '../search-events';
import type { GenerationRecord } from './archive';
import { PHASES, type Phase } from './engine-state';
import { pairsPerGeneration } from './settings';
import type { RunView } from './run-view';

export type StepState = 'done' | 'current' | 'pending';

export interface TimelineCandidate {
  /** 1-based, as the retraining events count. */
  index: number;
  retrain: FusionRetrainEpoch[];
  /** Retraining epochs allowed (early stopping may end sooner). */
  epochs: number;
  /** Known once the pair is done. */
  summary: CandidateSummary | null;
  state: StepState;
}

export interface TimelinePair {
  /** 0-based pair index, of `pairs`. */
  pair: number;
  pairs: number;
  context: PairContext | null;
  image: string | null;
  audio: string | null;
  search: FusionSearchEpoch[];
  /** Search epochs of the inner tier (from the events, else the settings). */
  searchEpochs: number;
  candidates: TimelineCandidate[];
  cached: boolean;
  entryId: number | null;
  state: StepState;
  /** While in progress: which stage the inner search is in. */
  stage: 'search' | 'retrain' | null;
}

export interface TimelineGeneration {
  /** 0-based engine index, and the 1-based number the UI shows. */
  generation: number;
  number: number;
  state: StepState;
  record: GenerationRecord | null;
  /** Phase states, in PHASES order (only meaningful for the current generation). */
  phases: { phase: Phase; state: StepState }[];
  pairs: TimelinePair[];
  /** Pairs a generation searches (settings), for what is not known yet. */
  pairCount: number;
}

export interface Timeline {
  generations: TimelineGeneration[];
  total: number;
  /** 0-based generation in progress, and its phase (null: none, e.g. loading or finished). */
  current: number | null;
  phase: Phase | null;
  finished: boolean;
}

function pairOf(view: RunView, generation: number, pair: number, pairs: number, state: StepState, searchEpochs: number, retrainEpochs: number): TimelinePair {
  const inner = view.inner.filter((i) => i.context.generation === generation && i.context.pair === pair).at(-1) ?? null;
  const search = inner?.search ?? [];
  const retrain = inner?.retrain ?? [];
  const summaries = inner?.candidates ?? null;
  const count = Math.max(retrain[0]?.candidates ?? 0, summaries?.length ?? 0);
  const lastCandidate = retrain.at(-1)?.candidate ?? 0;
  const candidates: TimelineCandidate[] = [];
  for (let c = 1; c <= count; c++) {
    const own = retrain.filter((r) => r.candidate === c);
    const cState: StepState = state !== 'current' ? (state === 'done' ? 'done' : 'pending') : c < lastCandidate ? 'done' : c === lastCandidate ? 'current' : 'pending';
    candidates.push({ index: c, retrain: own, epochs: own[0]?.epochs ?? retrainEpochs, summary: summaries?.[c - 1] ?? null, state: cState });
  }
  return {
    pair,
    pairs,
    context: inner?.context ?? null,
    image: inner ? genomeKey(inner.context.image) : null,
    audio: inner ? genomeKey(inner.context.audio) : null,
    search,
    searchEpochs: search[0]?.epochs ?? searchEpochs,
    candidates,
    cached: inner?.cached ?? false,
    entryId: inner?.entryId ?? null,
    state,
    stage: state === 'current' && inner ? (retrain.length > 0 ? 'retrain' : search.length > 0 ? 'search' : null) : null,
  };
}

/** The timeline of the run so far. */
export function timelineOf(view: RunView): Timeline {
  const settings = view.start?.settings ?? null;
  const p = view.progress;
  const done = new Map(view.history.map((h) => [h.generation, h]));
  const finished = view.finished || p?.phase === 'finished';
  const current = p && !finished && !done.has(p.generation) ? p.generation : null;
  const phase = current !== null && p ? (p.phase as Phase) : null;
  const seen = [...done.keys(), ...view.inner.map((i) => i.context.generation), ...(current !== null ? [current] : [])];
  const total = Math.max(p?.generations ?? settings?.generations ?? 0, ...seen.map((g) => g + 1));
  const pairCount = settings ? pairsPerGeneration(settings) : 0;
  const searchEpochs = settings?.fusionEpochs ?? 0;
  const retrainEpochs = settings?.retrainEpochs ?? 0;

  const generations: TimelineGeneration[] = [];
  for (let g = 0; g < total; g++) {
    const state: StepState = done.has(g) ? 'done' : g === current ? 'current' : 'pending';
    const phaseAt = phase ? PHASES.indexOf(phase) : -1;
    const phases = PHASES.map((ph, i) => ({ phase: ph, state: (state === 'done' ? 'done' : state === 'pending' ? 'pending' : i < phaseAt ? 'done' : i === phaseAt ? 'current' : 'pending') as StepState }));
    const known = view.inner.filter((i) => i.context.generation === g);
    const pairs = known[0]?.context.pairs ?? (g === current && phase === 'fusion search' && p ? p.candidates : pairCount);
    // The pair in progress is the count of pairs done in this phase (SearchProgress.candidate).
    const busy = g === current && phase === 'fusion search' && p ? p.candidate : -1;
    const afterSearch = g === current && phaseAt > PHASES.indexOf('fusion search');
    const list: TimelinePair[] = [];
    for (let k = 0; k < pairs; k++) {
      const entry = known.find((i) => i.context.pair === k);
      const ended = entry ? entry.candidates !== null || entry.cached : false;
      const pState: StepState = state === 'done' || ended || afterSearch || (busy >= 0 && k < busy) ? 'done' : k === busy ? 'current' : 'pending';
      // Placeholders only for the generation in progress, once its pairs are formed.
      if (!entry && !(g === current && phaseAt >= PHASES.indexOf('fusion search'))) continue;
      list.push(pairOf(view, g, k, pairs, pState, searchEpochs, retrainEpochs));
    }
    generations.push({ generation: g, number: g + 1, state, record: done.get(g) ?? null, phases, pairs: list, pairCount: pairs });
  }
  return { generations, total, current, phase, finished };
}
