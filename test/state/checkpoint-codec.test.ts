import { describe, it, expect } from 'vitest';
import { SearchEngine, type EngineState } from '../../src/core/search/engine';
import { presetSettings } from '../../src/core/search/settings';
import { decodeSavedRun, encodeSavedRun, SAVED_RUN_FORMAT } from '../../src/state/checkpoint-codec';
import { FakeEvaluator, loadTable } from '../core/search/fake-evaluator';

const settings = presetSettings('quick', { seed: 7, generations: 3 });

describe('saved-run encoding (what goes to IndexedDB)', () => {
  it('round-trips a generation checkpoint, and the resumed run ends exactly like an uninterrupted one', async () => {
    const table = loadTable();
    const whole = new SearchEngine(settings, new FakeEvaluator(), table);
    expect(await whole.run()).toBe('finished');

    let saved: unknown = null;
    const first = new SearchEngine(settings, new FakeEvaluator(), table, {
      onGeneration: (_r, cp: EngineState) => {
        if (saved === null) saved = structuredClone(encodeSavedRun(cp, 'webgl', 'quick', 1234));
      },
    });
    await first.step('generation');
    expect(saved).not.toBeNull();
    const { run, state } = decodeSavedRun(saved);
    expect(run).toMatchObject({ format: SAVED_RUN_FORMAT, savedAt: 1234, backend: 'webgl', preset: 'quick', generationsDone: 1, generations: 3 });
    const resumed = SearchEngine.restore(state, new FakeEvaluator(), table);
    expect(await resumed.run()).toBe('finished');
    expect(resumed.result()).toEqual(whole.result());
  });

  it('rejects what is not a saved run of this version, naming why', () => {
    expect(() => decodeSavedRun(null)).toThrow(/not a saved search run/);
    expect(() => decodeSavedRun({ format: 'other/1' })).toThrow(/not a saved search run/);
    const ok = encodeSavedRun(new SearchEngine(settings, new FakeEvaluator(), loadTable()).checkpoint(), 'auto', 'quick', 1);
    expect(() => decodeSavedRun({ ...ok, backend: 'metal' })).toThrow(/unknown backend/);
    expect(() => decodeSavedRun({ ...ok, state: '{oops' })).toThrow(/not valid JSON/);
    expect(() => decodeSavedRun({ ...ok, state: JSON.stringify({ version: 99 }) })).toThrow(/invalid search checkpoint/);
    expect(decodeSavedRun(ok).state.settings.seed).toBe(7);
  });
});
