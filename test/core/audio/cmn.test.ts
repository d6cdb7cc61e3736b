// Per-utterance mean normalisation of a log-mel map: each band centred on its clip mean, one
// fixed scale (no band stretched by its own spread), clipped to [−1, 1], bad shapes refused.
import { describe, expect, it } from 'vitest';
import { CMN_SCALE_NATS, cmn } from '../../../src/core/audio/cmn';

describe('cmn', () => {
  it('centres every band on its clip mean and divides by the fixed scale', () => {
    const B = 3, F = 4;
    const map = [1, 2, 3, 4, /* band 1 */ 10, 10, 10, 10, /* band 2 */ -2, 0, 2, 4];
    const out = cmn(map, B, F);
    const s = CMN_SCALE_NATS;
    expect(Array.from(out.slice(0, 4))).toEqual([-1.5, -0.5, 0.5, 1.5].map((x) => Math.fround(x / s)));
    expect(Array.from(out.slice(4, 8))).toEqual([0, 0, 0, 0]);
    // a wide band keeps its larger spread: no per-band variance normalisation
    expect(out[11] - out[8]).toBeCloseTo(6 / s, 6);
    expect(out[3] - out[0]).toBeCloseTo(3 / s, 6);
  });

  it('clips deviations beyond the scale to ±1', () => {
    const out = cmn([0, 0, 0, 4 * CMN_SCALE_NATS], 1, 4); // mean = the scale: a deviation of 3 scales, then −1 scale
    expect(out[3]).toBe(1);
    expect(out[0]).toBe(-1);
    const mild = cmn([0, 0, 0, 2], 1, 4);
    expect(mild[0]).toBeCloseTo(-0.5 / CMN_SCALE_NATS, 6);
    expect(cmn([0, 0, 0, -4 * CMN_SCALE_NATS], 1, 4)[3]).toBe(-1);
  });

  it('refuses a map of the wrong size or a scale that is not positive', () => {
    expect(() => cmn([1, 2, 3], 2, 2)).toThrow(/a 2×2 map has 4 values, got 3/);
    expect(() => cmn([1, 2, 3, 4], 2, 2, 0)).toThrow(/scale must be above 0/);
  });
});
