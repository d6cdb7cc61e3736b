// IndexedDB store of the interrupted search: after each generation the engine's
// checkpoint is saved under one key; on load the app offers to resume it; a finished or reset
// run clears it. Thin on purpose: the (tested) encoding is ./checkpoint-codec.ts.

import { openDB, type IDBPDatabase } from 'idb';
import { decodeSavedRun, type SavedRun } from './checkpoint-codec';
import type { EngineState } from '../core/search/engine-state';

const DB_NAME = 'harmonic-nas';
const STORE = 'search-checkpoints';
const KEY = 'last-run';

let dbPromise: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE);
    },
  });
  return dbPromise;
}

export async function saveRun(run: SavedRun): Promise<void> {
  await (await db()).put(STORE, run, KEY);
}

/** The saved run, or null (none, unreadable, or from another version — then it is dropped). */
export async function loadRun(): Promise<{ run: SavedRun; state: EngineState } | null> {
  const raw = await (await db()).get(STORE, KEY);
  if (raw === undefined) return null;
  try {
    return decodeSavedRun(raw);
  } catch {
    await clearRun();
    return null;
  }
}

export async function clearRun(): Promise<void> {
  await (await db()).delete(STORE, KEY);
}
