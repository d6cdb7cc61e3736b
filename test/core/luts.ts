// Test helper: the shipped device tables and the raw reference LUTs.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDeviceTable, type DeviceTable } from '../../src/core/device-table';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const REFERENCE_LUTS = resolve(REPO_ROOT, 'scripts/reference-luts');

export function shippedTable(id: 'jetson-tx2' | 'jetson-agx-xavier'): DeviceTable {
  return parseDeviceTable(readFileSync(resolve(REPO_ROOT, 'public/luts', `${id}.json`), 'utf8'));
}

export function referenceLut(file: string): Record<string, { lat: string | number; enrg: string | number }> {
  return JSON.parse(readFileSync(resolve(REFERENCE_LUTS, file), 'utf8'));
}
