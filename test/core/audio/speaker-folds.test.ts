import { describe, expect, it } from 'vitest';
import { speakerFolds } from '../../../src/core/audio/speaker-folds';

describe('speakerFolds', () => {
  const speakers = [...Array(30).fill('b'), ...Array(25).fill('a'), ...Array(5).fill('c')];

  it('deals each speaker\'s rows alternately into two folds, each scored with the statistics of the other', () => {
    const { folds } = speakerFolds(speakers, 10);
    expect(folds.map((f) => f.speaker)).toEqual(['a', 'a', 'b', 'b']);
    for (const f of folds) {
      expect(f.adaptRows.every((r) => speakers[r] === f.speaker)).toBe(true);
      expect(f.scoreRows.every((r) => speakers[r] === f.speaker)).toBe(true);
      expect(f.adaptRows.filter((r) => f.scoreRows.includes(r))).toEqual([]);
    }
    const [a0, a1] = folds;
    expect(a0.scoreRows).toEqual([30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54]);
    expect(a0.adaptRows).toEqual(a1.scoreRows);
    expect(a1.adaptRows).toEqual(a0.scoreRows);
    // every row of an adapted speaker is scored exactly once
    const scored = folds.flatMap((f) => f.scoreRows).sort((x, y) => x - y);
    expect(scored).toEqual(Array.from({ length: 55 }, (_, i) => i));
  });

  it('keeps a speaker with fewer than twice minClips clips unadapted, with all its rows', () => {
    const { folds, unadapted } = speakerFolds(speakers, 10);
    expect(unadapted).toEqual([{ speaker: 'c', rows: [55, 56, 57, 58, 59] }]);
    expect(folds.some((f) => f.speaker === 'c')).toBe(false);
    expect(speakerFolds(speakers, 13).unadapted.map((u) => u.speaker)).toEqual(['a', 'c']);
    expect(speakerFolds(speakers, 2).unadapted).toEqual([]);
  });

  it('rejects a minimum that is not a whole number of at least 1', () => {
    expect(() => speakerFolds(speakers, 0)).toThrow(/minClips/);
    expect(() => speakerFolds(speakers, 2.5)).toThrow(/minClips/);
  });
});
