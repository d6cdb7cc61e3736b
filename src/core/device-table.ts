// Device cost tables (see docs/ARCHITECTURE.md, 'Hardware cost'): per-layer latency (ms) and
// energy (mJ) at batch 1 on one board, keyed by the layer-key grammar of the reference LUTs,
// with the table's source and whether each entry was measured or estimated.

export const DEVICE_TABLE_SCHEMA = 'harmonic-nas-device-table/1';
export const DEVICE_INDEX_SCHEMA = 'harmonic-nas-device-index/1';

export type EntryStatus = 'measured' | 'estimated';

export interface DeviceTableEntry {
  /** Latency of the layer at batch 1, ms. */
  latencyMs: number;
  /** Energy of the layer at batch 1, mJ. */
  energyMj: number;
  status: EntryStatus;
}

export interface DeviceTableSource {
  citation: string;
  url?: string;
  notes?: string;
}

/** How an estimated table was made (src/core/board-model/): the model, its inputs and its measured error. */
export interface TableEstimate {
  /** The model in words. */
  model: string;
  /** The board's published figures the model read. */
  spec: { processor: string; peakGflops: number; memoryGBs: number; cpuGHz: number; powerW: number; sources: string[] };
  coefficients: { launch: number; compute: number; memory: number; powerShare: number };
  /** Measured tables the coefficients were fitted on. */
  fittedOn: string[];
  /** MAPE (%) of the model on the tables it was fitted on, per board. */
  fitError: { board: string; entryLatencyMape: number; entryEnergyMape: number; networkLatencyMape: number; networkEnergyMape: number; networks: number }[];
  /** MAPE (%) predicting each measured board from the other (leave one board out). */
  leaveOneBoardOut: { board: string; fittedOn: string[]; entryLatencyMape: number; entryEnergyMape: number; networkLatencyMape: number; networkEnergyMape: number; networks: number }[];
}

export interface DeviceTable {
  schema: typeof DEVICE_TABLE_SCHEMA;
  /** Stable id used in URLs and the CLI, e.g. `jetson-tx2`. */
  id: string;
  /** Display name, e.g. `NVIDIA Jetson TX2`. */
  name: string;
  source: DeviceTableSource;
  units: { latency: 'ms'; energy: 'mJ' };
  entries: Record<string, DeviceTableEntry>;
  /** Present on tables estimated by a model rather than measured on the board. */
  estimate?: TableEstimate;
  /**
   * True on tables without energy (measured in a browser, which cannot read power): every entry's
   * energyMj is 0 and means nothing; searches on them use the error and latency objectives only.
   */
  energyUnknown?: boolean;
}

/** `public/luts/index.json`: the devices offered, with the file of each table. */
export interface DeviceIndex {
  schema: typeof DEVICE_INDEX_SCHEMA;
  devices: { id: string; name: string; file: string }[];
}

export class DeviceTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceTableError';
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function nonEmptyString(x: unknown, where: string): string {
  if (typeof x !== 'string' || x.trim() === '') throw new DeviceTableError(`${where} must be a non-empty string`);
  return x;
}

function nonNegative(x: unknown, where: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
    throw new DeviceTableError(`${where} must be a finite number ≥ 0, got ${JSON.stringify(x)}`);
  }
  return x;
}

