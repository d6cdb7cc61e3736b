import { describe, expect, it } from 'vitest';
import { leaveOneSpeakerOut } from '../../../src/core/audio/speaker-split';
import { cmvn } from '../../../src/core/audio/cmvn';

const clips = ['a', 'b', 'c'].flatMap((speaker) => Array.from({ length: 20 }, (_, i) => ({ name: { digit: i % 10, speaker, take: Math.floor(i / 2) } })));

describe('leaveOneSpeakerOut', () => {
  it('keeps the held-out speaker out of training and validation, and uses every clip once', () => {
    const s = leaveOneSpeakerOut(clips, 'b');
    expect(new Set(s.test.map((c) => c.name.speaker))).toEqual(new Set(['b']));
    for (const c of [...s.train, ...s.val]) expect(c.name.speaker).not.toBe('b');
    expect(s.val.every((c) => c.name.take < 5)).toBe(true);
    expect(s.train.every((c) => c.name.take >= 5)).toBe(true);
    expect(s.train.length + s.val.length + s.test.length).toBe(clips.length);
    expect(() => leaveOneSpeakerOut(clips, 'zoe')).toThrow(/no clip of speaker "zoe"/);
  });
});

describe('cmvn', () => {
  it('gives every coefficient zero mean and unit spread over the clip, scaled into [−1, 1]', () => {
    const map = Float32Array.from({ length: 2 * 4 }, (_, i) => (i < 4 ? [1, 2, 3, 4][i] : 10));
    const out = cmvn(map, 2, 4);
    const row = Array.from(out.subarray(0, 4));
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
    expect(row[3]).toBeCloseTo((1.5 / Math.sqrt(1.25)) / 3, 6);
    expect(Array.from(out.subarray(4))).toEqual([0, 0, 0, 0]); // a constant coefficient carries nothing
    // a louder copy of the clip (c0 shifted, everything scaled) normalises to the same map
    const louder = map.map((v, i) => (i < 4 ? 2 * v + 7 : v));
    expect(Array.from(cmvn(louder, 2, 4))).toEqual(Array.from(out));
    expect(() => cmvn(map, 3, 4)).toThrow(/3×4/);
  });
});
