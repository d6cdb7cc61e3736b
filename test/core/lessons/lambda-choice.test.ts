import { describe, expect, it } from 'vitest';
import { rescoreCandidates } from '../../../src/core/lessons/lambda-choice';
import { fusionCost } from '../../../src/core/cost-model';
import type { CandidateSummary } from '../../../src/core/search-events';
import type { FusionOp } from '../../../src/core/types';
import { loadTable } from '../search/fake-evaluator';

const table = loadTable('jetson-tx2');
function candidate(ops: FusionOp[], ce: number, acc: number, kept = false): CandidateSummary {
  return { genotype: { cells: ops.map((op) => ({ inputs: [0, 4], ops: [op] })) }, fusionOps: ops, epochs: [1], valAccuracy: acc, valCrossEntropy: ce, objective: ce, kept };
}

describe('rescoreCandidates', () => {
  const accurate = candidate(['CatConvMish', 'CatConvMish'], 0.02, 99.5, true);
  const cheap = candidate(['Sum', 'Sum'], 0.05, 98.9);

  it('keeps the lowest cross-entropy at λ 0 and the cheaper fusion once λ is large enough', () => {
    const at0 = rescoreCandidates([accurate, cheap], table, 0, ['error', 'latency', 'energy']);
    expect(at0.map((c) => c.chosen)).toEqual([true, false]);
    expect(at0[0].keptByRun).toBe(true);
    const slow = fusionCost(table, ['CatConvMish', 'CatConvMish']);
    const fast = fusionCost(table, ['Sum', 'Sum']);
    expect(slow.latencyMs).toBeGreaterThan(fast.latencyMs);
    expect(at0[1].fusionLatencyMs).toBeCloseTo(fast.latencyMs, 12);
    const atLarge = rescoreCandidates([accurate, cheap], table, 1, ['error', 'latency', 'energy']);
    expect(atLarge.map((c) => c.chosen)).toEqual([false, true]);
    expect(atLarge[1].objective).toBeCloseTo(0.05 + fast.latencyMs + fast.energyMj, 12);
  });

  it('ignores the hardware terms that are not objectives', () => {
    const r = rescoreCandidates([accurate, cheap], table, 1, ['error']);
    expect(r.map((c) => c.chosen)).toEqual([true, false]);
    expect(r[0].objective).toBe(0.02);
    expect(rescoreCandidates([], table, 1, ['error'])).toEqual([]);
  });
});
