import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../src/core/search/engine';
import { budgetOf, runRandomSearch } from '../../../src/core/search/random-search';
import { presetSettings } from '../../../src/core/search/settings';
import { objectiveVector } from '../../../src/core/search/archive';
import { dominates } from '../../../src/core/pareto';
import { FakeEvaluator, loadTable } from './fake-evaluator';

const table = loadTable('jetson-tx2');
const settings = presetSettings('quick', { populationSize: 8, offspring: 8, survivorFraction: 0.5, generations: 3, seed: 5 });

describe('random-search baseline', () => {
  it('spends the evolutionary run\'s budget per generation and reports the same outputs', async () => {
    const evo = new SearchEngine(settings, new FakeEvaluator(), table);
    await evo.run();
    const evoResult = evo.result();
    const ev = new FakeEvaluator();
    const rnd = await runRandomSearch(settings, ev, table, { budget: budgetOf(evoResult) });
    expect(rnd.complete).toBe(true);
    expect(rnd.kind).toBe('random');
    expect(rnd.history.map((h) => h.fusionSearches)).toEqual(evoResult.history.map((h) => h.fusionSearches));
    expect(rnd.archive).toHaveLength(evoResult.archive.length);
    expect(ev.fusionCalls).toHaveLength(rnd.archive.length);
    expect(ev.backboneCalls).toHaveLength(0);
    expect(rnd.reference).toEqual(evoResult.reference);
    const o = (e: (typeof rnd.archive)[number]) => objectiveVector(e, settings.objectives);
    for (const a of rnd.front) for (const b of rnd.front) expect(dominates(o(a), o(b))).toBe(false);
    for (let i = 1; i < rnd.history.length; i++) expect(rnd.history[i].hypervolume).toBeGreaterThanOrEqual(rnd.history[i - 1].hypervolume);
  });

  it('is seeded, and stops when aborted', async () => {
    const a = await runRandomSearch(settings, new FakeEvaluator(), table);
    const b = await runRandomSearch(settings, new FakeEvaluator(), table);
    const c = await runRandomSearch({ ...settings, seed: 6 }, new FakeEvaluator(), table);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
    expect(a.archive).toHaveLength(3 * 4);
    const flag = { aborted: false };
    const part = await runRandomSearch(settings, new FakeEvaluator(), table, { signal: flag, onGeneration: () => (flag.aborted = true) });
    expect(part.complete).toBe(false);
    expect(part.history).toHaveLength(1);
  });
});
