// IndexedDB store of finished runs (the run history): add, list, read one, delete. A full
// storage quota is reported in words and changes nothing already stored. Thin on purpose: the
// (tested) encoding is ./run-history-codec.ts.

import { appDb, HISTORY_STORE } from '../data/app-db';
import { checkedSummary, decodeHistoryRecord, type HistoryRecord, type HistorySummary } from './run-history-codec';

export class HistoryFullError extends Error {
  constructor(stored: number) {
    super(
      `This browser's storage for the app is full: the run was not added to the history (the ${stored} run${stored === 1 ? '' : 's'} already stored ${stored === 1 ? 'is' : 'are'} intact). Delete old runs from the history to make room.`,
    );
    this.name = 'HistoryFullError';
  }
}

const isQuotaError = (err: unknown) => err instanceof DOMException && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED');

export async function addToHistory(record: HistoryRecord): Promise<void> {
  const db = await appDb();
  try {
    await db.put(HISTORY_STORE, record);
  } catch (err) {
    if (isQuotaError(err)) throw new HistoryFullError(await db.count(HISTORY_STORE));
    throw err;
  }
}

/** Every readable record's summary (event streams are not parsed here), newest first; unreadable records are left out (and counted). */
export async function listHistory(): Promise<{ entries: HistorySummary[]; unreadable: number }> {
  const all = await (await appDb()).getAll(HISTORY_STORE);
  const entries: HistorySummary[] = [];
  let unreadable = 0;
  for (const raw of all) {
    try {
      entries.push(checkedSummary(raw));
    } catch {
      unreadable++;
    }
  }
  entries.sort((a, b) => b.finishedAt - a.finishedAt);
  return { entries, unreadable };
}

export async function readHistory(id: string): Promise<ReturnType<typeof decodeHistoryRecord> | null> {
  const raw = await (await appDb()).get(HISTORY_STORE, id);
  return raw === undefined ? null : decodeHistoryRecord(raw);
}

export async function deleteFromHistory(id: string): Promise<void> {
  await (await appDb()).delete(HISTORY_STORE, id);
}
