// IndexedDB store of the uploaded dataset (its zip, as uploaded, under one key) so that it is
// there after a reload; nothing leaves the browser. A full quota is reported in words.

import { appDb, UPLOAD_STORE } from '../data/app-db';

const KEY = 'dataset';

export interface StoredUpload {
  fileName: string;
  savedAt: number;
  bytes: Uint8Array;
}

export async function saveUpload(u: StoredUpload): Promise<void> {
  try {
    await (await appDb()).put(UPLOAD_STORE, u, KEY);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'QuotaExceededError') {
      throw new Error("This browser's storage for the app is full: the dataset is loaded for this visit but will not be kept after a reload.");
    }
    throw err;
  }
}

export async function loadUpload(): Promise<StoredUpload | null> {
  const raw = (await (await appDb()).get(UPLOAD_STORE, KEY)) as StoredUpload | undefined;
  return raw && typeof raw.fileName === 'string' && raw.bytes instanceof Uint8Array ? raw : null;
}

export async function deleteUpload(): Promise<void> {
  await (await appDb()).delete(UPLOAD_STORE, KEY);
}
