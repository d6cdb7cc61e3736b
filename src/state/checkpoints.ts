// IndexedDB store of the interrupted search: after each generation the engine's
// checkpoint is saved under one key; on load the app offers to resume it; a finished or reset
// run clears it. Thin on purpose: the (tested) encoding is ./checkpoint-codec.ts.

import { decodeSavedRun, type SavedRun } from './checkpoint-codec';
import type { EngineState } from '../core/search/engine-state';
import { appDb as db, CHECKPOINT_STORE as STORE } from '../data/app-db';

const KEY = 'last-run';

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
