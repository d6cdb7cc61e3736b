import { describe, expect, it } from 'vitest';
import { keepCoefficients } from '../../../src/core/audio/keep-coefficients';

describe('keepCoefficients (cepstral truncation in a fixed-size map)', () => {
  const C = 4;
  const F = 3;
  const map = Float32Array.from({ length: C * F }, (_, i) => i + 1);

  it('keeps the first rows (coefficients) as they are and zeroes the rest, shape unchanged', () => {
    const out = keepCoefficients(map, C, F, 2);
    expect(out).toHaveLength(C * F);
    expect([...out.subarray(0, 2 * F)]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out.subarray(2 * F)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(map[2 * F]).toBe(7); // the input is not changed
  });

  it('keeping every coefficient is the identity', () => {
    expect([...keepCoefficients(map, C, F, C)]).toEqual([...map]);
  });

  it('refuses a wrong map size or a count outside 1..C', () => {
    expect(() => keepCoefficients(map.subarray(1), C, F, 2)).toThrow(/4×3 has 12 values, got 11/);
    expect(() => keepCoefficients(map, C, F, 0)).toThrow(/from 1 to 4/);
    expect(() => keepCoefficients(map, C, F, 5)).toThrow(/from 1 to 4/);
    expect(() => keepCoefficients(map, C, F, 2.5)).toThrow(/whole number/);
  });
});