/** Validates a device table (parsed JSON or its text); returns a clean copy. */
export function parseDeviceTable(json: unknown): DeviceTable {
  let raw = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch (err) {
      throw new DeviceTableError(`device table is not valid JSON: ${(err as Error).message}`);
    }
  }
  if (!isObject(raw)) throw new DeviceTableError('device table must be a JSON object');
  if (raw.schema !== DEVICE_TABLE_SCHEMA) {
    throw new DeviceTableError(`device table schema ${JSON.stringify(raw.schema)}: expected "${DEVICE_TABLE_SCHEMA}"`);
  }
  const id = nonEmptyString(raw.id, 'device table id');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new DeviceTableError(`device table id "${id}": use lowercase letters, digits and dashes`);
  const name = nonEmptyString(raw.name, `device table "${id}" name`);
  if (!isObject(raw.source)) throw new DeviceTableError(`device table "${id}" source must be an object {citation, url?, notes?}`);
  const source: DeviceTableSource = { citation: nonEmptyString(raw.source.citation, `device table "${id}" source.citation`) };
  if (raw.source.url !== undefined) source.url = nonEmptyString(raw.source.url, `device table "${id}" source.url`);
  if (raw.source.notes !== undefined) source.notes = nonEmptyString(raw.source.notes, `device table "${id}" source.notes`);
  if (!isObject(raw.units) || raw.units.latency !== 'ms' || raw.units.energy !== 'mJ') {
    throw new DeviceTableError(`device table "${id}" units must be {"latency": "ms", "energy": "mJ"}`);
  }
  if (!isObject(raw.entries)) throw new DeviceTableError(`device table "${id}" entries must be an object keyed by layer key`);
  const entries: Record<string, DeviceTableEntry> = {};
  for (const [key, e] of Object.entries(raw.entries)) {
    const where = `device table "${id}" entry "${key}"`;
    if (!isObject(e)) throw new DeviceTableError(`${where} must be an object {latencyMs, energyMj, status}`);
    if (e.status !== 'measured' && e.status !== 'estimated') {
      throw new DeviceTableError(`${where} status ${JSON.stringify(e.status)}: allowed "measured", "estimated"`);
    }
    entries[key] = {
      latencyMs: nonNegative(e.latencyMs, `${where} latencyMs`),
      energyMj: nonNegative(e.energyMj, `${where} energyMj`),
      status: e.status,
    };
  }
  if (Object.keys(entries).length === 0) throw new DeviceTableError(`device table "${id}" has no entries`);
  const table: DeviceTable = { schema: DEVICE_TABLE_SCHEMA, id, name, source, units: { latency: 'ms', energy: 'mJ' }, entries };
  if (raw.energyUnknown !== undefined) {
    if (raw.energyUnknown !== true) throw new DeviceTableError(`device table "${id}" energyUnknown must be true when present`);
    if (Object.values(entries).some((x) => x.energyMj !== 0)) throw new DeviceTableError(`device table "${id}" has no energy (energyUnknown), so every energyMj must be 0`);
    table.energyUnknown = true;
  }
  if (raw.estimate !== undefined) {
    const e = raw.estimate;
    if (!isObject(e) || typeof e.model !== 'string' || !Array.isArray(e.leaveOneBoardOut) || !Array.isArray(e.fitError) || !isObject(e.spec)) {
      throw new DeviceTableError(`device table "${id}" estimate must be {model, spec, coefficients, fittedOn, fitError, leaveOneBoardOut}`);
    }
    if (Object.values(entries).some((x) => x.status !== 'estimated')) throw new DeviceTableError(`device table "${id}" is estimated, so every entry must be "estimated"`);
    table.estimate = JSON.parse(JSON.stringify(e)) as TableEstimate;
  }
  return table;
}

/** Validates `public/luts/index.json`. */
export function parseDeviceIndex(json: unknown): DeviceIndex {
  const raw = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  if (!isObject(raw) || raw.schema !== DEVICE_INDEX_SCHEMA || !Array.isArray(raw.devices)) {
    throw new DeviceTableError(`device index must be {"schema": "${DEVICE_INDEX_SCHEMA}", "devices": [...]}`);
  }
  const devices = raw.devices.map((d, i) => {
    if (!isObject(d)) throw new DeviceTableError(`device index entry ${i} must be an object {id, name, file}`);
    return {
      id: nonEmptyString(d.id, `device index entry ${i} id`),
      name: nonEmptyString(d.name, `device index entry ${i} name`),
      file: nonEmptyString(d.file, `device index entry ${i} file`),
    };
  });
  return { schema: DEVICE_INDEX_SCHEMA, devices };
}
