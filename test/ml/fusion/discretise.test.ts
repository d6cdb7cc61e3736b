import { describe, expect, it } from 'vitest';
import { discretise } from '../../../src/ml/fusion/discretise';
import type { ArchWeights } from '../../../src/ml/fusion/search-network';
import { readsBothModalities } from '../../../src/core/fusion-modalities';

/** Softmax-like weights over n candidates: `peaks` maps an index to its weight, the rest share what is left. */
function slot(n: number, peaks: Record<number, number>): number[] {
  const given = Object.values(peaks).reduce((a, b) => a + b, 0);
  const rest = (1 - given) / (n - Object.keys(peaks).length);
  return Array.from({ length: n }, (_, i) => peaks[i] ?? rest);
}
const oneStep = { betas: [[slot(2, { 0: 0.9 }), slot(2, { 1: 0.9 })]], gammas: [slot(6, { 3: 0.5 })] };

/** 2 cells × 1 step; cell c's α slots peak at `first[c]` / `second[c]`. */
function weights(first: Record<number, number>[], second: Record<number, number>[]): ArchWeights {
  return {
    alphas: first.map((f, c) => [slot(8 + c, f), slot(8 + c, second[c])]),
    betas: first.map(() => oneStep.betas),
    gammas: first.map(() => oneStep.gammas),
  };
}

describe('discretise with bothModalities', () => {
  // both cells prefer audio features (4, 5); cell 1's second slot also likes image feature 3
  const audioOnly = weights(
    [{ 4: 0.6 }, { 4: 0.5 }],
    [{ 5: 0.5 }, { 5: 0.4, 3: 0.3 }],
  );

  it('plain argmax keeps an audio-only genotype', () => {
    const g = discretise(audioOnly);
    expect(g.cells.map((c) => c.inputs)).toEqual([[4, 5], [4, 5]]);
    expect(readsBothModalities(g)).toBe(false);
  });

  it('repairs it by the one change that loses the least α-score, keeping operators and steps', () => {
    const g = discretise(audioOnly, { bothModalities: true });
    // cell 1: 0.5·0.3 / (0.5·0.4) = 0.75 kept, better than any change in cell 0 (≤ 0.6·0.05 / 0.6·0.5)
    expect(g.cells.map((c) => c.inputs)).toEqual([[4, 5], [4, 3]]);
    expect(readsBothModalities(g)).toBe(true);
    expect(g.cells.map((c) => c.ops)).toEqual(discretise(audioOnly).cells.map((c) => c.ops));
    expect(g.cells.map((c) => c.stepInputs)).toEqual(discretise(audioOnly).cells.map((c) => c.stepInputs));
  });

  it('leaves a genotype that already reads both modalities alone', () => {
    const mixed = weights([{ 7: 0.6 }, { 7: 0.5 }], [{ 6: 0.5 }, { 3: 0.5 }]);
    expect(discretise(mixed, { bothModalities: true })).toEqual(discretise(mixed));
    expect(discretise(mixed).cells.map((c) => c.inputs)).toEqual([[7, 6], [7, 3]]);
  });

  it('a single cell fuses one image and one audio feature', () => {
    const w: ArchWeights = { alphas: [[slot(8, { 0: 0.5 }), slot(8, { 1: 0.4, 6: 0.2 })]], ...{ betas: [oneStep.betas], gammas: [oneStep.gammas] } };
    expect(discretise(w).cells[0].inputs).toEqual([0, 1]);
    expect(discretise(w, { bothModalities: true }).cells[0].inputs).toEqual([0, 6]);
  });
});
