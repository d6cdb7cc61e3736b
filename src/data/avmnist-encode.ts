// Build-side encoding of the demo dataset AV-MNIST: reading MNIST's IDX files, quantising values
// to uint8, choosing the listening clips and writing the manifest as stable JSON. Pure functions
// (no fs) so that scripts/build-avmnist.ts stays thin and this part is unit-tested.

import type { AvPair } from './avmnist-pairing';
import type { ClipEntry } from './avmnist-format';

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** Parses an IDX file of unsigned bytes (MNIST's format: magic 0x0000 08 nd, big-endian dims). */
export function parseIdx(bytes: Uint8Array, name = 'IDX file'): IdxArray {
  if (bytes.length < 4) throw new Error(`${name}: too short for an IDX header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(0) !== 0 || view.getUint8(2) !== 0x08) {
    throw new Error(`${name}: not an unsigned-byte IDX file (magic ${view.getUint32(0).toString(16)})`);
  }
  const nd = view.getUint8(3);
  const header = 4 + 4 * nd;
  if (bytes.length < header) throw new Error(`${name}: truncated header`);
  const dims: number[] = [];
  for (let i = 0; i < nd; i++) dims.push(view.getUint32(4 + 4 * i));
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== header + size) {
    throw new Error(`${name}: ${bytes.length - header} data bytes, dims ${dims.join('×')} need ${size}`);
  }
  return { dims, data: bytes.subarray(header) };
}

/** [0, 1] floats → uint8 q = round(255 · u), clamped. */
export function quantiseUnit(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(255 * Math.min(1, Math.max(0, values[i])));
  return out;
}

/**
 * Picks `perDigit` test samples per digit for the listening clips: in split order, the first
 * sample of each digit, then the next ones whose speaker differs from those already picked
 * (falling back to any speaker). Sorted by digit.
 */
export function chooseClips(test: readonly AvPair[], perDigit: number, classes = 10): ClipEntry[] {
  const out: ClipEntry[] = [];
  const speakerOf = (p: AvPair) => p.fsdd.split('_')[1];
  for (let c = 0; c < classes; c++) {
    const mine = test.map((p, i) => ({ p, i })).filter(({ p }) => p.label === c);
    const picked: typeof mine = [];
    for (const cand of mine) {
      if (picked.length >= perDigit) break;
      if (!picked.some((q) => speakerOf(q.p) === speakerOf(cand.p))) picked.push(cand);
    }
    for (const cand of mine) {
      if (picked.length >= perDigit) break;
      if (!picked.includes(cand)) picked.push(cand);
    }
    picked.sort((a, b) => a.i - b.i);
    for (const { p, i } of picked) out.push({ file: `clips/${p.fsdd}`, label: c, split: 'test', sample: i });
  }
  return out;
}

/**
 * JSON with 2-space indentation, except that arrays of numbers / strings / booleans are written
 * on one line (keeps the per-sample source lists compact). Key order is insertion order, so the
 * same object always gives the same text.
 */
export function stableJson(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    if (s === undefined) throw new Error(`stableJson: cannot encode ${String(value)}`);
    return s;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => stableJson(v)).join(',')}]`;
    return `[\n${value.map((v) => inner + stableJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stableJson(v, inner)}`).join(',\n')}\n${indent}}`;
}
