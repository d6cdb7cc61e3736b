// Fusion side of the search space: the macro genes evolved by the outer
// tier (cells ∈ 1..4, nodes per cell ∈ 1..4) and the discrete fusion genotype found by the
// DARTS inner tier (which two inputs each cell fuses, which operator each node step uses).

import type { FusionCellGenotype, FusionGenotype, FusionMacro, FusionOp } from './types';
import { CELL_CHOICES, FUSION_OPS, NODE_CHOICES } from './types';
import type { Rng } from './rng';

/** A malformed fusion macro, operator list or genotype; the message names what is allowed. */
export class FusionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FusionError';
  }
}

/** Fusable backbone features: 0..3 from the image backbone, 4..7 from the audio backbone. */
export const FUSABLE_FEATURES = 8;

const list = (xs: readonly (string | number)[]) => xs.join(', ');

// ---------------------------------------------------------------- macro genes

export function validateFusionMacro(m: unknown): FusionMacro {
  if (typeof m !== 'object' || m === null) throw new FusionError(`fusion macro must be an object {cells, nodes}`);
  const { cells, nodes } = m as Record<string, unknown>;
  if (!(CELL_CHOICES as readonly unknown[]).includes(cells)) {
    throw new FusionError(`fusion cells ${JSON.stringify(cells)}: allowed ${list(CELL_CHOICES)}`);
  }
  if (!(NODE_CHOICES as readonly unknown[]).includes(nodes)) {
    throw new FusionError(`fusion nodes per cell ${JSON.stringify(nodes)}: allowed ${list(NODE_CHOICES)}`);
  }
  return { cells: cells as number, nodes: nodes as number };
}

export function sampleFusionMacro(rng: Rng): FusionMacro {
  return { cells: rng.pick(CELL_CHOICES), nodes: rng.pick(NODE_CHOICES) };
}

function redrawDifferent(rng: Rng, choices: readonly number[], current: number): number {
  return rng.pick(choices.filter((c) => c !== current));
}

/** Each gene, with probability p, re-drawn to a different allowed value. */
export function mutateFusionMacro(m: FusionMacro, rng: Rng, p: number): FusionMacro {
  const cells = rng.bool(p) ? redrawDifferent(rng, CELL_CHOICES, m.cells) : m.cells;
  const nodes = rng.bool(p) ? redrawDifferent(rng, NODE_CHOICES, m.nodes) : m.nodes;
  return { cells, nodes };
}

/** Uniform crossover: each gene from parent `a` with probability p, else from `b`. */
export function crossoverFusionMacros(a: FusionMacro, b: FusionMacro, rng: Rng, p: number): FusionMacro {
  return { cells: rng.bool(p) ? a.cells : b.cells, nodes: rng.bool(p) ? a.nodes : b.nodes };
}

// ---------------------------------------------------------------- operator lists

export function isFusionOp(name: string): name is FusionOp {
  return (FUSION_OPS as readonly string[]).includes(name);
}

/** Parses a comma-separated operator list, e.g. `ConcatFC,CatConvMish`; empty → []. Repeats allowed. */
export function parseFusionOps(text: string): FusionOp[] {
  const src = String(text).trim();
  if (src === '') return [];
  return src.split(',').map((raw) => {
    const name = raw.trim();
    if (!isFusionOp(name)) {
      const shown = name === '' ? 'empty operator name' : `unknown fusion operator "${name}"`;
      throw new FusionError(`${shown} in "${src}": allowed ${list(FUSION_OPS)}`);
    }
    return name;
  });
}

export function formatFusionOps(ops: readonly FusionOp[]): string {
  return ops.join(',');
}

// ---------------------------------------------------------------- genotype

/**
 * Checks an untrusted value is a fusion genotype. Cell i may fuse the 8 backbone features
 * (0..7) or the outputs of earlier cells (8 .. 8+i-1). With `macro`, the shape must match it.
 */
