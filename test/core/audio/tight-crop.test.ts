import { describe, expect, it } from 'vitest';
import { tightCrops } from '../../../src/core/audio/tight-crop';

const SR = 8000;
/** 100 ms of silence, 50 ms of a weak consonant (−15 dB), 200 ms of a loud vowel, 50 ms weak, 100 ms silence. */
function clip(): Float32Array {
  const parts: [number, number][] = [[800, 0], [400, 10 ** (-15 / 20)], [1600, 1], [400, 10 ** (-15 / 20)], [800, 0]];
  const out: number[] = [];
  for (const [n, amp] of parts) for (let t = 0; t < n; t++) out.push(amp * Math.sin((2 * Math.PI * 440 * t) / SR));
  return Float32Array.from(out);
}

describe('tightCrops', () => {
  it('keeps the weak consonants when the range reaches under them and drops them when it does not', () => {
    const x = clip();
    // one copy, threshold 10–12 dB under the peak: only the loud vowel (1,600 samples) stays
    const [vowel] = tightCrops(x, SR, 1, () => 0.5, { minDbBelowPeak: 10, maxDbBelowPeak: 12 });
    expect(vowel.length).toBe(1600);
    expect(vowel.byteOffset).toBe(x.byteOffset + 1200 * 4);
    // threshold 18–20 dB: the consonants stay, the silence goes
    const [withConsonants] = tightCrops(x, SR, 1, () => 0.5, { minDbBelowPeak: 18, maxDbBelowPeak: 20 });
    expect(withConsonants.length).toBe(2400);
  });

  it('stratifies the thresholds: with the default 8–20 dB the tightest copy is never longer than the loosest', () => {
    const x = clip();
    const copies = tightCrops(x, SR, 3, () => 0.99);
    expect(copies).toHaveLength(3);
    expect(copies[0].length).toBeLessThanOrEqual(copies[2].length);
    expect(copies[0].length).toBe(1600); // 8–12 dB: vowel only
    expect(copies[2].length).toBe(2400); // 16–20 dB: the −15 dB consonants too
    expect(copies.every((c) => c.buffer === x.buffer)).toBe(true);
  });

  it('rejects a bad count or range', () => {
    expect(() => tightCrops(clip(), SR, -1, Math.random)).toThrow('tight crop: copy count must be a non-negative integer, got -1');
    expect(() => tightCrops(clip(), SR, 1, Math.random, { minDbBelowPeak: 0, maxDbBelowPeak: 5 })).toThrow('tight crop: need 0 < min ≤ max dB below peak');
  });
});
