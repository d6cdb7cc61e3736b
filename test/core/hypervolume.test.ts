import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng';
import { hypervolume } from '../../src/core/hypervolume';

/** Exact union volume by brute force on the grid of all coordinates (O(n^(d+1))). */
function gridVolume(points: number[][], ref: number[]): number {
  const pts = points.filter((p) => p.every((v, i) => v < ref[i]));
  const dim = ref.length;
  const axes = Array.from({ length: dim }, (_, k) => [...new Set([...pts.map((p) => p[k]), ref[k]])].sort((a, b) => a - b));
  let vol = 0;
  const idx = new Array(dim).fill(0);
  const walk = (k: number): void => {
    if (k === dim) {
      const corner = idx.map((i, j) => axes[j][i]);
      if (pts.some((p) => p.every((v, j) => v <= corner[j]))) {
        vol += idx.reduce((acc, i, j) => acc * (axes[j][i + 1] - axes[j][i]), 1);
      }
      return;
    }
    for (idx[k] = 0; idx[k] < axes[k].length - 1; idx[k]++) walk(k + 1);
  };
  walk(0);
  return vol;
}

describe('hypervolume', () => {
  it('matches hand-computed 2-D values', () => {
    expect(hypervolume([[1, 2], [2, 1]], [3, 3])).toBe(3);
    expect(hypervolume([[1, 1]], [3, 4])).toBe(6);
    // dominated point adds nothing; points on or beyond the reference are ignored
    expect(hypervolume([[1, 2], [2, 1], [2, 2], [3, 0], [0, 5]], [3, 3])).toBe(3);
    expect(hypervolume([], [1, 1])).toBe(0);
    expect(hypervolume([[0.5]], [2])).toBe(1.5);
  });

  it('matches hand-computed 3-D values', () => {
    expect(hypervolume([[1, 1, 1]], [2, 3, 4])).toBe(6);
    // boxes 2·1·2 = 4 and 1·2·1 = 2 overlapping in a unit cube → 5
    expect(hypervolume([[1, 2, 1], [2, 1, 2]], [3, 3, 3])).toBe(5);
    // duplicates and equal z levels
    expect(hypervolume([[1, 2, 1], [2, 1, 1], [1, 2, 1]], [3, 3, 3])).toBe(6);
    expect(hypervolume([[1, 1, 3]], [3, 3, 3])).toBe(0);
  });

  it('agrees with a brute-force grid on random sets', () => {
    const rng = new Rng(17);
    for (let t = 0; t < 5; t++) {
      const pts2 = Array.from({ length: 25 }, () => [rng.next(), rng.next()]);
      expect(hypervolume(pts2, [1, 1])).toBeCloseTo(gridVolume(pts2, [1, 1]), 10);
      const pts3 = Array.from({ length: 15 }, () => [rng.next(), rng.next(), rng.next() * 2]);
      expect(hypervolume(pts3, [0.9, 0.9, 1.8])).toBeCloseTo(gridVolume(pts3, [0.9, 0.9, 1.8]), 10);
    }
  });

  it('handles a few hundred 3-D points quickly', () => {
    const rng = new Rng(2);
    // points on the sphere octant x²+y²+z² = 1: all mutually non-dominated
    const pts = Array.from({ length: 400 }, () => {
      const v = [Math.abs(rng.normal()), Math.abs(rng.normal()), Math.abs(rng.normal())];
      const n = Math.hypot(...v);
      return v.map((x) => x / n);
    });
    const t0 = performance.now();
    const hv = hypervolume(pts, [1, 1, 1]);
    expect(performance.now() - t0).toBeLessThan(2000);
    // the region dominated by the front lies between the octant's inner corner cube and the
    // unit cube minus the ball's octant: 0 < hv < 1 − π/6
    expect(hv).toBeGreaterThan(0.3);
    expect(hv).toBeLessThan(1 - Math.PI / 6);
  });

  it('rejects mismatched dimensions', () => {
    expect(() => hypervolume([[1, 2, 3]], [4, 4])).toThrow(/3 objectives, reference has 2/);
    expect(() => hypervolume([[1, 2, 3, 4]], [5, 5, 5, 5])).toThrow(/1 to 3 objectives/);
  });
});
