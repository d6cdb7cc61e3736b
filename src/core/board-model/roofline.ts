// The estimated-board model: a per-layer roofline with a launch term, fitted on the two
// measured Jetson tables and applied to boards we have no measurements of.
//
//   latency (ms) = a · kernels / CPU GHz  +  b · FLOPs / peak FLOP/s  +  c · bytes / bandwidth
//   energy (mJ)  = k · module power (W) · latency (ms)
//
// a (ms·GHz per kernel launch), b and c (1 / achieved share of the peak) and k (share of the
// module's power budget drawn while the layer runs) are the same for every board; a board enters
// only through its published figures (./board-specs.ts). They are fitted by least squares on
// relative error (the tables' entries span 0.05–1.7 ms), non-negative. The model's error is
// measured by leaving each measured board out: fit on the other, predict every entry and 200
// random whole networks of the left-out board.

import { layerWorkload, type LayerWorkload } from './layer-workload';
import type { BoardSpec } from './board-specs';
import type { DeviceTable } from '../device-table';
import { networkCost } from '../cost-model';
import { sampleGenome } from '../genome';
import { Rng } from '../rng';
import { FUSION_OPS } from '../types';

export interface RooflineCoefficients {
  /** ms · GHz per kernel launch. */
  launch: number;
  /** Multiplier of FLOPs / peak (1 = the peak is reached). */
  compute: number;
  /** Multiplier of bytes / bandwidth. */
  memory: number;
  /** Share of the module's power budget drawn while a layer runs. */
  powerShare: number;
}

export interface FitSample {
  workload: LayerWorkload;
  spec: BoardSpec;
  latencyMs: number;
  energyMj: number;
}

/** The three latency terms of one layer on one board, ms per unit coefficient. */
export function latencyTerms(w: LayerWorkload, spec: BoardSpec): [number, number, number] {
  return [w.kernels / spec.cpuGHz, w.flops / (spec.peakGflops * 1e6), w.bytes / (spec.memoryGBs * 1e6)];
}

export function predictLatencyMs(w: LayerWorkload, spec: BoardSpec, c: RooflineCoefficients): number {
  const [l, f, m] = latencyTerms(w, spec);
  return c.launch * l + c.compute * f + c.memory * m;
}

export function predictEnergyMj(latencyMs: number, spec: BoardSpec, c: RooflineCoefficients): number {
  return c.powerShare * spec.powerW * latencyMs;
}

