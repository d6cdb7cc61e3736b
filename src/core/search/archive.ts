// The archive of every multimodal network the search evaluated, its Pareto front on the chosen
// objectives, and the hypervolume indicator per generation. Shared by the
// evolutionary engine and the random-search baseline so their outputs compare directly.
//
// Hypervolume reference point (fixed for a run, so curves of runs on one device compare):
//   error 100 % (the worst possible), latency and energy = 1.1 × the largest cost any network of
//   the search space can have on the run's device table (costliest backbone of each modality,
//   + 4 cells × 4 nodes of the costliest operator; see costliestBackbone).
// Every network of the space lies strictly inside it, so no point is ever clipped. The
// normalised hypervolume divides by the box volume (ref products), giving a value in [0, 1).

import type { BackboneGenome, ExpandRatio, FusionGenotype, FusionMacro, FusionOp, KernelSize, Modality } from '../types';
import { CELL_CHOICES, DEPTH_CHOICES, EXPAND_CHOICES, FUSION_OPS, KERNEL_CHOICES, NODE_CHOICES } from '../types';
import type { DeviceTable } from '../device-table';
import { backboneCost, fusionCost, networkCost } from '../cost-model';
import { INACTIVE_EXPAND, INACTIVE_KERNEL, LARGEST_GENOME, formatGenome, canonicalGenome, genomeKey } from '../genome';
import { paretoFront } from '../pareto';
import { hypervolume } from '../hypervolume';
import { fusionOpsOf, validateFusionGenotype } from '../fusion-genotype';
import type { Objective, SearchSettings } from './settings';
import type { FusionResult, SelectionSplit } from './evaluator';
import { checkAccuracies, selectionAccuracy } from './evaluator';

/** One evaluated multimodal network. Accuracies in %, latency in ms, energy in mJ. */
export interface ArchiveEntry {
  /** Index in the archive (0-based, in evaluation order). */
  id: number;
  /** Generation in which it was first evaluated (0-based). */
  generation: number;
  /** Canonical genomes (genes of inactive blocks set to k3 e3). */
  image: BackboneGenome;
  audio: BackboneGenome;
  macro: FusionMacro;
  genotype: FusionGenotype;
  fusionOps: FusionOp[];
  /** Accuracy on the validation split, %. */
  valAccuracy: number;
  /** Accuracy on the test split, %: display and export only, unless `selectionSplit` is 'test'. */
  testAccuracy: number;
  /**
   * The split whose accuracy drove every choice: 'val', or 'test' in the opt-in paper-faithful
   * mode (the reference code's choice). Absent in checkpoints made before it existed: 'val'.
   */
  selectionSplit?: SelectionSplit;
  latencyMs: number;
  energyMj: number;
}

/** What one generation achieved (for the hypervolume curve and the progress view). */
export interface GenerationRecord {
  generation: number;
  /** Evaluator calls in this generation. */
  backboneEvaluations: number;
  fusionSearches: number;
  /** Pairs whose network was already in the archive (no new search). */
  cacheHits: number;
  archiveSize: number;
  frontSize: number;
  /** Hypervolume of the archive's front after this generation, in objective units. */
  hypervolume: number;
  /** Hypervolume divided by the reference box volume, in [0, 1). */
  hypervolumeNormalised: number;
  bestValAccuracy: number;
}

export interface HypervolumeReference {
  objectives: Objective[];
  /** The reference point, aligned with `objectives`. */
  point: number[];
  description: string;
}

export interface SearchResult {
  kind: 'evolution' | 'random';
  settings: SearchSettings;
  /** The dataset's name, where the run says it (absent: the demo set). */
  datasetName?: string;
  device: string;
  reference: HypervolumeReference;
  archive: ArchiveEntry[];
  /** The archive's non-dominated networks on the settings' objectives (ascending id). */
  front: ArchiveEntry[];
  history: GenerationRecord[];
  totals: { backboneEvaluations: number; fusionSearches: number; cacheHits: number };
}

