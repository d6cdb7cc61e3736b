import { describe, expect, it } from 'vitest';
import { estimateRunSeconds } from '../../../src/core/search/run-estimate';
import { presetSettings } from '../../../src/core/search/settings';

const units = { backboneS: 1, searchEpochS: 2, retrainEpochS: 0.5, pairOverheadS: 3, measuredTrainSamples: 100 };

describe('run-time estimate', () => {
  it('bounds the work of the quick preset from its counts', () => {
    const s = presetSettings('quick');
    const e = estimateRunSeconds(s, units, 100);
    expect(e.fusionSearchesAtMost).toBe(2 * s.generations);
    expect(e.backbonesAtMost).toBe(2 * (s.populationSize + s.offspring * (s.generations - 1)));
    expect(e.lowS).toBeGreaterThan(0);
    expect(e.highS).toBeGreaterThan(e.lowS);
  });

  it('scales with the training samples, the epochs and the unit costs', () => {
    const s = presetSettings('demo');
    const a = estimateRunSeconds(s, units, 100);
    const b = estimateRunSeconds(s, units, 200);
    expect(b.highS).toBeGreaterThan(a.highS);
    const more = estimateRunSeconds({ ...s, fusionEpochs: s.fusionEpochs * 2 }, units, 100);
    expect(more.lowS).toBeGreaterThan(a.lowS);
    const slower = estimateRunSeconds(s, { ...units, backboneS: 10 }, 100);
    expect(slower.lowS - a.lowS).toBeCloseTo(9 * (2 * s.populationSize + s.offspring * (s.generations - 1)), 6);
    expect(estimateRunSeconds({ ...s, paperFaithful: true }, units, 100).highS).toBeLessThan(a.highS);
  });
});
