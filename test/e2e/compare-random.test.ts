// compare-random on a tiny budget (the page's own worker code in headless Chromium): one JSON
// object with finite hypervolumes of both searches, the reference point, N and their ratio.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';

describe('npm run compare-random (tiny budget)', () => {
  it('prints finite hypervolumes, N and the ratio', () => {
    const out = execFileSync(
      'npx',
      ['tsx', 'scripts/compare-random.ts', '--preset', 'quick', '--seed', '4', '--population-size', '2', '--offspring', '2', '--generations', '2', '--fusion-epochs', '1', '--retrain-epochs', '1', '--train-subset', '120'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 },
    );
    const c = JSON.parse(out);
    expect(c.evaluations).toBeGreaterThan(0);
    for (const v of [c.hypervolume, c.hypervolumeRandom, c.ratio]) expect(Number.isFinite(v) && v > 0).toBe(true);
    expect(c.perGeneration.evolution).toHaveLength(2);
    expect(c.perGeneration.random).toHaveLength(2);
    expect(c.reference.point).toHaveLength(c.reference.objectives.length);
    // no front can pass the ideal point's hypervolume
    expect(c.hypervolume).toBeLessThanOrEqual(c.hypervolumeCeiling);
    expect(c.hypervolumeRandom).toBeLessThanOrEqual(c.hypervolumeCeiling);
    expect(c.maxPossibleRatio).toBeCloseTo(c.hypervolumeCeiling / c.hypervolumeRandom, 12);
    expect(Number.isFinite(c.gapClosed)).toBe(true);
  }, 900_000);
});
