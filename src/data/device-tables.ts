// Loads the per-device cost tables (LUTs) shipped in public/luts/ — the index of devices and
// each table, validated by the core schema — plus the table measured in this browser, when one
// is kept in IndexedDB (./browser-table.ts), as one more device. No tfjs; usable from a worker.
import { parseDeviceTable, type DeviceTable } from '../core/device-table';
import { DEVICE_INDEX_FILE, DEVICE_TABLES_DIR, pageUrl } from './asset-paths';
import { fetchJson } from './fetch-json';
import { BROWSER_DEVICE_ID, NO_BROWSER_TABLE, loadBrowserTable } from './browser-table';

/** Where the app fetches the tables from: './luts/'. */
export const DEVICE_TABLES_URL = pageUrl(DEVICE_TABLES_DIR);

export interface DeviceIndexEntry {
  id: string;
  name: string;
  file: string;
}

export async function loadDeviceIndex(baseUrl = DEVICE_TABLES_URL, fetchFn: typeof fetch = fetch): Promise<DeviceIndexEntry[]> {
  const json = await fetchJson(`${baseUrl}${DEVICE_INDEX_FILE}`, fetchFn);
  const devices = (json as { devices?: unknown }).devices;
  if (!Array.isArray(devices)) throw new Error(`${baseUrl}${DEVICE_INDEX_FILE} has no "devices" list`);
  const browser = await keptBrowserTable();
  return browser ? [...(devices as DeviceIndexEntry[]), { id: BROWSER_DEVICE_ID, name: browser.name, file: '' }] : (devices as DeviceIndexEntry[]);
}

/** The table measured in this browser, or null (none kept, or no IndexedDB here). */
async function keptBrowserTable(): Promise<DeviceTable | null> {
  try {
    return await loadBrowserTable();
  } catch {
    return null;
  }
}

export async function loadDeviceTable(entry: DeviceIndexEntry, baseUrl = DEVICE_TABLES_URL, fetchFn: typeof fetch = fetch): Promise<DeviceTable> {
  if (entry.id === BROWSER_DEVICE_ID) {
    const kept = await keptBrowserTable();
    if (!kept) throw new Error(NO_BROWSER_TABLE);
    return kept;
  }
  return parseDeviceTable(await fetchJson(`${baseUrl}${entry.file}`, fetchFn));
}
