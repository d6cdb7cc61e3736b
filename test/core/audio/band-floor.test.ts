import { describe, expect, it } from 'vitest';
import { bandFloor } from '../../../src/core/audio/band-floor';

describe('per-band noise floor', () => {
  it('raises each band to its own quiet frame plus the margin and leaves louder values alone', () => {
    // two bands × five frames: band 0 quiet at −10, band 1 quiet at −4
    const map = [-10, -9, 0, 1, -10, -4, -4, 2, 3, -3];
    const out = bandFloor(map, 2, 5, { quantile: 0, marginNats: 2 });
    expect(Array.from(out)).toEqual([-8, -8, 0, 1, -8, -2, -2, 2, 3, -2]);
    // a zero margin at the quietest frame changes nothing
    expect(Array.from(bandFloor(map, 2, 5, { quantile: 0, marginNats: 0 }))).toEqual(map);
  });

  it('takes the quiet level at the quantile, so one dropout frame does not set it', () => {
    const band = [-30, -6, -6, -6, -6, -6, -6, -6, -6, -6, 0];
    const out = bandFloor(band, 1, 11, { quantile: 0.1, marginNats: 1 });
    expect(out[0]).toBe(-5);
    expect(out[10]).toBe(0);
  });

  it('refuses a map of the wrong size or bad settings', () => {
    expect(() => bandFloor([1, 2, 3], 2, 2)).toThrow('a 2×2 map has 4 values, got 3');
    expect(() => bandFloor([1, 2], 1, 2, { quantile: 1.5, marginNats: 0 })).toThrow('quantile must lie in [0, 1]');
    expect(() => bandFloor([1, 2], 1, 2, { quantile: 0, marginNats: -1 })).toThrow('margin must be at least 0 nats');
  });
});
