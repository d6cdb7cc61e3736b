import { describe, expect, it } from 'vitest';
import { accuracyBySpeaker, confusionTally } from '../../src/core/prediction-tally';

describe('accuracyBySpeaker', () => {
  it('scores every row once, per speaker and over all', () => {
    const r = accuracyBySpeaker([1, 2, 3, 0, 5], [1, 2, 0, 0, 4], ['x', 'x', 'y', 'y', 'x']);
    expect(r.accuracy).toBeCloseTo(60, 10);
    expect(r.n).toBe(5);
    expect(r.perSpeaker).toEqual({ x: { accuracy: (100 * 2) / 3, n: 3 }, y: { accuracy: 50, n: 2 } });
    expect(Object.keys(r.perSpeaker)).toEqual(['x', 'y']);
  });

  it('rejects arrays of different lengths', () => {
    expect(() => accuracyBySpeaker([1], [1, 2], ['a', 'b'])).toThrow(/one entry per row/);
  });
});

describe('confusionTally', () => {
  it('counts each row once under its true class and its predicted class', () => {
    expect(confusionTally([0, 1, 1, 2], [0, 1, 2, 2], 3)).toEqual([[1, 0, 0], [0, 1, 0], [0, 1, 1]]);
    expect(() => confusionTally([0], [0, 1], 2)).toThrow(/one entry per row/);
  });
});
