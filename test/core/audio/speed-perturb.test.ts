import { describe, expect, it } from 'vitest';
import { SPEED_RANGE, speedFactors, speedPerturb } from '../../../src/core/audio/speed-perturb';
import { Rng } from '../../../src/core/rng';
import { SR, tone } from './test-signals';

/** Frequency (Hz) of a pure tone by counting upward zero crossings away from the edges. */
function toneHz(x: Float32Array): number {
  const from = 200;
  const to = x.length - 200;
  const ups: number[] = [];
  for (let i = from; i < to; i++) {
    if (x[i - 1] < 0 && x[i] >= 0) ups.push(i - 1 + -x[i - 1] / (x[i] - x[i - 1])); // interpolated crossing
  }
  return ((ups.length - 1) * SR) / (ups[ups.length - 1] - ups[0]);
}

describe('speedPerturb', () => {
  it('is an exact copy at factor 1', () => {
    const x = tone(440, 0.5);
    const y = speedPerturb(x, 1);
    expect(y).toEqual(x);
    expect(y).not.toBe(x);
  });

  it('scales a pure tone\'s frequency by the factor and the length by its inverse', () => {
    const x = tone(500, 1);
    for (const f of [0.9, 0.95, 1.1, 1.2]) {
      const y = speedPerturb(x, f);
      expect(y.length).toBe(Math.round(x.length / f));
      expect(toneHz(y)).toBeCloseTo(500 * f, 0);
    }
  });

  it('keeps the amplitude of an in-band tone', () => {
    const y = speedPerturb(tone(300, 1, 0.5), 1.1);
    let peak = 0;
    for (let i = 200; i < y.length - 200; i++) peak = Math.max(peak, Math.abs(y[i]));
    expect(peak).toBeGreaterThan(0.48);
    expect(peak).toBeLessThan(0.52);
  });

  it('removes a tone that speeding up would push above the Nyquist frequency', () => {
    const y = speedPerturb(tone(3800, 1), 1.2); // 4,560 Hz > 4 kHz
    let e = 0;
    for (let i = 200; i < y.length - 200; i++) e += y[i] * y[i];
    expect(Math.sqrt(e / (y.length - 400))).toBeLessThan(0.05);
  });

  it('refuses a non-positive factor', () => {
    expect(() => speedPerturb(tone(440, 0.1), 0)).toThrow(/positive/);
    expect(() => speedPerturb(tone(440, 0.1), -1)).toThrow(/positive/);
  });
});

describe('speedFactors', () => {
  it('stratifies K factors over 1 ± range, one per sub-interval, deterministically per seed', () => {
    const rng = new Rng(3);
    const fs = speedFactors(4, () => rng.next());
    expect(fs).toHaveLength(4);
    fs.forEach((f, j) => {
      expect(f).toBeGreaterThanOrEqual(1 - SPEED_RANGE + (2 * SPEED_RANGE * j) / 4);
      expect(f).toBeLessThan(1 - SPEED_RANGE + (2 * SPEED_RANGE * (j + 1)) / 4);
    });
    const again = new Rng(3);
    expect(speedFactors(4, () => again.next())).toEqual(fs);
    expect(speedFactors(0, () => 0.5)).toEqual([]);
    expect(speedFactors(2, () => 0.5, 0)).toEqual([1, 1]);
  });

  it('refuses bad counts and ranges', () => {
    expect(() => speedFactors(-1, () => 0)).toThrow(/copy count/);
    expect(() => speedFactors(1.5, () => 0)).toThrow(/copy count/);
    expect(() => speedFactors(1, () => 0, 1)).toThrow(/range/);
  });
});
