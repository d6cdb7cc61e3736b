// What the live inner-search view draws, derived from one InnerSearchView of the run (pure
// functions, no DOM): its label, the loss series of the DARTS search and of the candidates'
// retraining, the α and γ heat-map rows of one search epoch, and the genotype each search epoch
// discretises to, with what changed since the epoch before.
import type { HeatmapData, HeatRow } from '../../../charts/arch-heatmap';
import type { LegendItem, LossChartData } from '../../../charts/loss-curves';
import { cellInputName } from '../../../core/fusion-modalities';
import { genomeKey } from '../../../core/genome';
import type { InnerSearchView } from '../../../core/search/run-view';
import type { FusionSearchEpoch } from '../../../core/search-events';
import { FUSION_OPS, type FusionCellGenotype, type FusionGenotype } from '../../../core/types';

/** E.g. "generation 1, pair 2 of 2: k5733e3333d2 + k3333e6433d2, 2×4" (generation and pair 1-based). */
export function innerLabel(s: InnerSearchView): string {
  const c = s.context;
  return `generation ${c.generation + 1}, pair ${c.pair + 1} of ${c.pairs}: ${genomeKey(c.image)} + ${genomeKey(c.audio)}, ${c.macro.cells}×${c.macro.nodes}`;
}

/** In words, how far the inner search has got. */
export function innerState(s: InnerSearchView): string {
  if (s.cached) return 'reused from the cache';
  if (s.candidates) return 'done';
  if (s.retrain.length > 0) return 'retraining candidates';
  return s.search.length > 0 ? 'searching' : 'starting';
}

/** For a cached inner search: the earlier one of the same pair and macro whose result it reused. */
export function cachedSource(list: readonly InnerSearchView[], at: number): number | null {
  const s = list[at];
  const same = (o: InnerSearchView) =>
    genomeKey(o.context.image) === genomeKey(s.context.image) &&
    genomeKey(o.context.audio) === genomeKey(s.context.audio) &&
    o.context.macro.cells === s.context.macro.cells &&
    o.context.macro.nodes === s.context.macro.nodes;
  for (let i = at - 1; i >= 0; i--) if (!list[i].cached && same(list[i])) return i;
  return null;
}

export const SEARCH_LEGEND: Record<'trainLoss' | 'archLoss' | 'archSplitObjective', LegendItem> = {
  trainLoss: { label: 'train loss (weights, train split)', colorVar: '--chart-image', dashed: true },
  archLoss: { label: 'architecture loss (val. batches, CE + hardware)', colorVar: '--chart-audio' },
  archSplitObjective: { label: 'val. objective (eval mode)', colorVar: '--chart-fusion' },
};

export function searchLossChart(s: InnerSearchView): LossChartData {
  const keys = ['trainLoss', 'archLoss', 'archSplitObjective'] as const;
  return {
    epochs: s.search[0]?.epochs ?? 1,
    yLabel: 'loss (nats)',
    series: keys.map((k) => ({ key: k, ...SEARCH_LEGEND[k], points: s.search.map((e) => ({ epoch: e.epoch, value: e[k] })) })),
  };
}

/** One colour per candidate (at most six are retrained). */
export const CANDIDATE_COLOURS = ['--chart-image', '--chart-audio', '--chart-fusion', '--accent', '--warn', '--good'];
export const candidateColour = (k: number) => CANDIDATE_COLOURS[(k - 1) % CANDIDATE_COLOURS.length];

/** Retraining epochs grouped by 1-based candidate. */
export function retrainByCandidate(s: InnerSearchView): Map<number, InnerSearchView['retrain']> {
  const by = new Map<number, InnerSearchView['retrain']>();
  for (const e of s.retrain) by.set(e.candidate, [...(by.get(e.candidate) ?? []), e]);
  return by;
}

export function retrainLossChart(s: InnerSearchView): LossChartData {
  const by = retrainByCandidate(s);
  const kept = s.candidates?.findIndex((c) => c.kept) ?? -1;
  const legend: LegendItem[] = [...by.keys()].map((k) => ({ label: `candidate ${k}${k - 1 === kept ? ' (kept)' : ''}`, colorVar: candidateColour(k) }));
  legend.push({ label: 'val. CE', colorVar: '--muted' }, { label: 'train loss', colorVar: '--muted', dashed: true });
  return {
    epochs: s.retrain[0]?.epochs ?? 1,
    yLabel: 'cross-entropy (nats)',
    legend,
    series: [...by].flatMap(([k, es]) => [
      { key: `c${k}-val`, label: `candidate ${k} val. CE`, colorVar: candidateColour(k), points: es.map((e) => ({ epoch: e.epoch, value: e.valCrossEntropy })) },
      { key: `c${k}-train`, label: `candidate ${k} train loss`, colorVar: candidateColour(k), dashed: true, points: es.map((e) => ({ epoch: e.epoch, value: e.trainLoss })) },
    ]),
  };
}