export function validateFusionGenotype(g: unknown, macro?: FusionMacro): FusionGenotype {
  if (typeof g !== 'object' || g === null || !Array.isArray((g as { cells?: unknown }).cells)) {
    throw new FusionError('fusion genotype must be an object {cells: [{inputs: [a, b], ops: [...]}, ...]}');
  }
  const cellsIn = (g as { cells: unknown[] }).cells;
  if (cellsIn.length < 1 || cellsIn.length > CELL_CHOICES[CELL_CHOICES.length - 1]) {
    throw new FusionError(`fusion genotype has ${cellsIn.length} cells: allowed ${list(CELL_CHOICES)}`);
  }
  if (macro && cellsIn.length !== macro.cells) {
    throw new FusionError(`fusion genotype has ${cellsIn.length} cells but its macro says ${macro.cells}`);
  }
  const cells = cellsIn.map((c, i): FusionCellGenotype => {
    const where = `cell ${i + 1}`;
    if (typeof c !== 'object' || c === null) throw new FusionError(`${where} must be an object {inputs, ops}`);
    const { inputs, ops, stepInputs } = c as Record<string, unknown>;
    const maxInput = FUSABLE_FEATURES + i - 1;
    if (!Array.isArray(inputs) || inputs.length !== 2) {
      throw new FusionError(`${where}: inputs must be two indices in 0..${maxInput}`);
    }
    for (const x of inputs) {
      if (!Number.isInteger(x) || x < 0 || x > maxInput) {
        throw new FusionError(`${where}: input ${JSON.stringify(x)}: allowed 0..${maxInput} (0-3 image, 4-7 audio, 8.. earlier cells)`);
      }
    }
    if (!Array.isArray(ops) || ops.length < 1 || ops.length > NODE_CHOICES[NODE_CHOICES.length - 1]) {
      throw new FusionError(`${where}: ops must list 1..${NODE_CHOICES[NODE_CHOICES.length - 1]} operators`);
    }
    if (macro && ops.length !== macro.nodes) {
      throw new FusionError(`${where} has ${ops.length} node steps but its macro says ${macro.nodes}`);
    }
    for (const op of ops) {
      if (typeof op !== 'string' || !isFusionOp(op)) {
        throw new FusionError(`${where}: unknown fusion operator ${JSON.stringify(op)}: allowed ${list(FUSION_OPS)}`);
      }
    }
    const cell: FusionCellGenotype = { inputs: [inputs[0], inputs[1]], ops: [...(ops as FusionOp[])] };
    if (stepInputs !== undefined) cell.stepInputs = validateStepInputs(stepInputs, ops.length, where);
    return cell;
  });
  return { cells };
}

/** Step s may fuse the cell's two inputs (0, 1) or outputs of earlier steps (2 .. s + 1). */
function validateStepInputs(x: unknown, steps: number, where: string): [number, number][] {
  if (!Array.isArray(x) || x.length !== steps) {
    throw new FusionError(`${where}: stepInputs must give two operands for each of its ${steps} steps`);
  }
  return x.map((pair, s) => {
    const max = s + 1;
    if (!Array.isArray(pair) || pair.length !== 2 || pair.some((v) => !Number.isInteger(v) || v < 0 || v > max)) {
      throw new FusionError(`${where} step ${s + 1}: operands ${JSON.stringify(pair)}: allowed two indices in 0..${max}`);
    }
    return [pair[0], pair[1]] as [number, number];
  });
}

/** The operators of a genotype, cell by cell, step by step — what its LUT cost sums over. */
export function fusionOpsOf(g: FusionGenotype): FusionOp[] {
  return g.cells.flatMap((c) => c.ops);
}

/** Macro shape of a genotype (cells, nodes of the first cell). */
export function macroOf(g: FusionGenotype): FusionMacro {
  return { cells: g.cells.length, nodes: g.cells[0]?.ops.length ?? 0 };
}

export function fusionGenotypeToJson(g: FusionGenotype): string {
  return JSON.stringify({
    cells: g.cells.map((c) => (c.stepInputs ? { inputs: c.inputs, ops: c.ops, stepInputs: c.stepInputs } : { inputs: c.inputs, ops: c.ops })),
  });
}

export function fusionGenotypeFromJson(text: string): FusionGenotype {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new FusionError(`fusion genotype is not valid JSON: ${(err as Error).message}`);
  }
  return validateFusionGenotype(raw);
}
