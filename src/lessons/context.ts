// What a lesson's hooks act on: the Search view's run state (live or replayed) and the
// highlight of the live views. A hook runs when its lesson opens and returns its undo, which the
// Learn panel calls when the lesson closes (or another one opens).

import type { SearchState } from '../state/search.svelte';
import type { LessonFocus } from '../state/lessons.svelte';
import type { LessonInfo } from '../core/lessons/catalogue';
import type { ArchiveEntry } from '../core/search/archive';
import { latestSearchedIndex } from '../core/search/run-view';

export interface LessonContext {
  model: SearchState;
  focus: LessonFocus;
  info: LessonInfo;
}

export type LessonHook = (ctx: LessonContext) => () => void;

/** Highlights the lesson's targets in the live views. */
export const highlightTargets: LessonHook = ({ focus, info }) => focus.highlight(info.targets);

/** The front network with the lowest latency (what a lesson shows when nothing is selected). */
export function fastestFrontNetwork(model: SearchState): ArchiveEntry | null {
  const front = [...model.front].sort((a, b) => a.latencyMs - b.latencyMs);
  return front[0] ?? null;
}

/**
 * Highlights the targets and, when no network is selected, selects the front's fastest so the
 * architecture diagram shows a real one; the undo restores the selection if it is still ours.
 */
export const highlightAndSelect: LessonHook = (ctx) => {
  const undoHighlight = highlightTargets(ctx);
  const { model } = ctx;
  const before = model.selectedId;
  const pick = before === null ? fastestFrontNetwork(model) : null;
  if (pick) model.selectedId = pick.id;
  return () => {
    undoHighlight();
    if (pick && model.selectedId === pick.id) model.selectedId = before;
  };
};

/** The latest inner search of the run that ran its own epochs (not one reused from the cache). */
export function latestSearchedInner(model: SearchState) {
  const at = latestSearchedIndex(model.runView.inner);
  return at >= 0 ? model.runView.inner[at] : null;
}
