import { describe, expect, it } from 'vitest';
import { mixupBatch, symmetricBeta } from '../../../src/ml/supernet/mixup';
import { Rng } from '../../../src/core/rng';

describe('symmetricBeta', () => {
  it('has mean 1/2 and the Beta(α, α) variance 1 / (4(2α + 1))', () => {
    for (const alpha of [0.2, 1, 4]) {
      const rng = new Rng(5);
      const xs = Array.from({ length: 20000 }, () => symmetricBeta(alpha, rng));
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
      expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
      expect(mean).toBeCloseTo(0.5, 1);
      expect(variance).toBeCloseTo(1 / (4 * (2 * alpha + 1)), 2);
    }
  });

  it('rejects α ≤ 0', () => {
    expect(() => symmetricBeta(0, new Rng(1))).toThrow('mixup: α must be > 0, got 0');
  });
});

describe('mixupBatch', () => {
  it('blends each map with one partner by λ and gives targets that sum to 1', () => {
    // four 2-value maps whose values name their sample, labels 0..3
    const inputs = Float32Array.from([0, 0, 10, 10, 20, 20, 30, 30]);
    const { inputs: mixed, targets, lambda } = mixupBatch(inputs, [0, 1, 2, 3], 4, 1, new Rng(3));
    expect(lambda).toBeGreaterThan(0);
    expect(lambda).toBeLessThan(1);
    const partners: number[] = [];
    for (let i = 0; i < 4; i++) {
      const row = Array.from(targets.subarray(i * 4, i * 4 + 4));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      // the partner is the class given 1 − λ (or the sample itself when paired with itself)
      const j = row[i] > lambda + 1e-6 ? i : row.findIndex((v, c) => c !== i && v > 0);
      partners.push(j);
      const expected = lambda * 10 * i + (1 - lambda) * 10 * j;
      expect(mixed[2 * i]).toBeCloseTo(expected, 4);
      expect(mixed[2 * i + 1]).toBeCloseTo(expected, 4);
    }
    // a permutation: every sample is someone's partner once
    expect([...partners].sort()).toEqual([0, 1, 2, 3]);
  });

  it('is reproducible from the seed and rejects a batch that does not split into maps', () => {
    const inputs = Float32Array.from({ length: 12 }, (_, i) => i);
    expect(mixupBatch(inputs, [0, 1, 0], 2, 0.4, new Rng(9))).toEqual(mixupBatch(inputs, [0, 1, 0], 2, 0.4, new Rng(9)));
    expect(() => mixupBatch(inputs, [0, 1, 0, 1, 0], 2, 0.4, new Rng(9))).toThrow('mixup: 12 values do not split into 5 maps');
  });
});
