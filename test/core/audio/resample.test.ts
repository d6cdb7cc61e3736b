import { describe, expect, it } from 'vitest';
import { resample } from '../../../src/core/audio/resample';

const tone = (hz: number, rate: number, seconds: number) => Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => Math.sin((2 * Math.PI * hz * i) / rate));
const rms = (x: Float32Array, from = 0, to = x.length) => Math.sqrt(x.subarray(from, to).reduce((a, v) => a + v * v, 0) / (to - from));

describe('resample', () => {
  it('keeps a speech-band tone when going from 44.1 kHz to 8 kHz', () => {
    const out = resample(tone(440, 44100, 0.5), 44100, 8000);
    expect(out.length).toBe(4000);
    const expected = tone(440, 8000, 0.5);
    let err = 0;
    for (let i = 200; i < 3800; i++) err = Math.max(err, Math.abs(out[i] - expected[i]));
    expect(err).toBeLessThan(0.02);
  });

  it('removes a tone above the new Nyquist frequency instead of folding it into the band', () => {
    const out = resample(tone(6000, 44100, 0.5), 44100, 8000);
    expect(rms(out, 200, 3800)).toBeLessThan(0.05);
  });

  it('upsamples, keeps equal rates as a copy, and refuses bad rates', () => {
    const x = tone(300, 8000, 0.25);
    const up = resample(x, 8000, 16000);
    expect(up.length).toBe(4000);
    expect(Math.abs(up[1000] - Math.sin((2 * Math.PI * 300 * 1000) / 16000))).toBeLessThan(0.02);
    const same = resample(x, 8000, 8000);
    expect(same).toEqual(x);
    expect(same).not.toBe(x);
    expect(() => resample(x, 0, 8000)).toThrow(/positive/);
  });
});
