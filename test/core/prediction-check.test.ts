import { describe, expect, it } from 'vitest';
import { kendallTau, meanAbsolutePercentageError, median } from '../../src/core/prediction-check';

const pts = (xs: number[], ys: number[]) => xs.map((x, i) => ({ predictedMs: x, measuredMs: ys[i] }));

describe('prediction check statistics', () => {
  it('Kendall τ is 1 for the same order, −1 for the reverse, and counts discordant pairs', () => {
    expect(kendallTau(pts([1, 2, 3, 4], [10, 20, 30, 40]))).toBe(1);
    expect(kendallTau(pts([1, 2, 3, 4], [4, 3, 2, 1]))).toBe(-1);
    // one swapped pair of 6: (5 − 1) / 6
    expect(kendallTau(pts([1, 2, 3, 4], [1, 3, 2, 4]))).toBeCloseTo(4 / 6, 12);
    // τ-b with a tie in the prediction: C = 5, D = 0, 1 tie in x → 5 / √(5 · 6)
    expect(kendallTau(pts([1, 1, 2, 3], [1, 2, 3, 4]))).toBeCloseTo(5 / Math.sqrt(30), 12);
    expect(kendallTau(pts([1], [1]))).toBeNaN();
  });

  it('MAPE is the mean of |predicted − measured| / measured, in %', () => {
    expect(meanAbsolutePercentageError(pts([1.1, 1.8], [1, 2]))).toBeCloseTo(10, 10);
    expect(meanAbsolutePercentageError([])).toBeNaN();
  });

  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});
