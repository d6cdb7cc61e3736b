// Cost CLI: prices a multimodal network on a device from public/luts/<device>.json.
//   npm run --silent cost -- --device jetson-tx2 --image k5557e3643d2 --audio k3375e3336d2 --fusion ConcatFC,CatConvMish
// The logic lives in src/core/cost-cli.ts; this file only reads the tables and does the I/O.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDeviceIndex, parseDeviceTable } from '../src/core/device-table';
import { runCostCli, type CostCliEnv } from '../src/core/cost-cli';
import { DEVICE_INDEX_FILE, DEVICE_TABLES_DIR, publicPath } from '../src/data/asset-paths';

const LUT_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), publicPath(DEVICE_TABLES_DIR));

/** Devices listed in public/luts/index.json, loaded from their files. */
export function nodeCostEnv(lutDir = LUT_DIR): CostCliEnv {
  const index = parseDeviceIndex(readFileSync(join(lutDir, DEVICE_INDEX_FILE), 'utf8'));
  return {
    devices: index.devices.map((d) => d.id),
    loadTable(id) {
      const entry = index.devices.find((d) => d.id === id);
      if (!entry) throw new Error(`no table for device "${id}"`);
      const table = parseDeviceTable(readFileSync(join(lutDir, entry.file), 'utf8'));
      if (table.id !== id) throw new Error(`${entry.file} holds device "${table.id}", expected "${id}"`);
      return table;
    },
  };
}

function main(): void {
  let result;
  try {
    result = runCostCli(process.argv.slice(2), nodeCostEnv());
  } catch (err) {
    result = { code: 1, stdout: '', stderr: `cost: ${(err as Error).message}\n` };
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
