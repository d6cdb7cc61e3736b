// compare-random's summary of a headless search's result file: finite hypervolumes, N, the ratio.
import { describe, expect, it } from 'vitest';
import { comparison } from '../../scripts/compare-random';

const file = {
  history: [{ fusionSearches: 2 }, { fusionSearches: 1 }],
  reference: { objectives: ['error', 'latency', 'energy'], point: [100, 20, 30] },
  run: { hypervolume: { evolution: [0.42, 0.4206], random: [0.2747, 0.2747] }, seconds: 90, backend: 'wasm' },
};

describe('compare-random', () => {
  it('reports both final hypervolumes, N, the reference and the ratio', () => {
    const c = comparison(file);
    expect(c).toMatchObject({ evaluations: 3, hypervolume: 0.4206, hypervolumeRandom: 0.2747, reference: file.reference });
    expect(c.ratio).toBeCloseTo(0.4206 / 0.2747, 12);
    for (const v of [c.hypervolume, c.hypervolumeRandom, c.ratio]) expect(Number.isFinite(v)).toBe(true);
  });

  it('with the ceiling: the largest possible ratio and the share of the gap to the ceiling evolution closes', () => {
    const c = comparison(file, 0.4794);
    expect(c.maxPossibleRatio).toBeCloseTo(0.4794 / 0.2747, 12);
    expect(c.gapClosed).toBeCloseTo((0.4206 - 0.2747) / (0.4794 - 0.2747), 12);
    const worse = comparison({ ...file, run: { ...file.run, hypervolume: { evolution: [0.2], random: [0.3] } } }, 0.5);
    expect(worse.gapClosed).toBeCloseTo(-0.5, 12);
    expect(comparison(file).gapClosed).toBeUndefined();
  });

  it('refuses a result without a baseline', () => {
    expect(() => comparison({ ...file, run: { ...file.run, hypervolume: null } })).toThrow(/no random-search baseline/);
  });
});
