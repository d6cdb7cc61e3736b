// The device table measured in this browser by the profiling worker, kept in IndexedDB (the
// app's `uploads` store, key 'browser-table') so that the Devices view and searches can use it
// after a reload; read by the search worker when a search targets it. It never leaves the browser.

import { parseDeviceTable, type DeviceTable } from '../core/device-table';
import { appDb, UPLOAD_STORE } from './app-db';

/** The id searches and the URL use for the table measured here. */
export const BROWSER_DEVICE_ID = 'this-browser';
const KEY = 'browser-table';

export const NO_BROWSER_TABLE = 'No device table has been measured in this browser yet: profile it in the Devices view first.';

export async function saveBrowserTable(t: DeviceTable): Promise<void> {
  await (await appDb()).put(UPLOAD_STORE, JSON.parse(JSON.stringify(t)), KEY);
}

/** The kept table, checked; null when there is none. */
export async function loadBrowserTable(): Promise<DeviceTable | null> {
  const raw = await (await appDb()).get(UPLOAD_STORE, KEY);
  return raw ? parseDeviceTable(raw) : null;
}

export async function deleteBrowserTable(): Promise<void> {
  const db = await appDb();
  await db.delete(UPLOAD_STORE, KEY);
  await db.delete(UPLOAD_STORE, 'browser-table-check');
}

/** The last prediction check of the kept table (JSON), kept beside it. */
export interface KeptPredictionCheck {
  tableName: string;
  backend: string;
  points: { modality: 'image' | 'audio'; genome: string; predictedMs: number; measuredMs: number }[];
  kendallTau: number;
  mapePct: number;
  seconds: number;
}

const CHECK_KEY = 'browser-table-check';

export async function saveBrowserCheck(c: KeptPredictionCheck): Promise<void> {
  await (await appDb()).put(UPLOAD_STORE, JSON.parse(JSON.stringify(c)), CHECK_KEY);
}

export async function loadBrowserCheck(): Promise<KeptPredictionCheck | null> {
  const c = (await (await appDb()).get(UPLOAD_STORE, CHECK_KEY)) as KeptPredictionCheck | undefined;
  return c && Array.isArray(c.points) ? c : null;
}
