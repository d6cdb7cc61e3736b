import { describe, expect, it } from 'vitest';
import { UNSEEN_SPEAKER, pairUnseenSpeaker } from '../../src/data/unseen-speaker-pairing';

const SPEAKERS = ['jackson', 'nicolas', 'theo'];
const files = SPEAKERS.flatMap((sp) => Array.from({ length: 10 }, (_, d) => Array.from({ length: 50 }, (_, t) => `${d}_${sp}_${t}.wav`)).flat());
/** Demo-like labels: 90 / 15 / 45 per class, interleaved. */
const labels = (perClass: number) => Array.from({ length: perClass * 10 }, (_, i) => i % 10);
const demo = { train: labels(90), val: labels(15), test: labels(45) };

describe('pairUnseenSpeaker', () => {
  const p = pairUnseenSpeaker(demo, files, UNSEEN_SPEAKER, 2023);
  const speaker = (f: string) => f.split('_')[1];
  const take = (f: string) => Number(f.split('_')[2].replace('.wav', ''));

  it('keeps the held-out voice out of training and validation, and only it in test', () => {
    expect(p.train.fsdd.some((f) => speaker(f) === UNSEEN_SPEAKER)).toBe(false);
    expect(p.val.fsdd.some((f) => speaker(f) === UNSEEN_SPEAKER)).toBe(false);
    expect(new Set(p.test.fsdd.map(speaker))).toEqual(new Set([UNSEEN_SPEAKER]));
  });

  it('validates on the training speakers’ takes 0–4 and trains on the rest, each clip once', () => {
    expect(p.val.fsdd.every((f) => take(f) < 5)).toBe(true);
    expect(p.train.fsdd.every((f) => take(f) >= 5)).toBe(true);
    for (const s of ['train', 'val', 'test'] as const) expect(new Set(p[s].fsdd).size).toBe(p[s].fsdd.length);
  });

  it('pairs every kept sample with a clip of its own digit, keeping the demo order', () => {
    for (const s of ['train', 'val', 'test'] as const) {
      p[s].keep.forEach((i, k) => expect(Number(p[s].fsdd[k].split('_')[0])).toBe(demo[s][i]));
      expect([...p[s].keep].sort((a, b) => a - b)).toEqual(p[s].keep);
    }
    // 90 training clips per digit (2 speakers × 45 takes) fill the 90 demo samples; validation has 10 of 15
    expect(p.train.keep).toHaveLength(900);
    expect(p.val.keep).toHaveLength(100);
    expect(p.test.keep).toHaveLength(450);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(pairUnseenSpeaker(demo, files, UNSEEN_SPEAKER, 2023)).toEqual(p);
    expect(pairUnseenSpeaker(demo, files, UNSEEN_SPEAKER, 7).train.fsdd).not.toEqual(p.train.fsdd);
  });
});
