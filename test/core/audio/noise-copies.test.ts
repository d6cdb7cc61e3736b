// Additive-noise copies: the noise power lands where the range says (dB under the loudest frame),
// copies are stratified from noisy to clean, the clip itself is untouched, the same seed gives the
// same copies, and bad settings are refused.
import { describe, expect, it } from 'vitest';
import { addWhiteNoise, noiseCopies, peakFramePower } from '../../../src/core/audio/noise-copies';
import { Rng } from '../../../src/core/rng';
import { SR, tone } from './test-signals';

const dB = (ratio: number) => 10 * Math.log10(ratio);
const meanSquare = (xs: Float32Array) => xs.reduce((s, x) => s + x * x, 0) / xs.length;

describe('noiseCopies', () => {
  // 0.2 s of silence then 0.3 s of a 0.5-amplitude tone: loudest 10 ms frame power 0.125
  const clip = new Float32Array(4000);
  clip.set(tone(440, 0.3), 1600);

  it('finds the loudest frame power', () => {
    expect(peakFramePower(clip, SR)).toBeCloseTo(0.125, 2);
    expect(peakFramePower(new Float32Array(100), SR)).toBe(0);
  });

  it('adds noise between 12 and 30 dB under the peak, noisy copies first, and leaves the clip as it was', () => {
    const before = Float32Array.from(clip);
    const rng = new Rng(5);
    const copies = noiseCopies(clip, SR, 3, () => rng.next(), () => rng.normal());
    expect(clip).toEqual(before);
    const below = copies.map((c) => {
      expect(c).toHaveLength(clip.length);
      // the silent lead holds only the added noise
      return dB(0.125 / meanSquare(c.subarray(0, 1600)));
    });
    below.forEach((d, j) => {
      expect(d).toBeGreaterThan(12 + 6 * j - 0.5);
      expect(d).toBeLessThan(12 + 6 * (j + 1) + 0.5);
    });
  });

  it('is reproducible from the seed', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return noiseCopies(clip, SR, 2, () => rng.next(), () => rng.normal());
    };
    expect(draw(9)).toEqual(draw(9));
    expect(draw(9)[0]).not.toEqual(draw(10)[0]);
  });

  it('refuses a bad copy count, range or power', () => {
    expect(() => noiseCopies(clip, SR, -1, Math.random, Math.random)).toThrow(/copy count/);
    expect(() => noiseCopies(clip, SR, 2, Math.random, Math.random, { minDbBelowPeak: 20, maxDbBelowPeak: 10 })).toThrow(/min ≤ max/);
    expect(() => addWhiteNoise(clip, -1, Math.random)).toThrow(/power/);
  });
});
