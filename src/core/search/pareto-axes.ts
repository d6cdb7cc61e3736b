// What the live Pareto chart plots (outer tier; see docs/ARCHITECTURE.md): two axes chosen among validation
// accuracy (what the search selects on), test accuracy (information only), latency and energy
// (LUT sums); one point per archived network, flagged when on the run's front (computed by the
// search on validation accuracy + the run's objectives — never recomputed here); and the
// paper's three AV-MNIST models on a Jetson board.
import type { ArchiveEntry, SearchResult } from './archive';
import type { DeviceTable } from '../device-table';
import type { FusionOp } from '../types';
import { genomeKey, parseGenome } from '../genome';
import { formatFusionOps } from '../fusion-genotype';
import { networkCost } from '../cost-model';
import { PAPER_MODELS, type PaperModel } from '../paper-models';

export type AxisKey = 'valAccuracy' | 'testAccuracy' | 'latencyMs' | 'energyMj';

export interface AxisInfo {
  /** The <option> text. */
  option: string;
  /** The axis title in the chart. */
  title: string;
  kind: 'accuracy' | 'cost';
  /** Decimals shown in tooltips and the table. */
  digits: number;
}

export const AXES: Readonly<Record<AxisKey, AxisInfo>> = {
  valAccuracy: { option: 'validation accuracy (%)', title: 'validation accuracy (%)', kind: 'accuracy', digits: 2 },
  testAccuracy: { option: 'test accuracy (% — for information, never used to choose)', title: 'test accuracy (%, information only)', kind: 'accuracy', digits: 2 },
  latencyMs: { option: 'latency (ms)', title: 'latency (ms, LUT)', kind: 'cost', digits: 3 },
  energyMj: { option: 'energy (mJ)', title: 'energy (mJ, LUT)', kind: 'cost', digits: 3 },
};
export const AXIS_KEYS = Object.keys(AXES) as AxisKey[];

/**
 * The data attributes of a network, exactly as NetworkTable puts them on its rows, so a chart
 * point and its table row can be matched by any test or script.
 */
export function networkAttributes(e: ArchiveEntry): Record<string, string> {
  return {
    'data-id': String(e.id),
    'data-image': genomeKey(e.image),
    'data-audio': genomeKey(e.audio),
    'data-fusion': formatFusionOps(e.fusionOps),
    'data-accuracy': String(e.testAccuracy),
    'data-val-accuracy': String(e.valAccuracy),
    'data-latency-ms': String(e.latencyMs),
    'data-energy-mj': String(e.energyMj),
  };
}

export interface PlotPoint {
  id: number;
  x: number;
  y: number;
  onFront: boolean;
  entry: ArchiveEntry;
}

export function plotPoints(result: SearchResult, xKey: AxisKey, yKey: AxisKey): PlotPoint[] {
  const front = new Set(result.front.map((e) => e.id));
  return result.archive.map((e) => ({ id: e.id, x: e[xKey], y: e[yKey], onFront: front.has(e.id), entry: e }));
}

/** Short words for a network's figures (tooltips, aria-labels). */
export function networkWords(e: ArchiveEntry, onFront: boolean): string[] {
  return [
    `#${e.id}${onFront ? ' (on the front)' : ' (dominated)'} · ${e.macro.cells} × ${e.macro.nodes} fusion`,
    `image ${genomeKey(e.image)} · audio ${genomeKey(e.audio)}`,
    `fusion ${e.fusionOps.join(', ')}`,
    `${e.valAccuracy.toFixed(2)} % val · ${e.testAccuracy.toFixed(2)} % test (information only)`,
    `${e.latencyMs.toFixed(3)} ms · ${e.energyMj.toFixed(3)} mJ`,
  ];
}

export interface PaperFigures {
  id: PaperModel['id'];
  /** "paper: fastest (chosen on test)" etc. */
  label: string;
  /** The paper's test accuracy (%), selected on its test split. */
  testAccuracy: number;
  latencyMs: number;
  energyMj: number;
  /** Published (Jetson TX2), or priced here on another board's table with the reconstructed operators. */
  source: 'published' | 'priced';
}

const PAPER_WORDS: Record<PaperModel['id'], string> = { fastest: 'fastest', 'most-frugal': 'most frugal', 'most-accurate': 'most accurate' };

/** Whether the paper's AV-MNIST models belong on this board's chart (a Jetson board). */
export const isJetson = (deviceId: string) => deviceId.startsWith('jetson-');

/**
 * The paper's three models on `deviceId`: its published figures on the TX2 (the board it
 * reports); on another Jetson board the latency and energy of the same genomes and
 * reconstructed operators priced on that board's table (null until the table is there).
 */
export function paperFigures(deviceId: string, table: DeviceTable | null): PaperFigures[] | null {
  if (!isJetson(deviceId)) return null;
  const out: PaperFigures[] = [];
  for (const m of PAPER_MODELS) {
    const base = { id: m.id, label: `paper: ${PAPER_WORDS[m.id]} (chosen on test)`, testAccuracy: m.published.accuracyPct };
    if (deviceId === m.published.device) {
      out.push({ ...base, latencyMs: m.published.latencyMs, energyMj: m.published.energyMj, source: 'published' });
      continue;
    }
    if (!table || table.id !== deviceId) return null;
    const cost = networkCost(table, { image: parseGenome(m.image), audio: parseGenome(m.audio), fusionOps: m.fusionOps as FusionOp[] });
    out.push({ ...base, latencyMs: cost.latencyMs, energyMj: cost.energyMj, source: 'priced' });
  }
  return out;
}

/** A paper figure on an axis, or null where the paper gives none (it has no validation accuracy). */
export function paperValue(p: PaperFigures, key: AxisKey): number | null {
  return key === 'valAccuracy' ? null : p[key];
}
