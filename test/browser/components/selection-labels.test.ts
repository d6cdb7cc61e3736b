// The results tables say which split a run chose on: validation by default (the quick
// recording), test for a paper-faithful run (the same entries marked selectionSplit 'test').
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import text from '../../../public/recordings/quick-seed1-tx2.jsonl?raw';
import { parseRecording } from '../../../src/core/search/recording';
import { replayEvents, resultOfRun } from '../../../src/core/search/run-view';
import SearchResults from '../../../src/components/search/SearchResults.svelte';
import type { SearchResult } from '../../../src/core/search/archive';

const base = resultOfRun(replayEvents(parseRecording(text).events))!;
let app: ReturnType<typeof mount> | null = null;
let host: HTMLDivElement;

function render(result: SearchResult) {
  host = document.createElement('div');
  document.body.append(host);
  app = mount(SearchResults, { target: host, props: { result } });
  flushSync();
  const headers = [...host.querySelectorAll('table')[0].querySelectorAll('th')].map((th) => th.textContent ?? '');
  return { note: host.querySelector('[data-testid="test-note"]') as HTMLElement, headers };
}

afterEach(() => {
  if (app) unmount(app);
  host.remove();
});

describe('selection-split labels', () => {
  it('a normal run: chosen on validation, test for information', () => {
    const { note, headers } = render(base);
    expect(note.dataset.selectionSplit).toBe('val');
    expect(headers.some((h) => /val\. acc\. \(%\), chosen on/.test(h))).toBe(true);
    expect(headers.some((h) => /test acc\. \(%\) ¹/.test(h) && !/chosen/.test(h))).toBe(true);
  });

  it('a paper-faithful run: chosen on test, and the note says the test figures are biased', () => {
    const mark = (e: SearchResult['archive'][number]) => ({ ...e, selectionSplit: 'test' as const });
    const { note, headers } = render({ ...base, archive: base.archive.map(mark), front: base.front.map(mark) });
    expect(note.dataset.selectionSplit).toBe('test');
    expect(note.textContent).toMatch(/chose on the TEST split/);
    expect(headers.some((h) => /test acc\. \(%\), chosen on/.test(h))).toBe(true);
  });
});
