// LessonState and LessonFocus over a fake hash host: the open lesson is the `lesson` URL key,
// opening one shows the Search view and keeps the other keys, next/previous stop at the ends,
// and a highlight is undone by the function it returns.
import { describe, expect, it } from 'vitest';
import { UrlHash, type HashHost } from '../../../src/state/url-hash.svelte';
import { LessonFocus, LessonState } from '../../../src/state/lessons.svelte';

class FakeHost implements HashHost {
  hash: string;
  constructor(initial: string) {
    this.hash = initial;
  }
  replaceHash(text: string): void {
    this.hash = `#${text}`;
  }
  onHashChange(): () => void {
    return () => {};
  }
}

describe('LessonState', () => {
  it('reads and writes lesson=N, switching to the Search view and keeping other keys', () => {
    const host = new FakeHost('#view=data&seed=5');
    const lessons = new LessonState(new UrlHash(host));
    expect(lessons.open).toBeNull();
    lessons.go(4);
    expect(lessons.open).toBe(4);
    expect(host.hash).toBe('#seed=5&lesson=4');
    lessons.next();
    expect(lessons.open).toBe(5);
    lessons.previous();
    lessons.previous();
    expect(lessons.open).toBe(3);
    lessons.close();
    expect(lessons.open).toBeNull();
    expect(host.hash).toBe('#seed=5');
  });

  it('stops at the first and last lesson and ignores numbers that are no lesson', () => {
    const lessons = new LessonState(new UrlHash(new FakeHost('#lesson=10')));
    lessons.next();
    expect(lessons.open).toBe(10);
    lessons.go(1);
    lessons.previous();
    expect(lessons.open).toBe(1);
    lessons.go(11);
    expect(lessons.open).toBeNull();
  });
});

describe('LessonFocus', () => {
  it('highlights targets and restores the previous highlight', () => {
    const focus = new LessonFocus();
    const undoA = focus.highlight(['pareto-chart']);
    expect(focus.attr('pareto-chart')).toBe('true');
    expect(focus.attr('timeline')).toBeUndefined();
    expect(focus.preferSearchedInner).toBe(false);
    const undoB = focus.highlight(['inner-weights']);
    expect(focus.has('pareto-chart')).toBe(false);
    expect(focus.preferSearchedInner).toBe(true);
    undoB();
    expect(focus.targets).toEqual(['pareto-chart']);
    undoA();
    expect(focus.targets).toEqual([]);
  });
});