/** Identity of a multimodal candidate before its fusion search: backbones + macro-shape. */
export function networkKey(image: BackboneGenome, audio: BackboneGenome, macro: FusionMacro): string {
  return `${genomeKey(image)}|${genomeKey(audio)}|c${macro.cells}n${macro.nodes}`;
}

/** The minimised objective vector of an entry: 100 − val accuracy (%), latency (ms), energy (mJ). */
/** The objectives of an entry; the error is 100 − the accuracy of its selection split. */
export function objectiveVector(e: Pick<ArchiveEntry, 'valAccuracy' | 'testAccuracy' | 'selectionSplit' | 'latencyMs' | 'energyMj'>, objectives: readonly Objective[]): number[] {
  return objectives.map((o) => (o === 'error' ? 100 - selectionAccuracy(e) : o === 'latency' ? e.latencyMs : e.energyMj));
}

/** The archive's non-dominated entries on `objectives` (ids ascending). */
export function archiveFront(archive: readonly ArchiveEntry[], objectives: readonly Objective[]): ArchiveEntry[] {
  return paretoFront(archive.map((e) => objectiveVector(e, objectives))).map((i) => archive[i]);
}

const referenceCache = new WeakMap<DeviceTable, { latencyMs: number; energyMj: number }>();

/**
 * The costliest (or, with 'min', the cheapest) backbone of `modality` on `table` per metric
 * (latency ms or energy mJ), with a genome that attains it. A block's LUT key depends only on its
 * own kernel, expand and position (the stage keeps its spatial size), so the extreme is: for each
 * depth, the fixed layers plus the extreme choice of each active block — 27 cost look-ups
 * instead of 7,371 subnets.
 */
export function costliestBackbone(table: DeviceTable, modality: Modality, metric: 'latencyMs' | 'energyMj', extreme: 'max' | 'min' = 'max'): { value: number; genome: BackboneGenome } {
  const better = (a: number, b: number) => (extreme === 'max' ? a > b : a < b);
  let best = { value: extreme === 'max' ? -Infinity : Infinity, genome: LARGEST_GENOME as BackboneGenome };
  for (const d of DEPTH_CHOICES) {
    const blockBest: { value: number; k: KernelSize; e: ExpandRatio }[] = [];
    let fixed = 0;
    for (const k of KERNEL_CHOICES) {
      for (const e of EXPAND_CHOICES) {
        const g: BackboneGenome = { ks: [k, k, k, k], e: [e, e, e, e], d };
        const layers = backboneCost(table, g, modality).layers;
        fixed = layers.filter((l) => l.kind !== 'stage').reduce((a, l) => a + l[metric], 0);
        for (const l of layers) {
          if (l.kind !== 'stage' || l.blockIndex === undefined) continue;
          const cur = blockBest[l.blockIndex];
          if (!cur || better(l[metric], cur.value)) blockBest[l.blockIndex] = { value: l[metric], k, e };
        }
      }
    }
    const value = fixed + blockBest.reduce((a, b) => a + b.value, 0);
    if (better(value, best.value)) {
      const ks = [0, 1, 2, 3].map((i) => blockBest[i]?.k ?? INACTIVE_KERNEL) as BackboneGenome['ks'];
      const e = [0, 1, 2, 3].map((i) => blockBest[i]?.e ?? INACTIVE_EXPAND) as BackboneGenome['e'];
      best = { value, genome: { ks, e, d } };
    }
  }
  return best;
}

