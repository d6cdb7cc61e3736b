import { describe, expect, it } from 'vitest';
import { dominates, paretoFront } from '../../src/core/pareto';

describe('Pareto dominance (minimised)', () => {
  it('requires no worse everywhere and strictly better somewhere', () => {
    expect(dominates([1, 2], [2, 2])).toBe(true);
    expect(dominates([1, 2], [1, 2])).toBe(false);
    expect(dominates([1, 3], [2, 2])).toBe(false);
    expect(dominates([2, 2], [1, 2])).toBe(false);
    expect(dominates([1, 1, 1], [1, 1, 2])).toBe(true);
    expect(() => dominates([1], [1, 2])).toThrow();
  });

  it('finds the non-dominated indices, keeping duplicates', () => {
    const pts = [
      [1, 5],
      [2, 3],
      [4, 1],
      [3, 4],
      [5, 5],
      [2, 3],
    ];
    expect(paretoFront(pts)).toEqual([0, 1, 2, 5]);
    expect(paretoFront([])).toEqual([]);
  });
});
