// Cost CLI: prices a multimodal network on a device from public/luts/<device>.json.
//   npm run --silent cost -- --device jetson-tx2 --image k5557e3643d2 --audio k3375e3336d2 --fusion ConcatFC,CatConvMish
// This file holds its flags and reads the tables; the report itself is src/core/cost-report.ts.
// Exit 0: one JSON object on stdout. Exit 2: a bad argument, one line on stderr saying what
// was wrong and what is allowed. Exit 1: a table is broken or missing.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NetworkSpec } from '../src/core/cost-model';
import { costReport } from '../src/core/cost-report';
import { parseDeviceIndex, parseDeviceTable, type DeviceTable } from '../src/core/device-table';
import { parseFusionOps } from '../src/core/fusion-genotype';
import { parseGenome } from '../src/core/genome';
import { FUSION_OPS } from '../src/core/types';
import { DEVICE_INDEX_FILE, DEVICE_TABLES_DIR, publicPath } from '../src/data/asset-paths';
import { defineFlags, isMainModule, oneOf, parseFlags, runCli, usageLine, type CliMain } from './cli-args';

const LUT_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), publicPath(DEVICE_TABLES_DIR));

export const DEFAULT_DEVICE = 'jetson-tx2';

export const COST_FLAGS = defineFlags({
  device: { type: 'string', default: DEFAULT_DEVICE, value: 'ID' },
  image: { type: 'parse', parse: parseGenome, required: true, value: 'GENOME' },
  audio: { type: 'parse', parse: parseGenome, required: true, value: 'GENOME' },
  fusion: { type: 'parse', parse: parseFusionOps, default: [], value: 'OP,OP,...' },
});

export const COST_USAGE =
  `${usageLine('cost', COST_FLAGS)}\n` +
  '  GENOME: k<4 kernels in 3,5,7>e<4 expands in 3,4,6>d<depth 2-4>, e.g. k5557e3643d2\n' +
  `  fusion ops (repeats allowed): ${FUSION_OPS.join(', ')}\n` +
  `  device defaults to ${DEFAULT_DEVICE}\n`;

export interface CostArgs extends NetworkSpec {
  device: string;
}

/** Parses argv (without node and script); `devices`: the ids that have a table. */
export function parseCostArgs(argv: readonly string[], devices: readonly string[]): CostArgs {
  const { values: a } = parseFlags(argv, COST_FLAGS);
  return { device: oneOf('--device', a.device, devices), image: a.image, audio: a.audio, fusionOps: a.fusion };
}

export interface CostCliEnv {
  /** Ids of the devices that have a table, e.g. ['jetson-tx2', 'jetson-agx-xavier']. */
  devices: readonly string[];
  /** Loads (and validates) the table of a listed device. */
  loadTable(id: string): DeviceTable;
}

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

/** The CLI's main over the devices of `env` (made when main runs): prints the report as JSON. */
export const costMain =
  (env: () => CostCliEnv): CliMain =>
  (argv, io) => {
    const e = env();
    const { device, ...network } = parseCostArgs(argv, e.devices);
    io.stdout(JSON.stringify(costReport(e.loadTable(device), network), null, 2) + '\n');
  };

if (isMainModule(import.meta.url)) runCli('cost', costMain(() => nodeCostEnv()), { usage: COST_USAGE });
