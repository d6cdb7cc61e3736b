// The app's one IndexedDB database: the interrupted run's checkpoint (../state/checkpoints.ts) and the
// history of finished runs (../state/run-history.ts), an uploaded dataset (../state/uploads.ts and ./trained-upload.ts). Version 2
// added the history store, version 3 the uploads store.

import { openDB, type IDBPDatabase } from 'idb';

export const DB_NAME = 'harmonic-nas';
export const CHECKPOINT_STORE = 'search-checkpoints';
export const HISTORY_STORE = 'run-history';
export const UPLOAD_STORE = 'uploads';

let dbPromise: Promise<IDBPDatabase> | null = null;

export function appDb(): Promise<IDBPDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
  dbPromise ??= openDB(DB_NAME, 3, {
    upgrade(d) {
      if (!d.objectStoreNames.contains(CHECKPOINT_STORE)) d.createObjectStore(CHECKPOINT_STORE);
      if (!d.objectStoreNames.contains(HISTORY_STORE)) d.createObjectStore(HISTORY_STORE, { keyPath: 'id' });
      if (!d.objectStoreNames.contains(UPLOAD_STORE)) d.createObjectStore(UPLOAD_STORE);
    },
  });
  return dbPromise;
}
