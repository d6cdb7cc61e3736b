import { describe, expect, it } from 'vitest';
import { fftInPlace, powerSpectrum } from '../../../src/core/audio/fft';
import { hzToMel, melFilterBank, melToHz } from '../../../src/core/audio/mel';
import { AVMNIST_MFCC, MfccExtractor, mfcc } from '../../../src/core/audio/mfcc';
import { SR, argmax, tone } from './test-signals';

const nearestFilter = (centres: Float64Array, hz: number) => argmax(Array.from(centres, (c) => -Math.abs(c - hz)));

describe('fft', () => {
  it('matches a direct DFT', () => {
    const n = 16;
    const x = Array.from({ length: n }, (_, i) => Math.sin(i * 0.7) + 0.3 * Math.cos(i * 2.1) + (i % 3));
    const re = Float64Array.from(x);
    const im = new Float64Array(n);
    fftInPlace(re, im);
    for (let k = 0; k < n; k++) {
      let sr = 0;
      let si = 0;
      for (let t = 0; t < n; t++) {
        sr += x[t] * Math.cos((-2 * Math.PI * k * t) / n);
        si += x[t] * Math.sin((-2 * Math.PI * k * t) / n);
      }
      expect(re[k]).toBeCloseTo(sr, 9);
      expect(im[k]).toBeCloseTo(si, 9);
    }
  });

  it('puts a bin-centred sinusoid in its bin and rejects bad sizes', () => {
    const p = powerSpectrum(Array.from({ length: 64 }, (_, t) => Math.cos((2 * Math.PI * 5 * t) / 64)), 64);
    expect(argmax(p)).toBe(5);
    expect(() => fftInPlace(new Float64Array(12), new Float64Array(12))).toThrow(/power of two/);
  });
});

describe('mel filter bank', () => {
  it('round-trips the mel scale and spaces centres evenly in mel', () => {
    expect(melToHz(hzToMel(1234))).toBeCloseTo(1234, 6);
    const bank = melFilterBank(40, 256, SR, 20, 4000);
    const mels = Array.from(bank.centresHz, hzToMel);
    const gaps = mels.slice(1).map((m, i) => m - mels[i]);
    for (const g of gaps) expect(g).toBeCloseTo(gaps[0], 6);
    expect(bank.centresHz[0]).toBeGreaterThan(20);
    expect(bank.centresHz[39]).toBeLessThan(4000);
  });
});

describe('MFCC (AV-MNIST parameters)', () => {
  const ex = new MfccExtractor(AVMNIST_MFCC);
  const centres = ex.bank.centresHz;
  const meanEnergy = (samples: Float32Array) => {
    const rows = ex.melEnergies(samples, SR);
    return rows[0].map((_, m) => rows.reduce((s, r) => s + r[m], 0) / rows.length);
  };

  it('puts a 500 Hz tone in the mel filter centred nearest 500 Hz, a 2 kHz tone higher', () => {
    const low = argmax(meanEnergy(tone(500, 0.5)));
    const high = argmax(meanEnergy(tone(2000, 0.5)));
    expect(Math.abs(low - nearestFilter(centres, 500))).toBeLessThanOrEqual(1);
    expect(Math.abs(high - nearestFilter(centres, 2000))).toBeLessThanOrEqual(1);
    expect(high).toBeGreaterThan(low + 10);
  });

  it('gives 20 coefficients × 20 frames for any clip length and fits the whole clip', () => {
    for (const seconds of [0.1, 0.6, 1.3]) {
      const m = mfcc(tone(700, seconds), SR);
      expect(m.length).toBe(400);
      expect(m.every(Number.isFinite)).toBe(true);
    }
    // Silence in the first half, a tone in the second: c0 (log energy) rises across the middle.
    const clip = new Float32Array(8000);
    clip.set(tone(700, 0.5), 4000);
    const m = mfcc(clip, SR);
    const c0 = Array.from(m.subarray(0, 20));
    expect(Math.max(...c0.slice(0, 9))).toBeLessThan(Math.min(...c0.slice(11)) - 10);
  });

  it('raises c0 with loudness and is deterministic', () => {
    const quiet = mfcc(tone(1000, 0.4, 0.05), SR);
    const loud = mfcc(tone(1000, 0.4, 0.5), SR);
    expect(loud[10]).toBeGreaterThan(quiet[10]);
    expect(mfcc(tone(1000, 0.4, 0.5), SR)).toEqual(loud);
  });

  it('with topDb, raises energies more than topDb under the peak to that level, so two silences of different depth give the same map', () => {
    const clipWithFloor = (floorAmp: number) => {
      const clip = new Float32Array(8000);
      for (let t = 0; t < clip.length; t++) clip[t] = floorAmp * Math.sin(t * 0.37) * Math.sin(t * 0.011); // a faint broadband-ish floor
      clip.set(tone(700, 0.5), 4000);
      return clip;
    };
    const ranged = new MfccExtractor({ ...AVMNIST_MFCC, topDb: 30 });
    const deep = ranged.compute(clipWithFloor(1e-5), SR);
    const deeper = ranged.compute(clipWithFloor(1e-7), SR);
    // both floors lie over 30 dB under the tone: both clamped to the same level (the frame where the
    // tone starts mixes a trace of the floor into energies above the clamp, hence not bit-equal)
    const maxDiff = (x: Float32Array, y: Float32Array) => Math.max(...x.map((v, i) => Math.abs(v - y[i])));
    expect(maxDiff(deep, deeper)).toBeLessThan(1e-3);
    const energies = ranged.melEnergies(clipWithFloor(1e-5), SR);
    const peak = Math.max(...energies.flatMap((r) => [...r]));
    expect(ranged.energyFloor(energies)).toBeCloseTo(peak / 1000, 12);
    // without topDb the two silences differ, and the floor is logFloor
    expect(maxDiff(ex.compute(clipWithFloor(1e-5), SR), ex.compute(clipWithFloor(1e-7), SR))).toBeGreaterThan(1);
    expect(ex.energyFloor(energies)).toBe(AVMNIST_MFCC.logFloor);
  });

  it('rejects another sample rate and an empty clip', () => {
    expect(() => ex.compute(tone(500, 0.2), 16000)).toThrow(/16000 Hz, expected 8000/);
    expect(() => ex.compute(new Float32Array(0), SR)).toThrow(/empty/);
  });
});
