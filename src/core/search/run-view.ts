// What the Search view's charts draw, rebuilt on the main thread from the run's event stream
// (../search-events.ts) by one pure reducer: every backbone scored, every inner search with its
// epochs and candidates, the archive, the front, the per-generation history and survivors. The
// same reducer serves a live run and a recorded one (./recording.ts), so what a recording shows
// is what the live run showed.

import type { BackendReport } from '../backends';
import { genomeKey, parseGenome } from '../genome';
import type { Modality } from '../types';
import type {
  BackboneScored,
  CandidateSummary,
  FusionRetrainEpoch,
  FusionSearchEpoch,
  MemorySample,
  PairContext,
  RunStart,
  RunnerProgress,
  RunnerStatus,
  RecordingInfo,
  SearchEvent,
} from '../search-events';
import { DEMO_DATASET_NAME } from './settings';
import { archiveFront, type ArchiveEntry, type GenerationRecord, type SearchResult } from './archive';
import type { EngineState } from './engine-state';

export interface BaselineView {
  evaluations: number;
  /** Evaluations begun so far. */
  evaluation: number;
  history: GenerationRecord[];
  finished: boolean;
  complete: boolean;
  archive: ArchiveEntry[];
}

/** One inner (fusion) search of the run: its pair, its epochs so far, and how it ended. */
export interface InnerSearchView {
  context: PairContext;
  search: FusionSearchEpoch[];
  retrain: FusionRetrainEpoch[];
  /** Set once the pair is done. */
  candidates: CandidateSummary[] | null;
  entryId: number | null;
  cached: boolean;
}

export interface RunView {
  start: RunStart | null;
  backend: BackendReport | null;
  status: RunnerStatus | null;
  progress: RunnerProgress | null;
  backbones: BackboneScored[];
  archive: ArchiveEntry[];
  history: GenerationRecord[];
  /** Unimodal survivors (genome keys) per completed generation. */
  survivors: { generation: number; image: string[]; audio: string[] }[];
  /** Archive ids of the multimodal survivors after the last completed generation. */
  elite: number[];
  inner: InnerSearchView[];
  memory: MemorySample[];
  finished: boolean;
  /** The random-search baseline, once asked for (null before). */
  baseline: BaselineView | null;
  /** Where the recording being replayed was made (null for a live run or an older recording). */
  recording: RecordingInfo | null;
  /** Events applied so far. */
  events: number;
}

export function emptyRunView(): RunView {
  return { start: null, backend: null, status: null, progress: null, backbones: [], archive: [], history: [], survivors: [], elite: [], inner: [], memory: [], finished: false, baseline: null, recording: null, events: 0 };
}

const sameContext = (a: PairContext, b: PairContext) => a.generation === b.generation && a.pair === b.pair;

function innerFor(inner: InnerSearchView[], context: PairContext): { list: InnerSearchView[]; at: number } {
  const last = inner.length - 1;
  if (last >= 0 && sameContext(inner[last].context, context) && inner[last].candidates === null && !inner[last].cached) return { list: [...inner], at: last };
  const list = [...inner, { context, search: [], retrain: [], candidates: null, entryId: null, cached: false }];
  return { list, at: list.length - 1 };
}

