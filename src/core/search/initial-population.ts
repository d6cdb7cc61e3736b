// The outer tier's first population, spread across the cost range: each individual's backbone
// depths and fusion macro are drawn from its own stratum (Latin-hypercube style), so that shallow
// backbones and one-operator fusion networks are in the first generation as surely as deep ones
// and 4 × 4 networks; every other gene is drawn uniformly. A uniformly random population of 8
// can miss the cheap end entirely (seed 3 of the demo preset drew no macro below 3 × 2, and no
// network of its run came under 9 ms); the search then has nothing cheap to select or breed from.
// The random-search baseline keeps uniform sampling: it is what the search is compared with.

import type { Rng } from '../rng';
import { sampleGenome } from '../genome';
import { CELL_CHOICES, DEPTH_CHOICES, NODE_CHOICES, type Depth, type FusionMacro } from '../types';
import type { Individual } from './engine-state';

/** Every fusion macro, cheapest first (fewest operators cells × nodes, then fewer cells). */
export const MACROS_BY_SIZE: readonly FusionMacro[] = CELL_CHOICES.flatMap((cells) => NODE_CHOICES.map((nodes) => ({ cells, nodes }))).sort(
  (a, b) => a.cells * a.nodes - b.cells * b.nodes || a.cells - b.cells,
);

/** n values, the i-th drawn uniformly from the i-th of n equal strata of `sorted` (an n larger than the list repeats strata). */
export function stratifiedDraw<T>(sorted: readonly T[], n: number, rng: Rng): T[] {
  return Array.from({ length: n }, (_, i) => {
    const lo = Math.floor((i * sorted.length) / n);
    const hi = Math.max(lo + 1, Math.floor(((i + 1) * sorted.length) / n));
    return sorted[lo + rng.int(hi - lo)];
  });
}

export function initialPopulation(n: number, rng: Rng): Individual[] {
  const imageDepths = rng.shuffle(stratifiedDraw<Depth>(DEPTH_CHOICES, n, rng));
  const audioDepths = rng.shuffle(stratifiedDraw<Depth>(DEPTH_CHOICES, n, rng));
  const macros = rng.shuffle(stratifiedDraw(MACROS_BY_SIZE, n, rng));
  return Array.from({ length: n }, (_, i) => ({
    image: { ...sampleGenome(rng), d: imageDepths[i] },
    audio: { ...sampleGenome(rng), d: audioDepths[i] },
    macro: { ...macros[i] },
  }));
}
