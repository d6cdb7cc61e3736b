// The run history as Svelte 5 state: the list of finished runs kept in this browser, adding a
// run when it finishes, reopening, deleting, and choosing two to compare on one chart. Storage
// problems (no IndexedDB, a full quota) become one message; nothing stored is lost.

import type { SearchEvent } from '../core/search-events';
import type { SearchResult } from '../core/search/archive';
import type { SearchSettings } from '../core/search/settings';
import { addToHistory, deleteFromHistory, listHistory, readHistory } from './run-history';
import { encodeHistoryRecord, settingsKey, type HistorySummary } from './run-history-codec';

export interface ComparedRun {
  summary: HistorySummary;
  result: SearchResult;
}

export class RunHistoryState {
  entries = $state.raw<HistorySummary[]>([]);
  /** The last storage problem, in words (null: none). */
  message = $state<string | null>(null);
  /** Runs chosen for the comparison chart (at most two, in the order chosen). */
  compared = $state.raw<ComparedRun[]>([]);

  async load(): Promise<void> {
    try {
      const { entries, unreadable } = await listHistory();
      this.entries = entries;
      if (unreadable > 0) this.message = `${unreadable} stored run${unreadable === 1 ? '' : 's'} could not be read (made by another version of the app) and ${unreadable === 1 ? 'is' : 'are'} not listed.`;
    } catch (err) {
      this.entries = [];
      this.message = `The run history is not available in this browser: ${(err as Error).message}`;
    }
  }

  /** Adds a finished run; returns whether it was stored. */
  async add(events: readonly SearchEvent[], meta: { preset: string; durationMs: number | null; id?: string; finishedAt?: number }): Promise<boolean> {
    try {
      await addToHistory(encodeHistoryRecord(events, meta));
      this.message = null;
      await this.load();
      return true;
    } catch (err) {
      this.message = (err as Error).message;
      return false;
    }
  }

  /** The entry of the live run that finished in this tab (its baseline may come later). */
  private live: { id: string; finishedAt: number; durationMs: number | null } | null = null;

  /** A live run finished in this tab: a new history entry. */
  finishedLive(events: readonly SearchEvent[], preset: string, durationMs: number | null): void {
    const finishedAt = Date.now();
    this.live = { id: `${finishedAt.toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`, finishedAt, durationMs };
    void this.add([...events], { preset, ...this.live });
  }

  /** That run's random-search baseline finished: the same entry, now with it. */
  baselineLive(events: readonly SearchEvent[], preset: string): void {
    if (this.live) void this.add([...events], { preset, ...this.live });
  }

  async remove(id: string): Promise<void> {
    try {
      await deleteFromHistory(id);
      this.compared = this.compared.filter((c) => c.summary.id !== id);
      await this.load();
    } catch (err) {
      this.message = `Could not delete the run: ${(err as Error).message}`;
    }
  }

  /** A stored run's events, to replay into the views (null: gone or unreadable, with a message). */
  async open(id: string): Promise<{ events: SearchEvent[]; summary: HistorySummary } | null> {
    try {
      const r = await readHistory(id);
      if (!r) {
        this.message = 'That run is no longer in the history.';
        return null;
      }
      return { events: r.events, summary: this.entries.find((e) => e.id === id) ?? { ...r.record } };
    } catch (err) {
      this.message = `Could not read the run: ${(err as Error).message}`;
      return null;
    }
  }

  /** The newest stored run with exactly these settings, if any. */
  findFinished(settings: SearchSettings): HistorySummary | null {
    let key: string;
    try {
      key = settingsKey(settings);
    } catch {
      return null;
    }
    // a run on an upload is only the same run on the same upload: those are reopened from the list
    if (settings.dataset === 'upload') return null;
    return this.entries.find((e) => settingsKey(e.settings) === key) ?? null;
  }

  isCompared(id: string): boolean {
    return this.compared.some((c) => c.summary.id === id);
  }

  /** Adds a run to the comparison (the older of two is dropped) or takes it out. */
  async toggleCompare(id: string): Promise<void> {
    if (this.isCompared(id)) {
      this.compared = this.compared.filter((c) => c.summary.id !== id);
      return;
    }
    try {
      const r = await readHistory(id);
      if (!r) return;
      const summary = this.entries.find((e) => e.id === id) ?? r.record;
      this.compared = [...this.compared, { summary, result: r.result }].slice(-2);
    } catch (err) {
      this.message = `Could not read the run: ${(err as Error).message}`;
    }
  }
}
