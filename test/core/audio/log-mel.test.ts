// The demo's log-mel front end: 20 bands × 20 frames, [band][frame], a tone lights the band
// that holds its frequency, loudness adds the same constant to every band, and the MFCC map is
// its DCT (same framing, same energies).
import { describe, expect, it } from 'vitest';
import { AVMNIST_LOG_MEL, logMelMap } from '../../../src/core/audio/log-mel';
import { AVMNIST_MFCC, MfccExtractor } from '../../../src/core/audio/mfcc';
import { argmax, SR, tone } from './test-signals';

const ex = new MfccExtractor(AVMNIST_LOG_MEL);
const B = AVMNIST_LOG_MEL.melFilters;
const F = AVMNIST_LOG_MEL.numFrames;
const band = (map: Float32Array, b: number) => Array.from(map.slice(b * F, (b + 1) * F));

describe('logMelMap', () => {
  it('is 20 bands × 20 frames, and a higher tone peaks in a higher band in every frame', () => {
    const low = logMelMap(ex, tone(300, 0.5), SR);
    const high = logMelMap(ex, tone(2000, 0.5), SR);
    expect(low).toHaveLength(B * F);
    const peakBand = (map: Float32Array, f: number) => argmax(Array.from({ length: B }, (_, b) => map[b * F + f]));
    for (let f = 0; f < F; f++) expect(peakBand(high, f)).toBeGreaterThan(peakBand(low, f) + 3);
  });

  it('turns a louder clip into the same map plus one constant (2·ln gain) in every band and frame', () => {
    // broadband noise, so no band sits on the log floor (a floored band does not scale)
    let seed = 12345;
    const noise = Float32Array.from({ length: 3200 }, () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.2);
    const quiet = logMelMap(ex, noise, SR);
    const loud = logMelMap(ex, noise.map((x) => 4 * x), SR);
    for (let i = 0; i < quiet.length; i++) expect(loud[i] - quiet[i]).toBeCloseTo(2 * Math.log(4), 3);
  });

  it('holds the energies whose DCT is the MFCC map of the same framing with 20 filters', () => {
    const clip = tone(500, 0.3);
    const map = logMelMap(ex, clip, SR);
    const mfcc20 = new MfccExtractor({ ...AVMNIST_MFCC, melFilters: 20 }).compute(clip, SR);
    // c0 is the orthonormal DCT's mean term: sqrt(1/B) · Σ bands
    for (let f = 0; f < F; f++) {
      const sum = band(map, 0).map((_, b) => map[b * F + f]).reduce((a, b) => a + b, 0);
      expect(mfcc20[f]).toBeCloseTo(Math.sqrt(1 / B) * sum, 3);
    }
  });

  it('with topDb, keeps every energy above the clamp as it was and lifts the rest to topDb under the peak', () => {
    const clip = new Float32Array(8000);
    clip.set(tone(700, 0.5), 4000); // digital silence, then a tone
    const plain = logMelMap(ex, clip, SR);
    const ranged = logMelMap(new MfccExtractor({ ...AVMNIST_LOG_MEL, topDb: 30 }), clip, SR);
    const peak = Math.max(...plain);
    const clamp = peak - 3 * Math.log(10); // 30 dB in nats (power)
    expect(Math.min(...ranged)).toBeCloseTo(clamp, 6);
    expect(Math.min(...plain)).toBeLessThan(clamp - 10);
    for (let i = 0; i < plain.length; i++) expect(ranged[i]).toBeCloseTo(Math.max(plain[i], clamp), 6);
  });

  it('refuses an extractor that keeps fewer bands than it has', () => {
    expect(() => logMelMap(new MfccExtractor(AVMNIST_MFCC), tone(500, 0.2), SR)).toThrow(/keeps 20 of 40 bands/);
  });
});