/** Solves the (small, symmetric) system A x = y by Gaussian elimination; null when singular. */
function solve(a: number[][], y: number[]): number[] | null {
  const n = y.length;
  const m = a.map((row, i) => [...row, y[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let k = col; k <= n; k++) m[r][k] -= f * m[col][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/**
 * Non-negative least squares on relative error, Σ ((x·t − y) / y)², for three terms: every
 * subset of terms is solved unconstrained and the best one with no negative coefficient wins.
 */
export function fitLatency(rows: { terms: [number, number, number]; y: number }[]): [number, number, number] {
  let best: { x: [number, number, number]; loss: number } | null = null;
  for (let mask = 1; mask < 8; mask++) {
    const idx = [0, 1, 2].filter((i) => mask & (1 << i));
    const ata = idx.map((i) => idx.map((j) => rows.reduce((s, r) => s + (r.terms[i] * r.terms[j]) / (r.y * r.y), 0)));
    const aty = idx.map((i) => rows.reduce((s, r) => s + r.terms[i] / r.y, 0));
    const sol = solve(ata, aty);
    if (!sol || sol.some((v) => v < 0)) continue;
    const x: [number, number, number] = [0, 0, 0];
    idx.forEach((i, k) => (x[i] = sol[k]));
    const loss = rows.reduce((s, r) => s + ((r.terms[0] * x[0] + r.terms[1] * x[1] + r.terms[2] * x[2] - r.y) / r.y) ** 2, 0);
    if (!best || loss < best.loss) best = { x, loss };
  }
  if (!best) throw new Error('the latency model could not be fitted');
  return best.x;
}

export function fitRoofline(samples: readonly FitSample[]): RooflineCoefficients {
  if (samples.length === 0) throw new Error('no samples to fit');
  const [launch, compute, memory] = fitLatency(samples.map((s) => ({ terms: latencyTerms(s.workload, s.spec), y: s.latencyMs })));
  // k minimises Σ ((k · P · t − E) / E)² over the measured latencies t
  const a = samples.map((s) => s.spec.powerW * s.latencyMs);
  const powerShare = samples.reduce((n, s, i) => n + a[i] / s.energyMj, 0) / samples.reduce((n, s, i) => n + (a[i] / s.energyMj) ** 2, 0);
  return { launch, compute, memory, powerShare };
}

export function samplesOf(table: DeviceTable, spec: BoardSpec): FitSample[] {
  return Object.entries(table.entries).map(([key, e]) => ({ workload: layerWorkload(key), spec, latencyMs: e.latencyMs, energyMj: e.energyMj }));
}

/** A device table of the board with every entry of `keys` estimated by the model. */
export function estimatedEntries(keys: readonly string[], spec: BoardSpec, c: RooflineCoefficients): DeviceTable['entries'] {
  const out: DeviceTable['entries'] = {};
  for (const key of keys) {
    const latencyMs = predictLatencyMs(layerWorkload(key), spec, c);
    out[key] = { latencyMs, energyMj: predictEnergyMj(latencyMs, spec, c), status: 'estimated' };
  }
  return out;
}

/** Mean absolute percentage error, %. */
export function mape(pairs: readonly { predicted: number; actual: number }[]): number {
  return (100 * pairs.reduce((s, p) => s + Math.abs(p.predicted - p.actual) / p.actual, 0)) / pairs.length;
}

export interface BoardError {
  /** The left-out board. */
  board: string;
  fittedOn: string[];
  /** MAPE (%) over the board's table entries. */
  entryLatencyMape: number;
  entryEnergyMape: number;
  /** MAPE (%) over random whole networks (both backbones + 1–8 fusion operators). */
  networkLatencyMape: number;
  networkEnergyMape: number;
  networks: number;
}

/** MAPE of `predicted` against `actual` over the entries and over `networks` seeded random networks. */
export function tableError(predicted: DeviceTable, actual: DeviceTable, networks = 200, seed = 1): Omit<BoardError, 'board' | 'fittedOn'> {
  const keys = Object.keys(actual.entries);
  const rng = new Rng(seed);
  const nets = Array.from({ length: networks }, () => ({
    image: sampleGenome(rng),
    audio: sampleGenome(rng),
    fusionOps: Array.from({ length: 1 + rng.int(8) }, () => rng.pick(FUSION_OPS)),
  }));
  const costs = nets.map((n) => ({ p: networkCost(predicted, n), a: networkCost(actual, n) }));
  return {
    entryLatencyMape: mape(keys.map((k) => ({ predicted: predicted.entries[k].latencyMs, actual: actual.entries[k].latencyMs }))),
    entryEnergyMape: mape(keys.map((k) => ({ predicted: predicted.entries[k].energyMj, actual: actual.entries[k].energyMj }))),
    networkLatencyMape: mape(costs.map((c) => ({ predicted: c.p.latencyMs, actual: c.a.latencyMs }))),
    networkEnergyMape: mape(costs.map((c) => ({ predicted: c.p.energyMj, actual: c.a.energyMj }))),
    networks,
  };
}

/** Leave-one-board-out: for each measured board, fit on the others and measure the error on it. */
export function leaveOneBoardOut(measured: readonly { table: DeviceTable; spec: BoardSpec }[]): BoardError[] {
  return measured.map((out) => {
    const rest = measured.filter((m) => m !== out);
    const c = fitRoofline(rest.flatMap((m) => samplesOf(m.table, m.spec)));
    const predicted: DeviceTable = { ...out.table, entries: estimatedEntries(Object.keys(out.table.entries), out.spec, c) };
    return { board: out.spec.id, fittedOn: rest.map((m) => m.spec.id), ...tableError(predicted, out.table) };
  });
}