/** The view after one more event (a new object; the old view is not changed). */
export function applySearchEvent(view: RunView, e: SearchEvent): RunView {
  const v: RunView = { ...view, events: view.events + 1 };
  switch (e.type) {
    case 'recording':
      v.recording = e.info;
      break;
    case 'backend':
      v.backend = e.report;
      break;
    case 'status':
      v.status = e.status;
      break;
    case 'start':
      v.start = e.start;
      v.archive = [...e.start.archive];
      v.history = [...e.start.history];
      v.backbones = [...e.start.backbones];
      v.finished = false;
      break;
    case 'progress':
      v.progress = e.progress;
      break;
    case 'backbone':
      v.backbones = [...v.backbones, e.backbone];
      break;
    case 'fusion-epoch': {
      const { list, at } = innerFor(v.inner, e.context);
      const cur = { ...list[at] };
      if (e.epoch.stage === 'search') cur.search = [...cur.search, e.epoch];
      else cur.retrain = [...cur.retrain, e.epoch];
      list[at] = cur;
      v.inner = list;
      break;
    }
    case 'pair': {
      const { list, at } = innerFor(v.inner, e.context);
      list[at] = { ...list[at], candidates: e.candidates, entryId: e.entryId, cached: e.cached };
      v.inner = list;
      break;
    }
    case 'generation': {
      const known = new Set(v.archive.map((a) => a.id));
      v.archive = [...v.archive, ...e.delta.entries.filter((a) => !known.has(a.id))];
      v.history = [...v.history.filter((h) => h.generation !== e.delta.record.generation), e.delta.record];
      v.survivors = [...v.survivors.filter((s) => s.generation !== e.delta.record.generation), { generation: e.delta.record.generation, ...e.delta.survivors }];
      v.elite = [...e.delta.elite];
      v.memory = [...v.memory, e.memory];
      break;
    }
    case 'finished':
      v.finished = true;
      if (v.start) v.start = { ...v.start, totals: e.totals };
      break;
    case 'baseline-start':
      v.baseline = { evaluations: e.evaluations, evaluation: 0, history: [], finished: false, complete: false, archive: [] };
      break;
    case 'baseline-progress':
      if (v.baseline) v.baseline = { ...v.baseline, evaluation: e.evaluation };
      break;
    case 'baseline-generation':
      if (v.baseline) v.baseline = { ...v.baseline, history: [...v.baseline.history, e.record] };
      break;
    case 'baseline-finished':
      if (v.baseline) v.baseline = { ...v.baseline, finished: true, complete: e.complete, archive: e.archive };
      break;
  }
  return v;
}

/** Every event in order, from an empty view. */
export function replayEvents(events: readonly SearchEvent[]): RunView {
  return events.reduce(applySearchEvent, emptyRunView());
}

/** The run's result so far (archive, front on the run's objectives, history), or null before start. */
export function resultOfRun(view: RunView): SearchResult | null {
  const s = view.start;
  if (!s) return null;
  return {
    kind: s.kind,
    settings: s.settings,
    datasetName: s.datasetName ?? DEMO_DATASET_NAME,
    device: s.settings.device,
    reference: s.reference,
    archive: view.archive,
    front: archiveFront(view.archive, s.settings.objectives),
    history: view.history,
    totals: view.finished ? s.totals : totalsFrom(view, s.totals),
  };
}

function totalsFrom(view: RunView, base: RunStart['totals']): RunStart['totals'] {
  const since = view.history.filter((h) => !view.start!.history.some((o) => o.generation === h.generation));
  return since.reduce(
    (t, h) => ({ backboneEvaluations: t.backboneEvaluations + h.backboneEvaluations, fusionSearches: t.fusionSearches + h.fusionSearches, cacheHits: t.cacheHits + h.cacheHits }),
    { ...base },
  );
}

/** The backbones a checkpoint has scored (generation unknown there: −1). */
export function scoredBackbones(state: EngineState): BackboneScored[] {
  return Object.entries(state.backbones).map(([key, record]) => {
    const [modality, genome] = key.split('/') as [Modality, string];
    return { generation: -1, modality, genome: parseGenome(genome), ...record };
  });
}

/** The `start` event's payload for a fresh or restored engine state. */
export function runStartOf(state: EngineState, kind: RunStart['kind'] = 'evolution'): RunStart {
  return {
    kind,
    settings: state.settings,
    reference: state.reference,
    archive: state.archive,
    history: state.history,
    backbones: scoredBackbones(state),
    totals: state.totals,
  };
}

/** Key of a backbone point: modality and canonical genome. */
export const backboneKey = (b: Pick<BackboneScored, 'modality' | 'genome'>) => `${b.modality}/${genomeKey(b.genome)}`;

/** Index of the latest inner search that ran its own epochs (not reused from the cache), or −1. */
export function latestSearchedIndex(inner: readonly InnerSearchView[]): number {
  for (let i = inner.length - 1; i >= 0; i--) if (!inner[i].cached && inner[i].search.length > 0) return i;
  return -1;
}

/** The checkpoint of the last completed generation in a run's events, or null. */
export function lastCheckpointOf(events: readonly SearchEvent[]): EngineState | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.type === 'generation' && e.checkpoint) return e.checkpoint;
  }
  return null;
}