/** The largest latency (ms) and energy (mJ) any network of the search space has on `table`. */
export function maxNetworkCost(table: DeviceTable): { latencyMs: number; energyMj: number } {
  const cached = referenceCache.get(table);
  if (cached) return cached;
  let latencyMs = 0;
  let energyMj = 0;
  for (const modality of ['image', 'audio'] as const) {
    latencyMs += costliestBackbone(table, modality, 'latencyMs').value;
    energyMj += costliestBackbone(table, modality, 'energyMj').value;
  }
  const steps = CELL_CHOICES[CELL_CHOICES.length - 1] * NODE_CHOICES[NODE_CHOICES.length - 1];
  let opLat = 0;
  let opEn = 0;
  for (const op of FUSION_OPS) {
    const c = fusionCost(table, [op]);
    opLat = Math.max(opLat, c.latencyMs);
    opEn = Math.max(opEn, c.energyMj);
  }
  const out = { latencyMs: latencyMs + steps * opLat, energyMj: energyMj + steps * opEn };
  referenceCache.set(table, out);
  return out;
}

export function hypervolumeReference(table: DeviceTable, objectives: readonly Objective[]): HypervolumeReference {
  const max = maxNetworkCost(table);
  const point = objectives.map((o) => (o === 'error' ? 100 : o === 'latency' ? 1.1 * max.latencyMs : 1.1 * max.energyMj));
  return {
    objectives: [...objectives],
    point,
    description:
      `error 100 %, latency/energy 1.1 × the costliest network of the space on ${table.id} ` +
      `(${max.latencyMs.toFixed(3)} ms, ${max.energyMj.toFixed(3)} mJ)`,
  };
}

/** Hypervolume of the archive's front, raw and normalised by the reference box. */
export function archiveHypervolume(archive: readonly ArchiveEntry[], ref: HypervolumeReference): { raw: number; normalised: number } {
  const points = archiveFront(archive, ref.objectives).map((e) => objectiveVector(e, ref.objectives));
  const raw = hypervolume(points, ref.point);
  const box = ref.point.reduce((a, b) => a * b, 1);
  return { raw, normalised: box > 0 ? raw / box : 0 };
}

/** Builds the archive entry of a finished fusion search, pricing it with the device table. */
export function makeEntry(
  table: DeviceTable,
  id: number,
  generation: number,
  image: BackboneGenome,
  audio: BackboneGenome,
  macro: FusionMacro,
  result: FusionResult,
): ArchiveEntry {
  const what = `fusion search of ${formatGenome(image)} + ${formatGenome(audio)} (${macro.cells}×${macro.nodes})`;
  const acc = checkAccuracies(what, result);
  const genotype = validateFusionGenotype(result.genotype, macro);
  const fusionOps = fusionOpsOf(genotype);
  if (result.fusionOps && result.fusionOps.join(',') !== fusionOps.join(',')) {
    throw new Error(`${what}: fusionOps ${result.fusionOps.join(',')} do not match the genotype's ${fusionOps.join(',')}`);
  }
  const cost = networkCost(table, { image, audio, fusionOps });
  return {
    id,
    generation,
    image: canonicalGenome(image),
    audio: canonicalGenome(audio),
    macro: { cells: macro.cells, nodes: macro.nodes },
    genotype,
    fusionOps,
    valAccuracy: acc.valAccuracy,
    selectionSplit: acc.selectionSplit ?? 'val',
    testAccuracy: acc.testAccuracy,
    latencyMs: cost.latencyMs,
    energyMj: cost.energyMj,
  };
}

/** The record of one generation from the archive as it stands after it. */
export function generationRecord(
  generation: number,
  archive: readonly ArchiveEntry[],
  ref: HypervolumeReference,
  counts: { backboneEvaluations: number; fusionSearches: number; cacheHits: number },
): GenerationRecord {
  const hv = archiveHypervolume(archive, ref);
  return {
    generation,
    ...counts,
    archiveSize: archive.length,
    frontSize: archiveFront(archive, ref.objectives).length,
    hypervolume: hv.raw,
    hypervolumeNormalised: hv.normalised,
    bestValAccuracy: archive.reduce((m, e) => Math.max(m, selectionAccuracy(e)), 0),
  };
}
