import { describe, it, expect } from 'vitest';
import { etas, formatDuration, fusionFraction, generationFraction, runFraction, timeLeftMs, UNIMODAL_SHARE } from '../../src/api/eta';
import type { RunnerProgress } from '../../src/core/search-protocol';
import type { FusionNow } from '../../src/core/search-events';

/** The fields of an inner-search position the ETA reads (the rest of the event does not matter here). */
const at = (f: object) => f as FusionNow;

const base: RunnerProgress = {
  phase: 'unimodal evaluation',
  generation: 0,
  generations: 4,
  candidate: 0,
  candidates: 10,
  archiveSize: 0,
  frontSize: 0,
  backboneEvaluations: 0,
  fusionSearches: 0,
  cacheHits: 0,
  fusion: null,
  runMs: 0,
  generationMs: 0,
  fusionMs: 0,
  fusionEpochs: 4,
  retrainEpochs: 2,
};

describe('progress fractions and time left', () => {
  it('weights unimodal scoring and fusion searches within a generation', () => {
    expect(generationFraction({ ...base, candidate: 5 })).toBeCloseTo(UNIMODAL_SHARE / 2);
    expect(generationFraction({ ...base, phase: 'selection' })).toBe(UNIMODAL_SHARE);
    const fusion = { ...base, phase: 'fusion search' as const, candidate: 1, candidates: 4 };
    expect(generationFraction(fusion)).toBeCloseTo(UNIMODAL_SHARE + (1 - UNIMODAL_SHARE) * 0.25);
    // half-way through pair 1's six epochs (4 search + 2 retrain): 3 done
    const mid = { ...fusion, fusion: at({ stage: 'search', epoch: 3, epochs: 4, pair: 1, pairs: 4 }) };
    expect(fusionFraction(mid)).toBeCloseTo(0.5);
    expect(generationFraction(mid)).toBeCloseTo(UNIMODAL_SHARE + (1 - UNIMODAL_SHARE) * (1.5 / 4));
    expect(fusionFraction({ ...mid, fusion: at({ ...mid.fusion, stage: 'retrain', epoch: 2, epochs: 2, candidate: 1, candidates: 1 }) })).toBe(1);
    // retraining the 2nd of 3 candidates, its 1st epoch: 4 + 2 + 1 of 4 + 3 × 2 epochs
    const retraining = at({ ...mid.fusion, stage: 'retrain', epoch: 1, epochs: 2, candidate: 2, candidates: 3 });
    expect(fusionFraction({ ...mid, fusion: retraining })).toBeCloseTo(7 / 10);
    expect(fusionFraction({ ...mid, fusion: at({ ...retraining, candidate: 3, epoch: 2 }) })).toBe(1);
    expect(generationFraction({ ...base, phase: 'breeding' })).toBe(1);
  });

  it('spreads the generations over the run and is 1 when finished', () => {
    expect(runFraction({ ...base, generation: 2, phase: 'breeding' })).toBeCloseTo(3 / 4);
    expect(runFraction({ ...base, phase: 'finished', generation: 3 })).toBe(1);
  });

  it('extrapolates time left from active time, unknown before any progress', () => {
    expect(timeLeftMs(0, 0.5)).toBeNull();
    expect(timeLeftMs(1000, 0)).toBeNull();
    expect(timeLeftMs(1000, 0.25)).toBeCloseTo(3000);
    expect(timeLeftMs(1000, 1)).toBe(0);
    const e = etas({ ...base, phase: 'selection', generation: 1, runMs: 10_000, generationMs: 1000 });
    expect(e.run.fraction).toBeCloseTo((1 + UNIMODAL_SHARE) / 4);
    expect(e.fusion).toBeNull();
  });

  it('formats durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatDuration(3_900_000)).toBe('1 h 05 min');
  });
});
