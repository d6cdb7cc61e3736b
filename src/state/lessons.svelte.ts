// The Learn panel's state: which lesson is open (the `lesson=N` URL key, so a teacher can share
// a link to one) and which parts of the live views are highlighted while it is open. Live-view
// components mark themselves with `data-lesson-target` and read `focus.attr(target)` for
// `data-highlighted`; a lesson's hook sets the highlight when it opens and undoes it on close.

import { LESSON_COUNT, type LessonTarget } from '../core/lessons/catalogue';
import { withUrlKey } from '../core/search/url-state';
import { urlHash, type UrlHash } from './url-hash.svelte';

export class LessonFocus {
  /** Highlighted parts of the live views. */
  targets = $state.raw<readonly LessonTarget[]>([]);
  /** While a lesson about the inner tier is open, the inner view shows a pair that was searched (not a reused one). */
  preferSearchedInner = $derived(this.targets.some((t) => t.startsWith('inner-')));

  /** Extra marks a lesson asks a chart for: 'ranks' labels the Pareto chart's points with NSGA-II rank and crowding. */
  annotation = $state<'ranks' | null>(null);

  /** Sets the annotation; the returned function restores the previous one. */
  annotate(a: 'ranks' | null): () => void {
    const before = this.annotation;
    this.annotation = a;
    return () => {
      this.annotation = before;
    };
  }

  has(t: LessonTarget): boolean {
    return this.targets.includes(t);
  }

  /** The value of `data-highlighted` for an element that is the target `t`. */
  attr(t: LessonTarget): 'true' | undefined {
    return this.has(t) ? 'true' : undefined;
  }

  /** Highlights `targets`; the returned function puts back what was highlighted before. */
  highlight(targets: readonly LessonTarget[]): () => void {
    const before = this.targets;
    this.targets = targets;
    return () => {
      this.targets = before;
    };
  }
}

export class LessonState {
  /** The open lesson (1-based), or null. */
  open: number | null;
  private readonly hash: UrlHash;

  constructor(hash: UrlHash = urlHash) {
    this.hash = hash;
    this.open = $derived(this.hash.parsed.settings.lesson ?? null);
  }

  /** Opens lesson `n` (and the Search view, where the live views are); null closes the panel. */
  go(n: number | null): void {
    const valid = n !== null && Number.isInteger(n) && n >= 1 && n <= LESSON_COUNT ? n : null;
    let text = withUrlKey(this.hash.text, 'lesson', valid === null ? null : String(valid));
    if (valid !== null) text = withUrlKey(text, 'view', null);
    this.hash.replace(text);
  }

  close(): void {
    this.go(null);
  }

  next(): void {
    if (this.open !== null && this.open < LESSON_COUNT) this.go(this.open + 1);
  }

  previous(): void {
    if (this.open !== null && this.open > 1) this.go(this.open - 1);
  }
}

export const lessonFocus = new LessonFocus();
export const lessons = new LessonState();
