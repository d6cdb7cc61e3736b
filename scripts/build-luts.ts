// Builds the device cost tables public/luts/<device>.json (+ index.json) from the Harmonic-NAS
// reference LUTs (lut_ofa_mnist_<board>.json: backbone layers, string values;
// lut_fusion_<board>.json: fusion operators at C=192, L=16, number values), then the estimated
// tables of boards without measurements (Jetson Nano, Raspberry Pi 4) from the board model
// fitted on those two.
// Usage: npm run build-luts [-- <reference luts dir>]   (default scripts/reference-luts, the
// authors' tables copied byte for byte — see its SOURCE.md); anything else: one line, exit 2.
// Output is deterministic: sorted keys, 2-space JSON, trailing newline.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEVICE_INDEX_SCHEMA,
  DEVICE_TABLE_SCHEMA,
  parseDeviceIndex,
  parseDeviceTable,
  type DeviceIndex,
  type DeviceTable,
  type DeviceTableEntry,
} from '../src/core/device-table';
import { DEVICE_INDEX_FILE, DEVICE_TABLES_DIR, publicPath } from '../src/data/asset-paths';
import { isMainModule, runCli } from './cli-args';
import { BOARD_SPECS } from '../src/core/board-model/board-specs';
import { estimatedTable } from '../src/core/board-model/estimated-table';
import { TOOL_USAGE, parseBuildLutsArgs } from './tool-args';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_REFERENCE_DIR = join(REPO_ROOT, 'scripts/reference-luts');
export const OUTPUT_DIR = join(REPO_ROOT, publicPath(DEVICE_TABLES_DIR));

export const CITATION =
  'Ghebriout, Bouzidi, Niar, Ouarnoughi, "Harmonic-NAS: Hardware-Aware Multimodal Neural Architecture ' +
  'Search on Resource-constrained Devices", ACML 2023, PMLR 222:374-389, arXiv:2309.06612';
export const SOURCE_URL = 'https://github.com/Mohamed-Imed-Eddine/Harmonic-NAS/tree/1f664ee';

/** The boards of the reference LUTs: id, display name, file suffix in the reference. */
export const BOARDS = [
  { id: 'jetson-tx2', name: 'NVIDIA Jetson TX2', suffix: 'tx2' },
  { id: 'jetson-agx-xavier', name: 'NVIDIA Jetson AGX Xavier', suffix: 'agx' },
] as const;

/** Boards without measured tables, estimated by the board model (src/core/board-model/). */
export const ESTIMATED_BOARDS = ['jetson-nano', 'raspberry-pi-4'] as const;

type RawLut = Record<string, { lat: string | number; enrg: string | number }>;

function toNumber(v: string | number, where: string): number {
  const x = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(x) || x < 0 || (typeof v === 'string' && v.trim() === '')) {
    throw new Error(`${where}: not a non-negative number: ${JSON.stringify(v)}`);
  }
  return x;
}

function readLut(path: string): RawLut {
  return JSON.parse(readFileSync(path, 'utf8')) as RawLut;
}

/** JSON with object keys sorted at every level, 2-space indent, trailing newline. */
export function stableJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

/** Builds one board's table from the two raw reference LUTs. */
export function buildDeviceTable(board: (typeof BOARDS)[number], backbone: RawLut, fusion: RawLut): DeviceTable {
  const entries: Record<string, DeviceTableEntry> = {};
  for (const [file, lut] of [
    [`lut_ofa_mnist_${board.suffix}.json`, backbone],
    [`lut_fusion_${board.suffix}.json`, fusion],
  ] as const) {
    for (const [key, v] of Object.entries(lut)) {
      if (key in entries) throw new Error(`${file}: duplicate layer key ${key}`);
      entries[key] = {
        latencyMs: toNumber(v.lat, `${file} ${key} lat`),
        energyMj: toNumber(v.enrg, `${file} ${key} enrg`),
        status: 'measured',
      };
    }
  }
  return parseDeviceTable({
    schema: DEVICE_TABLE_SCHEMA,
    id: board.id,
    name: board.name,
    source: {
      citation: CITATION,
      url: SOURCE_URL,
      notes:
        `Per-layer latency (ms) and energy (mJ) at batch 1 measured on the board by the paper's authors: ` +
        `backbone layers from lut_ofa_mnist_${board.suffix}.json (AV-MNIST search space, 28×28 image and 20×20 audio inputs), ` +
        `fusion operators from lut_fusion_${board.suffix}.json (C = 192, L = 16), commit 1f664ee.`,
    },
    units: { latency: 'ms', energy: 'mJ' },
    entries,
  });
}

/** File name → content of every output file, built from the reference directory. */
export function buildLutFiles(referenceDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const index: DeviceIndex = { schema: DEVICE_INDEX_SCHEMA, devices: [] };
  for (const board of BOARDS) {
    const table = buildDeviceTable(
      board,
      readLut(join(referenceDir, `lut_ofa_mnist_${board.suffix}.json`)),
      readLut(join(referenceDir, `lut_fusion_${board.suffix}.json`)),
    );
    const file = `${board.id}.json`;
    files[file] = stableJson(table);
    index.devices.push({ id: board.id, name: board.name, file });
  }
  // boards without measurements: estimated from their published figures by the board model
  const measured = BOARDS.map((b) => ({ table: parseDeviceTable(JSON.parse(files[`${b.id}.json`])), spec: BOARD_SPECS[b.id] }));
  for (const id of ESTIMATED_BOARDS) {
    const table = estimatedTable(BOARD_SPECS[id], measured);
    files[`${id}.json`] = stableJson(table);
    index.devices.push({ id, name: table.name, file: `${id}.json` });
  }
  files[DEVICE_INDEX_FILE] = stableJson(parseDeviceIndex(index));
  return files;
}

function main(argv: string[]): void {
  const given = parseBuildLutsArgs(argv);
  const refDir = given ? resolve(given) : DEFAULT_REFERENCE_DIR;
  const files = buildLutFiles(refDir);
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(OUTPUT_DIR, name), content);
    console.log(`wrote ${publicPath(DEVICE_TABLES_DIR)}/${name}`);
  }
}

if (isMainModule(import.meta.url)) runCli('build-luts', main, { usage: TOOL_USAGE['build-luts'] });
