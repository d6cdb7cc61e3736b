import { describe, expect, it } from 'vitest';
import { DEFAULT_TRIM, speechSpan, trimSilence } from '../../../src/core/audio/trim';
import { Rng } from '../../../src/core/rng';

const SR = 8000;
function clip(leadS: number, toneS: number, tailS: number, noise = 1e-4): Float32Array {
  const rng = new Rng(7);
  const lead = Math.round(leadS * SR);
  const n = lead + Math.round(toneS * SR) + Math.round(tailS * SR);
  return Float32Array.from({ length: n }, (_, t) => {
    const inTone = t >= lead && t < lead + Math.round(toneS * SR);
    return (inTone ? 0.5 * Math.sin((2 * Math.PI * 440 * t) / SR) : 0) + noise * (2 * rng.next() - 1);
  });
}

describe('trimSilence', () => {
  it('cuts leading and trailing silence to the speech span plus the margin', () => {
    const x = clip(0.3, 0.4, 0.2);
    const [start, end] = speechSpan(x, SR);
    const margin = (DEFAULT_TRIM.marginMs * SR) / 1000;
    const frame = (DEFAULT_TRIM.frameMs * SR) / 1000;
    expect(Math.abs(start - (2400 - margin))).toBeLessThanOrEqual(frame);
    expect(Math.abs(end - (5600 + margin))).toBeLessThanOrEqual(frame);
    const y = trimSilence(x, SR);
    expect(y.length).toBe(end - start);
    expect(y.buffer).toBe(x.buffer); // a view, no copy
    expect(y[0]).toBe(x[start]);
  });

  it('keeps a clip that is speech throughout, a silent clip and a tiny clip whole', () => {
    const full = clip(0, 0.5, 0);
    expect(speechSpan(full, SR)).toEqual([0, full.length]);
    expect(trimSilence(new Float32Array(4000), SR).length).toBe(4000);
    expect(trimSilence(Float32Array.of(0, 0.3, 0), SR).length).toBe(3);
  });

  it('is relative to the clip\'s peak: a quiet recording trims like a loud one', () => {
    const loud = clip(0.2, 0.3, 0.2, 1e-4);
    const quiet = loud.map((v) => v * 0.01);
    expect(speechSpan(quiet, SR)).toEqual(speechSpan(loud, SR));
  });

  it('keeps a quieter tail above the threshold and drops one below it', () => {
    const x = clip(0.1, 0.3, 0.3);
    const soft = Float32Array.from(x);
    for (let t = 3200; t < 4000; t++) soft[t] = 0.05 * Math.sin((2 * Math.PI * 440 * t) / SR); // −20 dB
    expect(speechSpan(soft, SR)[1]).toBeGreaterThanOrEqual(4000);
    const faint = Float32Array.from(x);
    for (let t = 3200; t < 4000; t++) faint[t] = 0.002 * Math.sin((2 * Math.PI * 440 * t) / SR); // −48 dB
    expect(speechSpan(faint, SR)[1]).toBeLessThan(3200 + 2 * 160);
    expect(() => speechSpan(x, SR, { ...DEFAULT_TRIM, thresholdDb: 0 })).toThrow(/below 0 dB/);
  });
});
