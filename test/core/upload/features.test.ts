import { describe, expect, it } from 'vitest';
import { DEMO_AUDIO_PARAMS, decodeDemoBytes, demoRawMap, rawMapToDemoBytes } from '../../../src/core/audio/demo-features';
import { clipWarning, greyImage, normaliseRawMap } from '../../../src/core/upload/features';
import { MfccExtractor } from '../../../src/core/audio/mfcc';
import { logMelMap } from '../../../src/core/audio/log-mel';

describe('uploaded sample features', () => {
  it('turns any RGBA image into 28×28 grey in [−1, 1] by area averaging', () => {
    // 56×56: left half white, right half black → 14 white columns, 14 black
    const w = 56;
    const rgba = new Uint8ClampedArray(w * w * 4);
    for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) rgba.set(x < 28 ? [255, 255, 255, 255] : [0, 0, 0, 255], (y * w + x) * 4);
    const g = greyImage(rgba, w, w);
    expect(g).toHaveLength(784);
    expect(g[0]).toBeCloseTo(1, 6);
    expect(g[27]).toBeCloseTo(-1, 6);
    // a 3×3 image of one grey level stays that level everywhere
    const grey = (level: number, alpha: number) => Uint8ClampedArray.from({ length: 9 * 4 }, (_, i) => (i % 4 === 3 ? alpha : level));
    for (const v of greyImage(grey(128, 255), 3, 3)) expect(v).toBeCloseTo((128 / 255 - 0.5) / 0.5, 6);
    // transparent pixels count as black (MNIST digits are light on black)
    for (const v of greyImage(grey(255, 0), 3, 3)) expect(v).toBeCloseTo(-1, 6);
    expect(() => greyImage(new Uint8ClampedArray(4), 2, 2)).toThrow(/needs 16 RGBA bytes/);
  });

  it('gives an 8 kHz clip the demo pipeline\u2019s map, and a 44.1 kHz one nearly the same', () => {
    // a chirp from 100 Hz to 3.5 kHz: every band holds energy in some frame, none sits only on the floor
    const tone = (rate: number) => Float32Array.from({ length: rate * 0.6 }, (_, i) => 0.3 * Math.sin(2 * Math.PI * (100 * (i / rate) + (3400 / 1.2) * (i / rate) ** 2)));
    const at8k = demoRawMap(tone(8000), 8000);
    expect(Array.from(at8k)).toEqual(Array.from(logMelMap(new MfccExtractor(DEMO_AUDIO_PARAMS), tone(8000), 8000)));
    expect(at8k).toHaveLength(DEMO_AUDIO_PARAMS.numCoefficients * DEMO_AUDIO_PARAMS.numFrames);
    const at44 = demoRawMap(tone(44100), 44100);
    const diff = at8k.reduce((m, v, i) => Math.max(m, Math.abs(v - at44[i])), 0);
    const scale = at8k.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(diff / scale).toBeLessThan(0.05);
  });

  it('normalises each map by its own statistics into [−1, 1], as the demo set stores it', () => {
    const { numCoefficients: C, numFrames: F } = DEMO_AUDIO_PARAMS;
    const map = Float32Array.from({ length: C * F }, (_, i) => 0.3 * (i % F) - 20 + Math.floor(i / F));
    const out = normaliseRawMap(map);
    for (const v of out) expect(v >= -1 && v <= 1).toBe(true);
    // each band's row has mean ≈ 0 after per-utterance normalisation
    for (let c = 0; c < C; c++) expect(Math.abs(out.slice(c * F, (c + 1) * F).reduce((a, b) => a + b, 0) / F)).toBeLessThan(0.02);
    // a constant offset per band (the loudness, the channel's colouring) changes nothing
    const louder = Float32Array.from(map, (v, i) => v + 2.5 + 0.1 * Math.floor(i / F));
    expect(Array.from(normaliseRawMap(louder))).toEqual(Array.from(out));
    // the same bytes as the demo pipeline stores
    expect(Array.from(out)).toEqual(Array.from(decodeDemoBytes(rawMapToDemoBytes(map))));
  });

  it('warns about very short and silent clips', () => {
    expect(clipWarning(new Float32Array(800), 8000, 'audio/a.wav')).toBe('audio/a.wav is only 0.10 s long.');
    expect(clipWarning(new Float32Array(8000), 8000, 'audio/b.wav')).toBe('audio/b.wav is silent.');
    expect(clipWarning(Float32Array.from({ length: 8000 }, (_, i) => Math.sin(i)), 8000, 'c')).toBeNull();
  });
});
