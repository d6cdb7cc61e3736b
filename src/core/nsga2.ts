// NSGA-II selection machinery (Deb et al. 2002) of the outer tier's selection and breeding:
// fast non-dominated sort, crowding distance, rank-and-crowding survival and binary tournament.
// Any number of objectives, all MINIMISED (e.g. [100 − accuracy %, latency ms, energy mj]).

import { dominates } from './pareto';
import type { Rng } from './rng';

type Objectives = readonly (readonly number[])[];

/** Fronts of non-dominated rank 0, 1, …, each a list of indices into `objs` (ascending). */
export function fastNonDominatedSort(objs: Objectives): number[][] {
  const n = objs.length;
  const dominatedBy: number[][] = Array.from({ length: n }, () => []);
  const count = new Array<number>(n).fill(0);
  const fronts: number[][] = [[]];
  for (let p = 0; p < n; p++) {
    for (let q = 0; q < n; q++) {
      if (p === q) continue;
      if (dominates(objs[p], objs[q])) dominatedBy[p].push(q);
      else if (dominates(objs[q], objs[p])) count[p]++;
    }
    if (count[p] === 0) fronts[0].push(p);
  }
  if (n === 0) return [];
  let i = 0;
  while (fronts[i].length > 0) {
    const next: number[] = [];
    for (const p of fronts[i]) {
      for (const q of dominatedBy[p]) {
        if (--count[q] === 0) next.push(q);
      }
    }
    next.sort((a, b) => a - b);
    i++;
    fronts.push(next);
  }
  fronts.pop();
  return fronts;
}

/**
 * Crowding distance of each member of `front` (aligned with `front`): the sum over objectives
 * of the normalised gap between its neighbours. Boundary members get Infinity; an objective
 * with zero spread adds nothing.
 */
export function crowdingDistance(objs: Objectives, front: readonly number[]): number[] {
  const m = front.length;
  const dist = new Array<number>(m).fill(0);
  if (m === 0) return dist;
  if (m <= 2) return dist.fill(Infinity);
  const nObj = objs[front[0]].length;
  for (let k = 0; k < nObj; k++) {
    const order = [...Array(m).keys()].sort((a, b) => objs[front[a]][k] - objs[front[b]][k] || a - b);
    const lo = objs[front[order[0]]][k];
    const hi = objs[front[order[m - 1]]][k];
    const span = hi - lo;
    if (span <= 0) continue; // zero spread: this objective adds nothing, not even to the ends
    dist[order[0]] = Infinity;
    dist[order[m - 1]] = Infinity;
    for (let j = 1; j < m - 1; j++) {
      const gap = objs[front[order[j + 1]]][k] - objs[front[order[j - 1]]][k];
      dist[order[j]] += gap / span;
    }
  }
  return dist;
}

export interface RankAndCrowd {
  fronts: number[][];
  /** Non-dominated rank per index (0 = Pareto front). */
  rank: number[];
  /** Crowding distance per index, within its own front. */
  crowding: number[];
}

export function rankAndCrowd(objs: Objectives): RankAndCrowd {
  const fronts = fastNonDominatedSort(objs);
  const rank = new Array<number>(objs.length).fill(0);
  const crowding = new Array<number>(objs.length).fill(0);
  fronts.forEach((front, r) => {
    const d = crowdingDistance(objs, front);
    front.forEach((idx, j) => {
      rank[idx] = r;
      crowding[idx] = d[j];
    });
  });
  return { fronts, rank, crowding };
}

/**
 * The k survivors (indices): whole fronts in rank order, the last partial front filled by
 * decreasing crowding distance (ties by index). k ≥ population keeps everyone.
 */
export function selectSurvivors(objs: Objectives, k: number): number[] {
  if (!(k >= 0) || !Number.isInteger(k)) throw new Error(`selectSurvivors: k must be a non-negative integer, got ${k}`);
  const { fronts, crowding } = rankAndCrowd(objs);
  const out: number[] = [];
  for (const front of fronts) {
    if (out.length >= k) break;
    if (out.length + front.length <= k) {
      out.push(...front);
    } else {
      const byCrowding = [...front].sort((a, b) => crowding[b] - crowding[a] || a - b);
      out.push(...byCrowding.slice(0, k - out.length));
    }
  }
  return out;
}

/** Crowded-comparison: true when i is better than j (lower rank, then larger crowding). */
export function crowdedBetter(i: number, j: number, rank: readonly number[], crowding: readonly number[]): boolean {
  return rank[i] < rank[j] || (rank[i] === rank[j] && crowding[i] > crowding[j]);
}

/**
 * Binary tournament: two distinct random contestants (when there are at least two), the
 * crowded-comparison winner is returned; a full tie goes to the first drawn.
 */
export function tournamentSelect(rng: Rng, rank: readonly number[], crowding: readonly number[]): number {
  const n = rank.length;
  if (n === 0) throw new Error('tournamentSelect: empty population');
  if (crowding.length !== n) throw new Error('tournamentSelect: rank and crowding lengths differ');
  if (n === 1) return 0;
  const a = rng.int(n);
  let b = rng.int(n - 1);
  if (b >= a) b++;
  return crowdedBetter(b, a, rank, crowding) ? b : a;
}
