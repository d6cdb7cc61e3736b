// Loads the per-device cost tables (LUTs) shipped in public/luts/ — the index of devices and
// each table, validated by the core schema. No tfjs; usable from a worker.
import { parseDeviceTable, type DeviceTable } from '../core/device-table';

export interface DeviceIndexEntry {
  id: string;
  name: string;
  file: string;
}

async function fetchJson(url: string, fetchFn: typeof fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (err) {
    throw new Error(`Could not fetch ${url}: ${(err as Error).message}`);
  }
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${url} is not valid JSON`);
  }
}

export async function loadDeviceIndex(baseUrl = './luts/', fetchFn: typeof fetch = fetch): Promise<DeviceIndexEntry[]> {
  const json = await fetchJson(`${baseUrl}index.json`, fetchFn);
  const devices = (json as { devices?: unknown }).devices;
  if (!Array.isArray(devices)) throw new Error(`${baseUrl}index.json has no "devices" list`);
  return devices as DeviceIndexEntry[];
}

export async function loadDeviceTable(entry: DeviceIndexEntry, baseUrl = './luts/', fetchFn: typeof fetch = fetch): Promise<DeviceTable> {
  return parseDeviceTable(await fetchJson(`${baseUrl}${entry.file}`, fetchFn));
}
