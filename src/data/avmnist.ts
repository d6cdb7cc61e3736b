// Loader of the shipped demo dataset AV-MNIST (MNIST digits + FSDD spoken digits, as in
// Harmonic-NAS): fetches manifest.json and the three binaries, checks them and decodes them into
// typed arrays per split. No tfjs, no DOM — usable from a worker. The decoding itself is the pure
// function `decodeAvmnist`, testable in Node without fetch. Format: ./avmnist-format.ts.

import { DATASET_DIR, DATASET_MANIFEST_FILE, pageUrl } from './asset-paths';
import { crc32Hex } from './crc32';
import { AVMNIST_FILES, decodeQuantised, type AvmnistFileKey, type AvmnistManifest, type SplitSources } from './avmnist-format';
import { SPLITS, type SplitName } from './avmnist-pairing';

export interface AvmnistSplit {
  count: number;
  /** N × H × W × 1 image values in [−1, 1] (row-major, channel last). */
  images: Float32Array;
  /** N × bands × frames × 1 log-mel values in [−1, 1]. */
  audio: Float32Array;
  labels: Uint8Array;
  sources: SplitSources;
}

export interface Avmnist {
  manifest: AvmnistManifest;
  train: AvmnistSplit;
  val: AvmnistSplit;
  test: AvmnistSplit;
}

export type AvmnistBytes = Record<AvmnistFileKey, Uint8Array>;

/** Where the app fetches the dataset from: './data/avmnist/'. */
export const AVMNIST_URL = pageUrl(DATASET_DIR);

/** Checks that parsed JSON has what the loader relies on; throws naming the missing field. */
export function checkManifest(json: unknown, name = DATASET_MANIFEST_FILE): AvmnistManifest {
  const m = json as Partial<AvmnistManifest> | null;
  const need = (ok: unknown, what: string) => {
    if (!ok) throw new Error(`${name}: invalid AV-MNIST manifest (${what})`);
  };
  need(m && typeof m === 'object', 'not an object');
  need(m!.formatVersion === 1, `formatVersion ${String(m!.formatVersion)}, expected 1`);
  need(Number.isInteger(m!.classes) && m!.classes! > 0, 'classes');
  for (const s of SPLITS) {
    need(Number.isInteger(m!.splits?.[s]), `splits.${s}`);
    need(m!.offsets?.[s] && m!.offsets[s].count === m!.splits![s], `offsets.${s} does not match splits.${s}`);
    need(m!.sources?.[s]?.fsdd?.length === m!.splits![s], `sources.${s}`);
  }
  need(m!.modalities?.image?.shape?.length === 3 && m!.modalities?.audio?.shape?.length === 3, 'modalities shapes');
  for (const key of Object.keys(AVMNIST_FILES) as AvmnistFileKey[]) {
    need(m!.files?.[AVMNIST_FILES[key]], `files["${AVMNIST_FILES[key]}"]`);
  }
  return m as AvmnistManifest;
}

function sampleSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Verifies one binary against the manifest (length, then CRC-32); throws naming the file. */
export function checkFile(manifest: AvmnistManifest, key: AvmnistFileKey, bytes: Uint8Array): void {
  const file = AVMNIST_FILES[key];
  const entry = manifest.files[file];
  const total = SPLITS.reduce((n, s) => n + manifest.splits[s], 0);
  const per = sampleSize(entry.sampleShape);
  if (entry.bytes !== total * per) {
    throw new Error(`${file}: manifest says ${entry.bytes} bytes but ${total} samples × ${per} need ${total * per}`);
  }
  if (bytes.length !== entry.bytes) {
    throw new Error(`${file} is corrupt or truncated: ${bytes.length} bytes, expected ${entry.bytes}`);
  }
  const crc = crc32Hex(bytes);
  if (crc !== entry.crc32) throw new Error(`${file} is corrupt: CRC-32 ${crc}, expected ${entry.crc32}`);
}

function dequantise(bytes: Uint8Array, start: number, end: number): Float32Array {
  const lut = new Float32Array(256);
  for (let q = 0; q < 256; q++) lut[q] = decodeQuantised(q);
  const out = new Float32Array(end - start);
  for (let i = start; i < end; i++) out[i - start] = lut[bytes[i]];
  return out;
}

/** Decodes checked bytes into per-split typed arrays. Pure: no fetch, no DOM. */
export function decodeAvmnist(manifest: AvmnistManifest, bytes: AvmnistBytes): Avmnist {
  for (const key of Object.keys(AVMNIST_FILES) as AvmnistFileKey[]) checkFile(manifest, key, bytes[key]);
  const imgSize = sampleSize(manifest.modalities.image.shape);
  const audSize = sampleSize(manifest.modalities.audio.shape);
  const split = (s: SplitName): AvmnistSplit => {
    const { start, count } = manifest.offsets[s];
    const labels = bytes.labels.slice(start, start + count);
    const bad = labels.findIndex((l) => l >= manifest.classes);
    if (bad >= 0) throw new Error(`${AVMNIST_FILES.labels}: label ${labels[bad]} at ${s}[${bad}] is not below ${manifest.classes}`);
    return {
      count,
      images: dequantise(bytes.images, start * imgSize, (start + count) * imgSize),
      audio: dequantise(bytes.audio, start * audSize, (start + count) * audSize),
      labels,
      sources: manifest.sources[s],
    };
  };
  return { manifest, train: split('train'), val: split('val'), test: split('test') };
}

/** `base` with exactly one trailing slash, then `file`. */
export function joinUrl(base: string, file: string): string {
  return base.endsWith('/') ? base + file : `${base}/${file}`;
}

async function fetchBytes(url: string, file: string, fetchFn: typeof fetch): Promise<Response> {
  let res: Response;
  try {
    res = await fetchFn(url);
  } catch (e) {
    throw new Error(`AV-MNIST: could not fetch ${file} from ${url} (${(e as Error).message})`);
  }
  if (!res.ok) throw new Error(`AV-MNIST: ${file} is missing (HTTP ${res.status} for ${url})`);
  return res;
}

/**
 * Fetches and checks only the dataset's manifest at `baseUrl` (the folder holding it, e.g.
 * './data/avmnist/'): split sizes, classes, license, without the binaries.
 */
export async function loadAvmnistManifest(
  baseUrl: string = AVMNIST_URL,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): Promise<AvmnistManifest> {
  const file = DATASET_MANIFEST_FILE;
  const manifestRes = await fetchBytes(joinUrl(baseUrl, file), file, fetchFn);
  let json: unknown;
  try {
    json = await manifestRes.json();
  } catch (e) {
    throw new Error(`AV-MNIST: ${file} is not valid JSON (${(e as Error).message})`);
  }
  return checkManifest(json);
}

/**
 * Fetches and decodes the dataset at `baseUrl` (the folder holding manifest.json, e.g.
 * './data/avmnist/'). Rejects with an Error naming the file that is missing or corrupt.
 */
export async function loadAvmnist(
  baseUrl: string,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): Promise<Avmnist> {
  const manifest = await loadAvmnistManifest(baseUrl, fetchFn);
  const keys = Object.keys(AVMNIST_FILES) as AvmnistFileKey[];
  const buffers = await Promise.all(
    keys.map(async (key) => {
      const file = AVMNIST_FILES[key];
      const res = await fetchBytes(joinUrl(baseUrl, file), file, fetchFn);
      return new Uint8Array(await res.arrayBuffer());
    }),
  );
  const bytes = Object.fromEntries(keys.map((k, i) => [k, buffers[i]])) as AvmnistBytes;
  return decodeAvmnist(manifest, bytes);
}
