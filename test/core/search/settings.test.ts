import { describe, expect, it } from 'vitest';
import { PRESETS, PRESET_NAMES, checkSettings, pairsPerGeneration, presetSettings, validateSettings } from '../../../src/core/search/settings';

describe('search settings and presets', () => {
  it('every preset is valid; paper is the reference scale', () => {
    for (const name of PRESET_NAMES) expect(validateSettings(presetSettings(name))).toEqual([]);
    const p = PRESETS.paper;
    expect([p.populationSize, p.offspring, p.survivorFraction, p.fusionEpochs, p.generations, p.C]).toEqual([64, 64, 0.25, 25, 30, 192]);
    expect([p.crossoverP, p.mutationP]).toEqual([0.8, 0.4]);
    expect(pairsPerGeneration(p)).toBe(16);
    // quick is the smallest
    expect(PRESETS.quick.generations * pairsPerGeneration(PRESETS.quick)).toBeLessThan(PRESETS.demo.generations * pairsPerGeneration(PRESETS.demo));
  });

  it('presetSettings returns an independent copy', () => {
    const a = presetSettings('demo');
    a.objectives.push('error');
    expect(PRESETS.demo.objectives).toHaveLength(3);
  });

  it('names every invalid field', () => {
    const bad = presetSettings('quick', {
      populationSize: 1.5,
      survivorFraction: 0,
      lambda: -1,
      objectives: ['error', 'speed' as never],
      crossoverP: 2,
      seed: -3,
      device: 'Jetson TX2',
    });
    const errors = validateSettings(bad).join('\n');
    for (const word of ['populationSize', 'survivorFraction', 'lambda', 'speed', 'crossoverP', 'seed', 'device']) expect(errors).toContain(word);
    expect(() => checkSettings(bad)).toThrow(/Invalid search settings/);
    expect(validateSettings(presetSettings('quick', { objectives: [] }))).toHaveLength(1);
    expect(validateSettings(presetSettings('quick', { objectives: ['error', 'error'] })).join()).toMatch(/repeat/);
    expect(checkSettings(presetSettings('quick', { objectives: ['energy', 'error'] })).objectives).toEqual(['error', 'energy']);
  });
});

describe('retraining learning rate', () => {
  it('is set by every preset and checked like the other numbers', () => {
    for (const name of PRESET_NAMES) expect(PRESETS[name].retrainLr).toBeGreaterThan(0);
    expect(validateSettings({ ...presetSettings('demo'), retrainLr: 0 })).toEqual(['retrainLr must be a number > 0 and ≤ 1, got 0']);
    expect(validateSettings({ ...presetSettings('demo'), retrainLr: 2 })).toHaveLength(1);
  });
  it('may be absent in runs saved before it existed (they retrained at 1e-3)', () => {
    const { retrainLr: _, ...old } = presetSettings('demo');
    expect(validateSettings(old)).toEqual([]);
    expect(checkSettings(old).retrainLr).toBeUndefined();
  });
});