/** Names of the candidate features of cell `c` (0-based): I0–I3, A0–A3, then C1..Cc. */
export const alphaColumns = (c: number) => Array.from({ length: 8 + c }, (_, i) => cellInputName(i));

/** How the heat maps colour a weight: as is, or relative to its row's uniform share (1 = 1/K). */
export type HeatScale = 'relative' | 'weight';

const shade = (values: number[], scale: HeatScale) => (scale === 'relative' ? values.map((v) => v * values.length) : values);

function heatmapOf(search: readonly FusionSearchEpoch[], rowsOf: (e: FusionSearchEpoch) => HeatRow[], columns: string[], scale: HeatScale, epoch: FusionSearchEpoch | undefined): HeatmapData {
  const all = search.flatMap((e) => rowsOf(e).flatMap((r) => shade(r.values, scale)));
  const rows = epoch ? rowsOf(epoch).map((r) => ({ ...r, shades: shade(r.values, scale) })) : [];
  return { columns, rows, domain: all.length > 0 ? [Math.min(...all), Math.max(...all)] : [0, 1], scaleLabel: scale === 'relative' ? '× uniform' : 'weight' };
}

const alphaRows = (e: FusionSearchEpoch): HeatRow[] => e.alphas.flatMap((slots, c) => slots.map((values, s) => ({ label: `cell ${c + 1}, input ${s + 1}`, group: c, values })));
const gammaRows = (e: FusionSearchEpoch): HeatRow[] => e.gammas.flatMap((nodes, c) => nodes.map((values, n) => ({ label: `cell ${c + 1}, node ${n + 1}`, group: c, values })));

/** α of one epoch: a row per cell input slot; the colour domain spans every epoch of the search. */
export function alphaHeatmap(search: readonly FusionSearchEpoch[], epoch: FusionSearchEpoch | undefined, scale: HeatScale = 'relative'): HeatmapData {
  return heatmapOf(search, alphaRows, alphaColumns(Math.max(0, (epoch?.alphas.length ?? 1) - 1)), scale, epoch);
}

/** γ of one epoch: a row per cell node, a column per operator (FUSION_OPS order). */
export function gammaHeatmap(search: readonly FusionSearchEpoch[], epoch: FusionSearchEpoch | undefined, scale: HeatScale = 'relative'): HeatmapData {
  return heatmapOf(search, gammaRows, [...FUSION_OPS], scale, epoch);
}

/** E.g. "cell 1 reads I2 + A1 → LinearGLU". */
export function cellWords(cell: FusionCellGenotype, c: number): string {
  return `cell ${c + 1} reads ${cell.inputs.map(cellInputName).join(' + ')} → ${cell.ops.join(', ')}`;
}

/** Each node step with its operands, e.g. "SE1(C3, C2)"; operand s1 is the output of step 1. */
export function cellOperands(cell: FusionCellGenotype): string {
  const name = (k: number) => (k < 2 ? cellInputName(cell.inputs[k]) : `s${k - 1}`);
  return cell.ops
    .map((op, t) => {
      const [a, b] = cell.stepInputs?.[t] ?? (t === 0 ? [0, 1] : [t + 1, 1]);
      return `${op}(${name(a)}, ${name(b)})`;
    })
    .join(', ');
}

export interface GenotypeLine {
  epoch: number;
  /** Per cell: its words, its operands, and whether it differs from the epoch before (inputs, operators or operands). */
  cells: { text: string; operands: string; changed: boolean; operandsOnly: boolean }[];
  /** Whether any cell differs from the epoch before (false for the first epoch). */
  changed: boolean;
}

export function genotypeLines(search: readonly FusionSearchEpoch[]): GenotypeLine[] {
  return search.map((e, i) => {
    const prev: FusionGenotype | undefined = search[i - 1]?.genotype;
    const cells = e.genotype.cells.map((cell, c) => {
      const text = cellWords(cell, c);
      const operands = cellOperands(cell);
      const before = prev?.cells[c];
      const wordsChanged = prev !== undefined && (!before || cellWords(before, c) !== text);
      const operandsChanged = before !== undefined && cellOperands(before) !== operands;
      return { text, operands, changed: wordsChanged || operandsChanged, operandsOnly: !wordsChanged && operandsChanged };
    });
    return { epoch: e.epoch, cells, changed: cells.some((c) => c.changed) };
  });
}
