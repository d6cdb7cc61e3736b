// Random silence cropping: every copy keeps the whole speech span, drops part of the silence
// around it (tight and loose copies stratified), is reproducible from the seed, and refuses a
// bad copy count.
import { describe, expect, it } from 'vitest';
import { silenceCrops } from '../../../src/core/audio/silence-crop';
import { Rng } from '../../../src/core/rng';
import { SR, tone } from './test-signals';

// 0.3 s of silence, 0.25 s of tone, 0.2 s of silence (8 kHz)
const lead = 2400, speech = 2000, trail = 1600;
const clip = new Float32Array(lead + speech + trail);
clip.set(tone(440, speech / SR), lead);

describe('silenceCrops', () => {
  it('keeps the speech in every copy and cuts part of the silence, tight and loose copies alike', () => {
    const rng = new Rng(3);
    const crops = silenceCrops(clip, SR, 4, () => rng.next());
    expect(crops).toHaveLength(4);
    const starts = crops.map((c) => c.byteOffset / 4);
    crops.forEach((c, j) => {
      const s = starts[j];
      // the whole tone is inside the copy
      expect(s).toBeLessThanOrEqual(lead);
      expect(s + c.length).toBeGreaterThanOrEqual(lead + speech);
      expect(c.length).toBeLessThanOrEqual(clip.length);
      // copy j keeps a share of the leading silence inside its stratum [j/4, (j+1)/4) (20 ms margin aside)
      const margin = 0.02 * SR;
      const kept = (lead - margin - s) / (lead - margin);
      expect(kept).toBeGreaterThanOrEqual(j / 4 - 1e-3);
      expect(kept).toBeLessThan((j + 1) / 4 + 1e-3);
    });
    // the copies are views of the clip: no sample changes
    expect(Array.from(crops[0])).toEqual(Array.from(clip.subarray(starts[0], starts[0] + crops[0].length)));
  });

  it('is reproducible from the seed and leaves a clip without silence whole', () => {
    const run = (seed: number) => { const r = new Rng(seed); return silenceCrops(clip, SR, 3, () => r.next()).map((c) => [c.byteOffset, c.length]); };
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
    const allSpeech = tone(300, 0.4);
    for (const c of silenceCrops(allSpeech, SR, 2, () => 0.5)) expect(c.length).toBe(allSpeech.length);
  });

  it('refuses a copy count that is not a non-negative integer', () => {
    expect(() => silenceCrops(clip, SR, -1, () => 0)).toThrow(/non-negative integer/);
    expect(() => silenceCrops(clip, SR, 1.5, () => 0)).toThrow(/non-negative integer/);
    expect(silenceCrops(clip, SR, 0, () => 0)).toEqual([]);
  });
});
