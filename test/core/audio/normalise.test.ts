import { describe, expect, it } from 'vitest';
import { coefficientStats, mfccToUnit } from '../../../src/core/audio/normalise';

describe('MFCC normalisation', () => {
  // 2 coefficients × 3 frames; coefficient 0 = 1..6, coefficient 1 constant 5.
  const maps = [Float32Array.of(1, 2, 3, 5, 5, 5), Float32Array.of(4, 5, 6, 5, 5, 5)];

  it('computes per-coefficient mean and std over all frames', () => {
    const s = coefficientStats(maps, 2, 3);
    expect(s.mean[0]).toBeCloseTo(3.5, 12);
    expect(s.std[0]).toBeCloseTo(Math.sqrt(35 / 12), 12);
    expect(s.mean[1]).toBe(5);
    expect(s.std[1]).toBe(0);
    expect(() => coefficientStats([new Float32Array(5)], 2, 3)).toThrow(/2×3/);
  });

  it('maps the mean to 0.5, ±clipSigma·std to 0 / 1, clips beyond, and survives zero std', () => {
    const s = { mean: [0, 5], std: [1, 0] };
    const u = mfccToUnit(Float32Array.of(0, 3, -3, 5, 5, 9), s, 3, 3);
    expect(Array.from(u)).toEqual([0.5, 1, 0, 0.5, 0.5, 1]);
    expect(mfccToUnit(Float32Array.of(1.5, 10, 10, 10, 10, 10), s, 3, 3)[0]).toBeCloseTo(0.75, 6);
  });
});
