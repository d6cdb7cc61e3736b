import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng';
import { crowdingDistance, fastNonDominatedSort, rankAndCrowd, selectSurvivors, tournamentSelect } from '../../src/core/nsga2';

// A [1,5], B [2,3], C [4,1] non-dominated; D [3,4] dominated by B only; E [5,5] by D (and
// others); F [2,6] by A only.  Fronts: {A,B,C}, {D,F}, {E}.
const pts = [
  [1, 5],
  [2, 3],
  [4, 1],
  [3, 4],
  [5, 5],
  [2, 6],
];

describe('fast non-dominated sort', () => {
  it('sorts a hand-checked 2-objective set into fronts', () => {
    expect(fastNonDominatedSort(pts)).toEqual([[0, 1, 2], [3, 5], [4]]);
    expect(fastNonDominatedSort([])).toEqual([]);
    expect(fastNonDominatedSort([[1, 1], [1, 1]])).toEqual([[0, 1]]);
  });

  it('handles three objectives', () => {
    const p3 = [
      [1, 1, 3], // 0: front 0
      [3, 1, 1], // 1: front 0
      [2, 2, 2], // 2: front 0 (incomparable with 0 and 1)
      [2, 2, 3], // 3: dominated by 2 → front 1
      [3, 3, 3], // 4: dominated by 2 and 3 → front 2
    ];
    expect(fastNonDominatedSort(p3)).toEqual([[0, 1, 2], [3], [4]]);
  });
});

describe('crowding distance', () => {
  it('gives boundaries Infinity and sums normalised neighbour gaps', () => {
    // front {A,B,C}: f1 span 3, f2 span 4; B: (4-1)/3 + (5-1)/4 = 2.
    expect(crowdingDistance(pts, [0, 1, 2])).toEqual([Infinity, 2, Infinity]);
    // [0,10],[1,6],[3,3],[10,0], spans 10: p1 = (3-0)/10 + (10-3)/10 = 1.0; p2 = (10-1)/10 + (6-0)/10 = 1.5
    const f = [
      [0, 10],
      [1, 6],
      [3, 3],
      [10, 0],
    ];
    const d = crowdingDistance(f, [0, 1, 2, 3]);
    expect(d[0]).toBe(Infinity);
    expect(d[3]).toBe(Infinity);
    expect(d[1]).toBeCloseTo(1.0, 12);
    expect(d[2]).toBeCloseTo(1.5, 12);
    expect(crowdingDistance(f, [1, 2])).toEqual([Infinity, Infinity]);
  });

  it('ignores an objective with zero spread', () => {
    const f = [
      [0, 5],
      [1, 5],
      [4, 5],
    ];
    expect(crowdingDistance(f, [0, 1, 2])).toEqual([Infinity, 1, Infinity]);
    // A constant objective must not make an end of its own (arbitrary, tie-broken) order infinite:
    // by the first objective the ends are members 1 and 3; member 0 stays finite.
    const g = [
      [2, 7],
      [1, 7],
      [3, 7],
      [4, 7],
    ];
    expect(crowdingDistance(g, [0, 1, 2, 3])).toEqual([2 / 3, Infinity, 2 / 3, Infinity]);
    expect(crowdingDistance([[1, 1], [1, 1], [1, 1]], [0, 1, 2])).toEqual([0, 0, 0]);
  });
});

describe('survival and tournament', () => {
  it('ranks and crowds every index', () => {
    const { rank, crowding } = rankAndCrowd(pts);
    expect(rank).toEqual([0, 0, 0, 1, 2, 1]);
    expect(crowding[1]).toBe(2);
    expect(crowding[3]).toBe(Infinity);
  });

  it('keeps whole fronts by rank, then the least crowded of the last front', () => {
    expect(selectSurvivors(pts, 3)).toEqual([0, 1, 2]);
    expect(selectSurvivors(pts, 5)).toEqual([0, 1, 2, 3, 5]);
    expect(selectSurvivors(pts, 10)).toEqual([0, 1, 2, 3, 5, 4]);
    const f = [
      [0, 10],
      [1, 6],
      [3, 3],
      [10, 0],
      [11, 11],
    ];
    expect(selectSurvivors(f, 3)).toEqual([0, 3, 2]);
    expect(selectSurvivors(f, 0)).toEqual([]);
    expect(() => selectSurvivors(f, -1)).toThrow();
  });

  it('binary tournament prefers lower rank, then larger crowding', () => {
    const rng = new Rng(8);
    expect(tournamentSelect(rng, [1, 0], [5, 0])).toBe(1);
    expect(tournamentSelect(rng, [0, 0], [1, Infinity])).toBe(1);
    expect(tournamentSelect(rng, [3], [0])).toBe(0);
    const rank = [0, 1, 1, 2];
    const crowding = [1, Infinity, 0.5, Infinity];
    const wins = [0, 0, 0, 0];
    for (let i = 0; i < 1200; i++) wins[tournamentSelect(rng, rank, crowding)]++;
    expect(wins[3]).toBe(0); // the unique worst never wins a tournament of two distinct
    // P(win) with distinct pairs: idx0 = 1/2, idx1 = 1/3, idx2 = 1/6.
    expect(wins[0] / 1200).toBeGreaterThan(0.45);
    expect(wins[0] / 1200).toBeLessThan(0.55);
    expect(wins[2] / 1200).toBeGreaterThan(0.12);
    expect(wins[2] / 1200).toBeLessThan(0.21);
    expect(() => tournamentSelect(rng, [], [])).toThrow();
  });
});
