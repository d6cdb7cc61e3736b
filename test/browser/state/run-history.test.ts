// The run history on the browser's real IndexedDB: add, list newest first, find by settings,
// reopen into the views, compare two fronts (a third replaces the older), delete; a full quota
// gives the message and keeps what is stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import quickText from '../../../public/recordings/quick-seed1-tx2.jsonl?raw';
import tinyText from '../../fixtures/tiny-run.jsonl?raw';
import { parseRecording } from '../../../src/core/search/recording';
import { replayEvents, resultOfRun } from '../../../src/core/search/run-view';
import { RunHistoryState } from '../../../src/state/run-history.svelte';
import { SearchState } from '../../../src/state/search.svelte';
import { appDb, HISTORY_STORE } from '../../../src/data/app-db';
import RunHistory from '../../../src/components/search/RunHistory.svelte';

const quick = parseRecording(quickText).events;
const tiny = parseRecording(tinyText).events;

beforeEach(async () => {
  await (await appDb()).clear(HISTORY_STORE);
});

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
});

describe('RunHistoryState', () => {
  it('adds, lists newest first, finds by settings, opens, compares and deletes', async () => {
    const h = new RunHistoryState();
    await h.load();
    expect(h.entries).toEqual([]);
    expect(await h.add(tiny, { preset: 'quick', durationMs: 10, finishedAt: 1000, id: 'tiny' })).toBe(true);
    expect(await h.add(quick, { preset: 'quick', durationMs: 42_300, finishedAt: 2000, id: 'quick' })).toBe(true);
    expect(h.entries.map((e) => e.id)).toEqual(['quick', 'tiny']);
    const quickResult = resultOfRun(replayEvents(quick))!;
    expect(h.entries[0]).toMatchObject({ frontSize: quickResult.front.length, archiveSize: quickResult.archive.length, backend: 'wasm', durationMs: 42_300 });
    expect(h.findFinished(quickResult.settings)?.id).toBe('quick');
    expect(h.findFinished({ ...quickResult.settings, seed: 99 })).toBeNull();

    const opened = await h.open('quick');
    expect(opened?.events.length).toBeGreaterThan(10);
    expect(resultOfRun(replayEvents(opened!.events))!.front).toEqual(quickResult.front);

    await h.toggleCompare('quick');
    await h.toggleCompare('tiny');
    expect(h.compared.map((c) => c.summary.id)).toEqual(['quick', 'tiny']);
    await h.toggleCompare('tiny');
    expect(h.compared.map((c) => c.summary.id)).toEqual(['quick']);

    await h.remove('quick');
    expect(h.entries.map((e) => e.id)).toEqual(['tiny']);
    expect(h.compared).toEqual([]);
    expect(await h.open('quick')).toBeNull();
    expect(h.message).toMatch(/no longer in the history/);
  });

  it('reports a full quota in words and keeps the runs already stored', async () => {
    const h = new RunHistoryState();
    await h.add(tiny, { preset: 'quick', durationMs: null, id: 'kept', finishedAt: 1 });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      expect(await h.add(quick, { preset: 'quick', durationMs: null, id: 'new' })).toBe(false);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(h.message).toMatch(/storage for the app is full.*the 1 run already stored is intact/);
    await h.load();
    expect(h.entries.map((e) => e.id)).toEqual(['kept']);
  });
});

describe('RunHistory view', () => {
  it('lists the runs, draws two fronts when two are ticked, reopens one into the views', async () => {
    const model = new SearchState();
    await model.history.add(tiny, { preset: 'quick', durationMs: null, id: 'tiny', finishedAt: 1000 });
    await model.history.add(quick, { preset: 'quick', durationMs: null, id: 'quick', finishedAt: 2000 });
    const pageWidth = document.documentElement.scrollWidth;
    const host = document.createElement('div');
    // as in the Search view: a 390 px flex column (flex items grow to their content unless told not to)
    Object.assign(host.style, { width: '390px', display: 'flex', flexDirection: 'column' });
    document.body.append(host);
    app = mount(RunHistory, { target: host, props: { model } });
    flushSync();
    expect(host.querySelectorAll('[data-testid="history-row"]')).toHaveLength(2);
    for (const box of host.querySelectorAll<HTMLInputElement>('[data-testid="history-compare"]')) box.click();
    await expect.poll(() => host.querySelectorAll('[data-testid="compare-front"]').length).toBe(2);
    const counts = [...host.querySelectorAll('[data-testid="compare-front"]')].map((g) => Number(g.getAttribute('data-points')));
    expect(counts).toEqual([resultOfRun(replayEvents(quick))!.front.length, resultOfRun(replayEvents(tiny))!.front.length]);
    // fits a 390 px screen: the table scrolls inside its own region
    expect(host.scrollWidth).toBeLessThanOrEqual(390);
    expect(document.documentElement.scrollWidth).toBe(pageWidth); // nothing (e.g. an absolutely placed label) escapes it
    (host.querySelector('[data-testid="history-row"][data-id="tiny"] [data-testid="history-reopen"]') as HTMLButtonElement).click();
    await expect.poll(() => model.replayKind).toBe('history');
    expect(model.result!.front).toEqual(resultOfRun(replayEvents(tiny))!.front);
    expect(model.reopened?.summary.id).toBe('tiny');
    host.remove();
    model.dispose();
  });
});
