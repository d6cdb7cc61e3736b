// The saved form of a finished run in the run history: its settings, what the list shows
// (when, preset, backend, duration, front and archive sizes, final hypervolume) and its whole
// event stream (JSON lines, checkpoints left out), from which the views are rebuilt when it is
// reopened. Pure and validated on the way back in (IndexedDB content is untrusted).

import { parseRecording, formatRecording } from '../core/search/recording';
import { replayEvents, resultOfRun } from '../core/search/run-view';
import { checkSettings, validateSettings, type SearchSettings } from '../core/search/settings';
import type { SearchEvent } from '../core/search-events';
import type { SearchResult } from '../core/search/archive';
import { DEMO_DATASET_NAME } from '../core/search/settings';

export const HISTORY_FORMAT = 'harmonic-nas-history/1';

export interface HistorySummary {
  id: string;
  /** ms since the epoch. */
  finishedAt: number;
  preset: string;
  /** The backend that computed it (webgpu, webgl, wasm, cpu). */
  backend: string;
  /** Wall time from Run to finished (ms), when known. */
  durationMs: number | null;
  settings: SearchSettings;
  /** The dataset's name (the demo set's in runs recorded before uploads existed). */
  datasetName: string;
  archiveSize: number;
  frontSize: number;
  /** Normalised hypervolume after the last generation. */
  hypervolume: number | null;
}

export interface HistoryRecord extends HistorySummary {
  format: typeof HISTORY_FORMAT;
  /** The run's events as JSON lines. */
  recording: string;
}

/** One identity per set of settings: the same search, whatever order its fields were written in. */
export function settingsKey(settings: SearchSettings): string {
  const s = checkSettings(settings) as unknown as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.keys(s).sort().map((k) => [k, s[k]])));
}

/** A record of a finished run from its events; throws when the events are not a finished run. */
export function encodeHistoryRecord(
  events: readonly SearchEvent[],
  meta: { preset: string; durationMs: number | null; finishedAt?: number; id?: string },
): HistoryRecord {
  const view = replayEvents(events);
  const result = resultOfRun(view);
  if (!view.finished || !result) throw new Error('only a finished run goes into the history');
  const finishedAt = meta.finishedAt ?? Date.now();
  return {
    format: HISTORY_FORMAT,
    id: meta.id ?? `${finishedAt.toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`,
    finishedAt,
    preset: meta.preset,
    backend: view.backend?.name ?? 'unknown',
    durationMs: meta.durationMs,
    settings: result.settings,
    datasetName: view.start?.datasetName ?? DEMO_DATASET_NAME,
    archiveSize: result.archive.length,
    frontSize: result.front.length,
    hypervolume: result.history.at(-1)?.hypervolumeNormalised ?? null,
    recording: formatRecording(events, true),
  };
}

/** The record's summary (the list's row), without the event stream. */
export function summaryOf(r: HistoryRecord): HistorySummary {
  const { format: _f, recording: _r, ...summary } = r;
  return summary;
}

/**
 * A stored record's summary, checked without reading its event stream (what the list needs;
 * the stream is parsed when the run is opened). Throws naming the problem.
 */
export function checkedSummary(x: unknown): HistorySummary {
  const r = x as Partial<HistoryRecord> | null;
  if (!r || typeof r !== 'object') throw new Error('not a history record');
  if (r.format !== HISTORY_FORMAT) throw new Error(`unknown history format ${JSON.stringify(r.format)}`);
  if (typeof r.id !== 'string' || typeof r.finishedAt !== 'number' || typeof r.recording !== 'string') throw new Error('history record lacks id, finishedAt or recording');
  const problems = validateSettings(r.settings as SearchSettings);
  if (problems.length > 0) throw new Error(`history record settings: ${problems.join('; ')}`);
  return { ...summaryOf(r as HistoryRecord), datasetName: typeof r.datasetName === 'string' ? r.datasetName : DEMO_DATASET_NAME };
}

/** A stored record, checked; its events and result. Throws naming the problem. */
export function decodeHistoryRecord(x: unknown): { record: HistoryRecord; events: SearchEvent[]; result: SearchResult } {
  checkedSummary(x);
  const r = x as HistoryRecord;
  const { events, errors } = parseRecording(r.recording);
  if (errors.length > 0) throw new Error(`history record events: ${errors[0]}`);
  const result = resultOfRun(replayEvents(events));
  if (!result) throw new Error('history record holds no run');
  return { record: r, events, result };
}
