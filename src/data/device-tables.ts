// Loads the per-device cost tables (LUTs) shipped in public/luts/ — the index of devices and
// each table, validated by the core schema. No tfjs; usable from a worker.
import { parseDeviceTable, type DeviceTable } from '../core/device-table';
import { DEVICE_INDEX_FILE, DEVICE_TABLES_DIR, pageUrl } from './asset-paths';
import { fetchJson } from './fetch-json';

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
  return devices as DeviceIndexEntry[];
}

export async function loadDeviceTable(entry: DeviceIndexEntry, baseUrl = DEVICE_TABLES_URL, fetchFn: typeof fetch = fetch): Promise<DeviceTable> {
  return parseDeviceTable(await fetchJson(`${baseUrl}${entry.file}`, fetchFn));
}
