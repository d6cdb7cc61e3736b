// One searched multimodal network part by part, for the architecture diagram: each
// backbone as the supernet builds it (stem, block 0, the four elastic blocks — those past the
// depth d inactive —, head) with the backbone features the fusion may read (I0–I3, A0–A3), the
// fusion cells with their inputs and each step's operator and operands, and every priced part's
// latency (ms) and energy (mJ) from the device table by the cost model, so the parts add up to
// the network's cost.
import type { ArchiveEntry } from './archive';
import type { DeviceTable } from '../device-table';
import type { Cost, FusionOp, Modality } from '../types';
import { STAGE_BLOCKS } from '../types';
import { backboneCost, fusionCost } from '../cost-model';
import { formatGenome } from '../genome';
import { formatFusionOps } from '../fusion-genotype';
import { cellInputName, reachableCells } from '../fusion-modalities';

export interface BackbonePart {
  /** Stable id, e.g. `image-stem`, `audio-block3`, `image-head`. */
  id: string;
  kind: 'stem' | 'block0' | 'stage' | 'head';
  /** "stem", "block 0", "block 1 · k5 e3", "head". */
  label: string;
  /** The layers it stands for (LUT descriptions). */
  detail: string;
  /** 1..4 for the elastic blocks. */
  block?: number;
  kernel?: number;
  expand?: number;
  /** False for an elastic block past the depth d (not built, not priced). */
  active: boolean;
  /** Null when inactive. */
  cost: Cost | null;
  /** The fusable feature this part outputs (I0..I3 / A0..A3), if any. */
  feature: string[];
}

export interface BackboneView {
  modality: Modality;
  genome: string;
  depth: number;
  parts: BackbonePart[];
  cost: Cost;
}

export interface FusionStep {
  id: string;
  op: FusionOp;
  /** Operand names: a cell input (I0, A3, C1) or an earlier step (s1 …). */
  operands: [string, string];
  cost: Cost;
}

export interface FusionCellView {
  /** "C1" (1-based, as in the tables). */
  name: string;
  inputs: [string, string];
  steps: FusionStep[];
  /** Whether the head reaches this cell (an unreached cell is still priced by the LUT). */
  reached: boolean;
}

export interface ArchView {
  id: number;
  image: BackboneView;
  audio: BackboneView;
  /** Fusion operators joined by ',' (as data-fusion on the table rows). */
  fusion: string;
  shape: { cells: number; nodes: number };
  cells: FusionCellView[];
  /** The cells the fusion head concatenates (the last two, or the only one). */
  headReads: string[];
  fusionCost: Cost;
  total: Cost;
}

const add = (a: Cost, b: Cost): Cost => ({ latencyMs: a.latencyMs + b.latencyMs, energyMj: a.energyMj + b.energyMj });
const ZERO: Cost = { latencyMs: 0, energyMj: 0 };
const PREFIX: Record<Modality, string> = { image: 'I', audio: 'A' };

function backboneView(table: DeviceTable, entry: ArchiveEntry, modality: Modality): BackboneView {
  const genome = entry[modality];
  const costed = backboneCost(table, genome, modality);
  const layers = costed.layers;
  const p = PREFIX[modality];
  const sumOf = (ls: typeof layers) => ls.reduce<Cost>((a, l) => add(a, l), ZERO);
  const parts: BackbonePart[] = [];
  const stem = layers.filter((l) => l.kind === 'stem');
  const block0 = layers.filter((l) => l.kind === 'block0');
  parts.push({ id: `${modality}-stem`, kind: 'stem', label: 'stem', detail: stem.map((l) => l.description).join('; '), active: true, cost: sumOf(stem), feature: [`${p}0`] });
  parts.push({ id: `${modality}-block0`, kind: 'block0', label: 'block 0', detail: block0.map((l) => l.description).join('; '), active: true, cost: sumOf(block0), feature: [`${p}1`] });
  for (let i = 0; i < STAGE_BLOCKS; i++) {
    const layer = layers.find((l) => l.kind === 'stage' && l.blockIndex === i);
    const active = i < genome.d;
    // I2 is the first elastic block's output (where the resolution halves), I3 the last active one's.
    const feature = [...(i === 0 ? [`${p}2`] : []), ...(i === genome.d - 1 ? [`${p}3`] : [])];
    parts.push({
      id: `${modality}-block${i + 1}`,
      kind: 'stage',
      label: active ? `block ${i + 1} · k${genome.ks[i]} e${genome.e[i]}` : `block ${i + 1} · inactive`,
      detail: layer ? layer.description : `past the depth d = ${genome.d}: not built, not priced`,
      block: i + 1,
      kernel: genome.ks[i],
      expand: genome.e[i],
      active,
      cost: layer ? sumOf([layer]) : null,
      feature,
    });
  }
  const head = layers.filter((l) => l.kind === 'head');
  parts.push({ id: `${modality}-head`, kind: 'head', label: 'head', detail: head.map((l) => l.description).join('; '), active: true, cost: sumOf(head), feature: [] });
  return { modality, genome: formatGenome(genome), depth: genome.d, parts, cost: { latencyMs: costed.latencyMs, energyMj: costed.energyMj } };
}

/** The network `entry` part by part, priced on `table` (throws MissingLayerError like the cost model). */
export function archView(entry: ArchiveEntry, table: DeviceTable): ArchView {
  const image = backboneView(table, entry, 'image');
  const audio = backboneView(table, entry, 'audio');
  const reached = reachableCells(entry.genotype);
  let fusion = ZERO;
  const cells = entry.genotype.cells.map((cell, c): FusionCellView => {
    const inputs = cell.inputs.map(cellInputName) as [string, string];
    const operand = (k: number) => (k < 2 ? inputs[k] : `s${k - 1}`);
    const steps = cell.ops.map((op, s): FusionStep => {
      const pair = cell.stepInputs?.[s] ?? (s === 0 ? [0, 1] : [s + 1, 1]);
      const cost = fusionCost(table, [op]);
      fusion = add(fusion, cost);
      return { id: `fusion-c${c + 1}-s${s + 1}`, op, operands: [operand(pair[0]), operand(pair[1])], cost: { latencyMs: cost.latencyMs, energyMj: cost.energyMj } };
    });
    return { name: `C${c + 1}`, inputs, steps, reached: reached.has(c) };
  });
  const n = cells.length;
  return {
    id: entry.id,
    image,
    audio,
    fusion: formatFusionOps(entry.fusionOps),
    shape: { cells: entry.macro.cells, nodes: entry.macro.nodes },
    cells,
    headReads: n >= 2 ? [cells[n - 2].name, cells[n - 1].name] : cells.map((c) => c.name),
    fusionCost: fusion,
    total: add(add(image.cost, audio.cost), fusion),
  };
}

/** Every priced part with its cost, in forward order (the diagram's table alternative). */
export function pricedParts(v: ArchView): { id: string; label: string; cost: Cost }[] {
  const backbone = (b: BackboneView) => b.parts.filter((p) => p.cost).map((p) => ({ id: p.id, label: `${b.modality} ${p.label}`, cost: p.cost! }));
  const steps = v.cells.flatMap((c) => c.steps.map((s, i) => ({ id: s.id, label: `${c.name} step ${i + 1} ${s.op}(${s.operands.join(', ')})`, cost: s.cost })));
  return [...backbone(v.image), ...backbone(v.audio), ...steps];
}
