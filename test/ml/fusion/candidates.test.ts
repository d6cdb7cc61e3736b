import { describe, expect, it } from 'vitest';
import { bestCandidate, candidateObjective, epochCandidates, genotypeKey } from '../../../src/ml/fusion/candidates';
import type { SearchedGenotype } from '../../../src/ml/fusion/discretise';

const g = (inputs: [number, number], op: 'Sum' | 'ConcatFC' | 'LinearGLU'): SearchedGenotype => ({
  cells: [{ inputs, ops: [op], stepInputs: [[0, 1]] }],
});
const at = (epoch: number, genotype: SearchedGenotype) => ({ epoch, genotype });
const score = (valCrossEntropy: number, valAccuracy: number, fusionLatencyMs = 1, fusionEnergyMj = 2) => ({
  valCrossEntropy,
  valAccuracy,
  fusionLatencyMs,
  fusionEnergyMj,
});

describe('epochCandidates', () => {
  it('keeps each distinct genotype once, in order of first appearance, with the epochs that gave it', () => {
    const h = [at(1, g([7, 3], 'Sum')), at(2, g([7, 3], 'Sum')), at(3, g([4, 5], 'Sum')), at(4, g([7, 3], 'ConcatFC')), at(5, g([4, 5], 'Sum'))];
    const c = epochCandidates(h, 6);
    expect(c.map((x) => genotypeKey(x.genotype))).toEqual([g([7, 3], 'Sum'), g([4, 5], 'Sum'), g([7, 3], 'ConcatFC')].map(genotypeKey));
    expect(c.map((x) => x.epochs)).toEqual([[1, 2], [3, 5], [4]]);
  });

  it('tells genotypes apart by inputs, operators and step operands', () => {
    const a = g([7, 3], 'Sum');
    const b: SearchedGenotype = { cells: [{ inputs: [7, 3], ops: ['Sum'], stepInputs: [[1, 0]] }] };
    expect(genotypeKey(a)).not.toBe(genotypeKey(b));
    expect(genotypeKey(a)).not.toBe(genotypeKey(g([3, 7], 'Sum')));
    expect(genotypeKey(a)).toBe(genotypeKey(g([7, 3], 'Sum')));
  });

  it('with more than max, spreads the picks evenly and keeps the first and the last', () => {
    const h = Array.from({ length: 9 }, (_, i) => at(i + 1, g([i, i + 1], 'Sum')));
    expect(epochCandidates(h, 3).map((c) => c.epochs[0])).toEqual([1, 5, 9]);
    expect(epochCandidates(h, 5).map((c) => c.epochs[0])).toEqual([1, 3, 5, 7, 9]);
    expect(epochCandidates(h, 1).map((c) => c.epochs[0])).toEqual([9]);
    expect(() => epochCandidates(h, 0)).toThrow(/max candidates/);
  });
});

describe('bestCandidate', () => {
  it('keeps the lowest validation cross-entropy when λ = 0', () => {
    expect(bestCandidate([score(0.08, 99.3), score(0.03, 100), score(0.05, 100)], 0, 0)).toBe(1);
  });

  it('adds λ·latency and λE·energy, so a cheaper fusion can win at λ > 0', () => {
    const accurateButSlow = score(0.03, 100, 1.05, 2.0);
    const cheap = score(0.06, 99.3, 0.12, 0.2);
    expect(bestCandidate([accurateButSlow, cheap], 0, 0)).toBe(0);
    expect(bestCandidate([accurateButSlow, cheap], 0.1, 0)).toBe(1);
    expect(bestCandidate([accurateButSlow, cheap], 0, 0.05)).toBe(1);
    expect(candidateObjective(cheap, 0.1, 0.05)).toBeCloseTo(0.06 + 0.012 + 0.01, 12);
  });

  it('breaks a tie by validation accuracy, then by order', () => {
    expect(bestCandidate([score(0.05, 98), score(0.05, 99)], 0, 0)).toBe(1);
    expect(bestCandidate([score(0.05, 99), score(0.05, 99)], 0, 0)).toBe(0);
    expect(() => bestCandidate([], 0, 0)).toThrow(/no candidate/);
  });
});
