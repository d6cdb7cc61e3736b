import { describe, expect, it } from 'vitest';
import { melFilterBank } from '../../../src/core/audio/mel';
import { AVMNIST_MFCC, MfccExtractor } from '../../../src/core/audio/mfcc';
import { VtlpMfccExtractor, vtlpFactors, vtlpWarpHz, warpedMelFilterBank } from '../../../src/core/audio/vtlp';
import { Rng } from '../../../src/core/rng';
import { SR, argmax, tone } from './test-signals';

const NYQ = SR / 2;
const meanEnergy = (ex: MfccExtractor, samples: Float32Array) => {
  const rows = ex.melEnergies(samples, SR);
  return rows[0].map((_, m) => rows.reduce((s, r) => s + r[m], 0) / rows.length);
};
// a speech-like clip: two "formants" under a 120 Hz buzz, with an envelope
const voiced = Float32Array.from({ length: 6000 }, (_, t) => {
  const env = Math.sin((Math.PI * t) / 6000);
  let s = 0;
  for (let h = 1; h * 120 < NYQ; h++) {
    const f = h * 120;
    const gain = Math.exp(-(((f - 700) / 150) ** 2)) + 0.6 * Math.exp(-(((f - 1800) / 200) ** 2)) + 0.02;
    s += gain * Math.sin((2 * Math.PI * f * t) / SR);
  }
  return 0.2 * env * s;
});

describe('vtlpWarpHz', () => {
  const alphas = [0.85, 0.88, 0.94, 1.06, 1.12, 1.15];

  it('is the identity at α = 1', () => {
    for (let f = 0; f <= NYQ; f += 31.25) expect(vtlpWarpHz(f, 1, NYQ)).toBe(f);
  });

  it('keeps 0 and the Nyquist frequency fixed, scales by α below the boundary, and is continuous and strictly increasing', () => {
    for (const a of alphas) {
      expect(vtlpWarpHz(0, a, NYQ)).toBe(0);
      expect(vtlpWarpHz(NYQ, a, NYQ)).toBeCloseTo(NYQ, 9);
      expect(vtlpWarpHz(1000, a, NYQ)).toBeCloseTo(1000 * a, 9); // boundary 3.2 kHz · min(α,1)/α > 1 kHz
      let prev = -1;
      for (let f = 0; f <= NYQ; f += 1) {
        const w = vtlpWarpHz(f, a, NYQ);
        expect(w).toBeGreaterThan(prev);
        expect(w).toBeGreaterThanOrEqual(0);
        expect(w).toBeLessThanOrEqual(NYQ + 1e-9);
        if (prev >= 0) expect(w - prev).toBeLessThan(2); // no jump at the boundary (slopes ≤ 1.15 and ≥ 0.5)
        prev = w;
      }
    }
  });

  it('rejects a non-positive factor and a boundary outside (0, Nyquist)', () => {
    expect(() => vtlpWarpHz(100, 0, NYQ)).toThrow(/positive/);
    expect(() => vtlpWarpHz(100, 1.1, NYQ, NYQ)).toThrow(/boundary/);
  });
});

describe('warped mel filter bank and MFCC', () => {
  it('gives the unwarped filter bank and exactly the unwarped MFCC map at α = 1', () => {
    const p = AVMNIST_MFCC;
    expect(warpedMelFilterBank(p.melFilters, p.fftSize, SR, p.fMinHz, p.fMaxHz, 1)).toEqual(melFilterBank(p.melFilters, p.fftSize, SR, p.fMinHz, p.fMaxHz));
    expect(new VtlpMfccExtractor(1).compute(voiced, SR)).toEqual(new MfccExtractor().compute(voiced, SR));
  });

  it('changes the map for α ≠ 1, smoothly in α', () => {
    const plain = new MfccExtractor().compute(voiced, SR);
    const dist = (a: number) => {
      const m = new VtlpMfccExtractor(a).compute(voiced, SR);
      return Math.sqrt(m.reduce((s, v, i) => s + (v - plain[i]) ** 2, 0));
    };
    expect(dist(1.1)).toBeGreaterThan(0);
    expect(dist(1.1)).toBeGreaterThan(dist(1.03));
    expect(dist(0.9)).toBeGreaterThan(dist(0.97));
  });

  it('moves a tone\'s energy to a higher mel band for α > 1 and a lower one for α < 1 (band nearest α·f)', () => {
    const plain = new MfccExtractor();
    const centres = plain.bank.centresHz;
    for (const hz of [500, 1000, 2000]) {
      const at1 = argmax(meanEnergy(plain, tone(hz, 0.5)));
      const up = argmax(meanEnergy(new VtlpMfccExtractor(1.15), tone(hz, 0.5)));
      const down = argmax(meanEnergy(new VtlpMfccExtractor(0.85), tone(hz, 0.5)));
      expect(up).toBeGreaterThan(at1);
      expect(down).toBeLessThan(at1);
      const nearest = (f: number) => argmax(Array.from(centres, (c) => -Math.abs(c - f)));
      expect(Math.abs(up - nearest(1.15 * hz))).toBeLessThanOrEqual(1);
      expect(Math.abs(down - nearest(0.85 * hz))).toBeLessThanOrEqual(1);
    }
  });
});

describe('vtlpFactors', () => {
  it('draws K factors stratified over 1 ± range, reproducibly from the seed', () => {
    const rng = new Rng(3);
    const fs = vtlpFactors(4, () => rng.next(), 0.12);
    expect(fs).toHaveLength(4);
    fs.forEach((a, j) => {
      expect(a).toBeGreaterThanOrEqual(0.88 + 0.06 * j);
      expect(a).toBeLessThan(0.88 + 0.06 * (j + 1));
    });
    const again = new Rng(3);
    expect(vtlpFactors(4, () => again.next(), 0.12)).toEqual(fs);
    expect(vtlpFactors(0, () => 0.5)).toEqual([]);
    expect(() => vtlpFactors(-1, () => 0.5)).toThrow(/non-negative/);
    expect(() => vtlpFactors(2, () => 0.5, 1)).toThrow(/range/);
  });
});
