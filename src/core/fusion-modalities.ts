// Which modalities a discrete fusion genotype reads (inner tier). Cell inputs
// 0..3 are image features, 4..7 audio features, 8 + k the output of cell k. The head reads the
// last two cells (or the only one); a cell reads both of its inputs (its first node step fuses
// them, and the node adds its first input back). A cell no read path reaches from the head
// contributes nothing, so only reachable cells count.
//
// Why it matters: a network's LUT cost always includes both backbones, so a genotype that
// reads one modality is priced for a backbone it never uses — and is no fusion at all.

import type { FusionGenotype, Modality } from './types';
import { FUSABLE_FEATURES } from './fusion-genotype';

/** Backbone features per modality: 0..3 image, 4..7 audio. */
const FEATURES_PER_MODALITY = FUSABLE_FEATURES / 2;

/** The modality of a raw backbone feature index (0..7). */
export function featureModality(index: number): Modality {
  if (!Number.isInteger(index) || index < 0 || index >= FUSABLE_FEATURES) {
    throw new Error(`feature index ${index} is not a backbone feature (0..${FUSABLE_FEATURES - 1})`);
  }
  return index < FEATURES_PER_MODALITY ? 'image' : 'audio';
}

/** Indices of the cells the head reaches, directly or through other cells' inputs. */
export function reachableCells(g: Pick<FusionGenotype, 'cells'>): Set<number> {
  const n = g.cells.length;
  const seen = new Set<number>();
  const stack = n >= 2 ? [n - 1, n - 2] : [0];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (seen.has(c)) continue;
    seen.add(c);
    for (const input of g.cells[c].inputs) if (input >= FUSABLE_FEATURES) stack.push(input - FUSABLE_FEATURES);
  }
  return seen;
}

/** The modalities whose features reach the head. */
export function genotypeModalities(g: Pick<FusionGenotype, 'cells'>): Set<Modality> {
  const out = new Set<Modality>();
  for (const c of reachableCells(g)) {
    for (const input of g.cells[c].inputs) if (input < FUSABLE_FEATURES) out.add(featureModality(input));
  }
  return out;
}

export function readsBothModalities(g: Pick<FusionGenotype, 'cells'>): boolean {
  return genotypeModalities(g).size === 2;
}

/** Short name of a cell input: I0–I3 image features, A0–A3 audio features, Ck the output of cell k (1-based). */
export function cellInputName(index: number): string {
  if (index >= FUSABLE_FEATURES) return `C${index - FUSABLE_FEATURES + 1}`;
  return featureModality(index) === 'image' ? `I${index}` : `A${index - FEATURES_PER_MODALITY}`;
}

/** What each cell fuses, e.g. `I3+A1 · A0+C1`. */
export function formatCellInputs(g: Pick<FusionGenotype, 'cells'>): string {
  return g.cells.map((c) => c.inputs.map(cellInputName).join('+')).join(' · ');
}
