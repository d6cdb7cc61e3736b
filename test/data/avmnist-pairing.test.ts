import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng';
import { pairAvmnist, parseFsddName, splitRecordings, SPLITS } from '../../src/data/avmnist-pairing';

const SPEAKERS = ['jackson', 'nicolas', 'theo'];
const FILES = Array.from({ length: 10 }, (_, d) => SPEAKERS.flatMap((s) => Array.from({ length: 50 }, (_, t) => `${d}_${s}_${t}.wav`))).flat();
// Synthetic MNIST labels: 200 training and 60 test images per class, interleaved.
const trainLabels = Uint8Array.from({ length: 2000 }, (_, i) => i % 10);
const testLabels = Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 10);
const PER_CLASS = { train: 90, val: 15, test: 45 };
const build = (seed: number) => pairAvmnist({ fsddFiles: FILES, mnistTrainLabels: trainLabels, mnistTestLabels: testLabels, perClass: PER_CLASS, seed });

describe('AV-MNIST pairing', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    expect(build(7)).toEqual(build(7));
    expect(build(8).train).not.toEqual(build(7).train);
  });

  it('has 90/15/45 pairs per class with matching labels', () => {
    const p = build(1);
    for (const s of SPLITS) {
      for (let c = 0; c < 10; c++) expect(p[s].filter((x) => x.label === c).length).toBe(PER_CLASS[s]);
      for (const x of p[s]) {
        expect(parseFsddName(x.fsdd).digit).toBe(x.label);
        expect((x.mnistSet === 'train' ? trainLabels : testLabels)[x.mnistIndex]).toBe(x.label);
      }
    }
    expect(p.test.every((x) => x.mnistSet === 'test')).toBe(true);
    expect([...p.train, ...p.val].every((x) => x.mnistSet === 'train')).toBe(true);
  });

  it('never shares a recording or an image between splits (or within one)', () => {
    const p = build(3);
    const recs = SPLITS.flatMap((s) => p[s].map((x) => x.fsdd));
    expect(new Set(recs).size).toBe(1500);
    const imgs = SPLITS.flatMap((s) => p[s].map((x) => `${x.mnistSet}:${x.mnistIndex}`));
    expect(new Set(imgs).size).toBe(1500);
  });

  it('keeps FSDD test takes 0–4 in test and balances speakers in every split', () => {
    const p = build(5);
    const testTakes = p.test.map((x) => parseFsddName(x.fsdd)).filter((r) => r.take < 5);
    expect(testTakes.length).toBe(150);
    for (const s of SPLITS) {
      for (const sp of SPEAKERS) {
        expect(p[s].filter((x) => x.fsdd.includes(`_${sp}_`)).length).toBe((PER_CLASS[s] / 3) * 10);
      }
    }
  });

  it('rejects bad names and classes without enough recordings', () => {
    expect(() => parseFsddName('3-theo-1.wav')).toThrow(/not an FSDD recording name/);
    expect(() => splitRecordings(FILES.slice(0, 100), PER_CLASS, new Rng(1))).toThrow(/class 0: 100 recordings/);
  });
});
