// One device table by id, fetched once per page (index, then the table) and shared by the views
// that price networks on the main thread (the live Pareto chart's paper points on a board other
// than the paper's, the architecture diagram's per-part costs). The search worker loads its own.
import type { DeviceTable } from '../core/device-table';
import { DEVICE_TABLES_URL, loadDeviceIndex, loadDeviceTable } from './device-tables';
import { BROWSER_DEVICE_ID } from './browser-table';

const cache = new Map<string, Promise<DeviceTable>>();

/** The table of device `id` (rejects when the index has no such device or a fetch fails). */
export function deviceTableFor(id: string, baseUrl = DEVICE_TABLES_URL): Promise<DeviceTable> {
  const key = `${baseUrl}|${id}`;
  // the table measured in this browser can be re-measured: always read the kept one
  if (id === BROWSER_DEVICE_ID) cache.delete(key);
  let table = cache.get(key);
  if (!table) {
    table = loadDeviceIndex(baseUrl).then((devices) => {
      const entry = devices.find((d) => d.id === id);
      if (!entry) throw new Error(`no cost table for device "${id}" (known: ${devices.map((d) => d.id).join(', ')})`);
      return loadDeviceTable(entry, baseUrl);
    });
    table.catch(() => cache.delete(key)); // a failed fetch may be retried later
    cache.set(key, table);
  }
  return table;
}
