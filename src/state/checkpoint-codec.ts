// The saved form of an interrupted search (a checkpoint): the engine's JSON state
// after a completed generation plus what the resume offer shows (when, which backend, how far).
// Pure and validated on the way back in (IndexedDB content is untrusted: another version of the
// app may have written it). The IndexedDB side is ./checkpoints.ts.

import { checkState, type EngineState } from '../core/search/engine-state';
import { isBackendChoice, type BackendChoice } from '../core/backends';

export const SAVED_RUN_FORMAT = 'harmonic-nas-saved-run/1';

export interface SavedRun {
  format: typeof SAVED_RUN_FORMAT;
  /** ms since the epoch. */
  savedAt: number;
  /** The backend choice the run was started with. */
  backend: BackendChoice;
  /** The preset the run's settings came from, for the offer's wording. */
  preset: string;
  /** Generations completed when saved, and the run's total. */
  generationsDone: number;
  generations: number;
  /** EngineState as JSON text (keeps IndexedDB free of structured-clone surprises). */
  state: string;
}

export function encodeSavedRun(state: EngineState, backend: BackendChoice, preset: string, savedAt = Date.now()): SavedRun {
  return {
    format: SAVED_RUN_FORMAT,
    savedAt,
    backend,
    preset,
    generationsDone: state.history.length,
    generations: state.settings.generations,
    state: JSON.stringify(state),
  };
}

/** The saved run's engine state, validated; throws naming the problem. */
export function decodeSavedRun(x: unknown): { run: SavedRun; state: EngineState } {
  const r = x as Partial<SavedRun> | null;
  if (!r || typeof r !== 'object' || r.format !== SAVED_RUN_FORMAT) throw new Error('not a saved search run of this version');
  if (typeof r.state !== 'string') throw new Error('saved run has no state');
  if (!isBackendChoice(r.backend)) throw new Error(`saved run has an unknown backend ${JSON.stringify(r.backend)}`);
  if (typeof r.savedAt !== 'number' || typeof r.preset !== 'string') throw new Error('saved run lacks its date or preset');
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.state);
  } catch {
    throw new Error('saved run state is not valid JSON');
  }
  return { run: r as SavedRun, state: checkState(parsed) };
}
