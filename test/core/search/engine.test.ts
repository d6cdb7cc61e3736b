import { describe, expect, it } from 'vitest';
import { SearchEngine, type SearchProgress } from '../../../src/core/search/engine';
import { presetSettings, pairsPerGeneration, type SearchSettings } from '../../../src/core/search/settings';
import { archiveFront, objectiveVector } from '../../../src/core/search/archive';
import { dominates } from '../../../src/core/pareto';
import { networkCost, backboneCost } from '../../../src/core/cost-model';
import { genomeKey } from '../../../src/core/genome';
import { FakeEvaluator, loadTable } from './fake-evaluator';

const table = loadTable('jetson-tx2');

function settings(over: Partial<SearchSettings> = {}): SearchSettings {
  return presetSettings('quick', { populationSize: 8, offspring: 8, survivorFraction: 0.5, generations: 4, seed: 7, ...over });
}

async function straight(s = settings(), ev = new FakeEvaluator()) {
  const engine = new SearchEngine(s, ev, table);
  expect(await engine.run()).toBe('finished');
  return { engine, result: engine.result(), ev };
}

describe('SearchEngine (outer tier, fake evaluator)', () => {
  it('keeps the right number of survivors per modality and in the elite', async () => {
    const s = settings();
    const engine = new SearchEngine(s, new FakeEvaluator(), table);
    const seen: string[] = [];
    engine.hooks.onProgress = (p) => seen.push(p.phase);
    while (engine.checkpoint().phase !== 'fusion search') await engine.step('candidate');
    const st = engine.checkpoint();
    const target = pairsPerGeneration(s);
    expect(target).toBe(4);
    for (const m of ['image', 'audio'] as const) {
      const distinct = new Set(st.population.map((ind) => genomeKey(ind[m]))).size;
      expect(st.survivors![m]).toHaveLength(Math.min(target, distinct));
      expect(new Set(st.survivors![m]).size).toBe(st.survivors![m].length);
      // Survivors are never dominated by a non-survivor on [100 − val, latency, energy].
      const obj = (k: string) => {
        const b = st.backbones[`${m}/${k}`];
        return [100 - b.valAccuracy, b.latencyMs, b.energyMj];
      };
      const losers = [...new Set(st.population.map((ind) => genomeKey(ind[m])))].filter((k) => !st.survivors![m].includes(k));
      for (const w of st.survivors![m]) for (const l of losers) {
        if (dominates(obj(l), obj(w))) {
          // allowed only if the survivor's front was full: then the loser is in a better front — impossible
          throw new Error(`survivor ${w} dominated by dropped ${l}`);
        }
      }
    }
    expect(st.pairs).toHaveLength(Math.max(st.survivors!.image.length, st.survivors!.audio.length));
    expect(seen).toContain('unimodal evaluation');
    expect(seen).toContain('selection');
    await engine.step('generation');
    const after = engine.checkpoint();
    expect(after.generation).toBe(1);
    expect(after.elite.length).toBe(Math.min(s.populationSize, new Set(st.pairs.map((p) => genomeKey(p.image) + genomeKey(p.audio) + JSON.stringify(p.macro))).size));
    expect(after.population).toHaveLength(after.elite.length + s.offspring);
  });

  it('grows the archive, prices every network with the cost model, never re-evaluates', async () => {
    const { result, ev } = await straight();
    const sizes = result.history.map((h) => h.archiveSize);
    expect(sizes[0]).toBeGreaterThan(0);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThanOrEqual(sizes[i - 1]);
    expect(sizes[sizes.length - 1]).toBeGreaterThan(sizes[0]);
    expect(result.archive).toHaveLength(ev.fusionCalls.length);
    expect(new Set(ev.fusionCalls).size).toBe(ev.fusionCalls.length);
    expect(new Set(ev.backboneCalls).size).toBe(ev.backboneCalls.length);
    expect(result.totals.backboneEvaluations).toBe(ev.backboneCalls.length);
    for (const e of result.archive) {
      const c = networkCost(table, { image: e.image, audio: e.audio, fusionOps: e.fusionOps });
      expect(e.latencyMs).toBe(c.latencyMs);
      expect(e.energyMj).toBe(c.energyMj);
      expect(e.genotype.cells).toHaveLength(e.macro.cells);
    }
    // Hypervolume is computed against the fixed reference, is > 0 and never decreases.
    expect(result.reference.point[0]).toBe(100);
    const hv = result.history.map((h) => h.hypervolume);
    expect(hv[0]).toBeGreaterThan(0);
    for (let i = 1; i < hv.length; i++) expect(hv[i]).toBeGreaterThanOrEqual(hv[i - 1]);
    for (const h of result.history) expect(h.hypervolumeNormalised).toBeLessThan(1);
  });

  it('reports a mutually non-dominated front equal to the archive\'s non-dominated set', async () => {
    const { result } = await straight();
    const objs = (e: (typeof result.archive)[number]) => objectiveVector(e, result.settings.objectives);
    expect(result.front.length).toBeGreaterThan(0);
    for (const a of result.front) for (const b of result.front) expect(dominates(objs(a), objs(b))).toBe(false);
    const brute = result.archive.filter((e) => !result.archive.some((o) => dominates(objs(o), objs(e))));
    expect(result.front.map((e) => e.id)).toEqual(brute.map((e) => e.id));
    // Two objectives only: the front changes with the objectives chosen.
    const two = await straight(settings({ objectives: ['error', 'latency'] }));
    expect(two.result.reference.point).toHaveLength(2);
    expect(archiveFront(two.result.archive, ['error', 'latency']).map((e) => e.id)).toEqual(two.result.front.map((e) => e.id));
  });

  it('is deterministic: same seed → identical JSON, different seed → different run', async () => {
    const a = JSON.stringify((await straight()).result);
    const b = JSON.stringify((await straight()).result);
    const c = JSON.stringify((await straight(settings({ seed: 8 }))).result);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('pause / step / resume gives the same result as a straight run', async () => {
    const reference = JSON.stringify((await straight()).result);
    const engine = new SearchEngine(settings(), new FakeEvaluator(), table);
    await engine.step('candidate');
    await engine.step('candidate');
    await engine.step('generation');
    // Pause from inside: abort after a few progress events (mid-generation, mid-phase).
    const flag = { aborted: false };
    let events = 0;
    engine.hooks.onProgress = () => {
      if (++events === 5) flag.aborted = true;
    };
    expect(await engine.run(flag)).toBe('paused');
    expect(engine.finished).toBe(false);
    engine.hooks.onProgress = undefined;
    await engine.step('candidate');
    // Pause in the middle of an inner fusion search (the fake evaluator honours the signal).
    const flag2 = { aborted: false };
    engine.hooks.onFusionEpoch = (_context, p) => {
      if (p.epoch === 1) flag2.aborted = true;
    };
    expect(await engine.run(flag2)).toBe('paused');
    engine.hooks.onFusionEpoch = undefined;
    expect(await engine.run()).toBe('finished');
    expect(JSON.stringify(engine.result())).toBe(reference);
  });

  it('checkpoint → JSON → restore → finish equals the uninterrupted run', async () => {
    const reference = JSON.stringify((await straight()).result);
    const checkpoints: string[] = [];
    const first = new SearchEngine(settings(), new FakeEvaluator(), table, {
      onGeneration: (_r, cp) => checkpoints.push(JSON.stringify(cp)),
    });
    await first.step('generation');
    await first.step('generation');
    expect(checkpoints).toHaveLength(2);
    const restored = SearchEngine.restore(JSON.parse(checkpoints[1]), new FakeEvaluator(), table);
    expect(restored.checkpoint().generation).toBe(2);
    expect(await restored.run()).toBe('finished');
    expect(JSON.stringify(restored.result())).toBe(reference);
    // A mid-generation checkpoint (engine.checkpoint() between steps) restores too.
    const mid = new SearchEngine(settings(), new FakeEvaluator(), table);
    for (let i = 0; i < 7; i++) await mid.step('candidate');
    const again = SearchEngine.restore(JSON.parse(JSON.stringify(mid.checkpoint())), new FakeEvaluator(), table);
    await again.run();
    expect(JSON.stringify(again.result())).toBe(reference);
    // A checkpoint for another device is refused.
    expect(() => SearchEngine.restore(JSON.parse(checkpoints[0]), new FakeEvaluator(), loadTable('jetson-agx-xavier'))).toThrow(/device/);
    expect(() => SearchEngine.restore({ ...JSON.parse(checkpoints[0]), version: 99 }, new FakeEvaluator(), table)).toThrow(/version/);
    // A checkpoint written before the trainSubset setting existed restores with the whole split.
    const old = JSON.parse(checkpoints[0]);
    delete old.settings.trainSubset;
    expect(SearchEngine.restore(old, new FakeEvaluator(), table).checkpoint().settings.trainSubset).toBe(0);
  });

  it('evolves the cells and nodes genes', async () => {
    // Val accuracy rewards 1 cell × 1 node strongly; the macro genes must move towards it.
    const ev = new FakeEvaluator({ macroBonus: (m) => (m.cells === 1 ? 6 : 0) + (m.nodes === 1 ? 6 : 0) });
    const s = settings({ generations: 10, objectives: ['error'] });
    const engine = new SearchEngine(s, ev, table);
    const macros: string[][] = [];
    engine.hooks.onGeneration = (_r, cp) => macros.push(cp.population.map((i) => `${i.macro.cells}x${i.macro.nodes}`));
    const initial = engine.checkpoint().population.map((i) => `${i.macro.cells}x${i.macro.nodes}`);
    await engine.run();
    // The population's macro genes change from generation to generation…
    expect(macros[0]).not.toEqual(initial);
    expect(new Set(macros.flat()).size).toBeGreaterThan(1);
    // …breeding creates (cells, nodes) combinations the initial population did not have…
    expect([...new Set(macros.flat())].some((m) => !initial.includes(m))).toBe(true);
    // …and selection drives them to the rewarded shape.
    // (each rewarded gene counts: cells = 1, nodes = 1)
    const share = (xs: string[]) => xs.reduce((n, x) => n + (x.startsWith('1x') ? 1 : 0) + (x.endsWith('x1') ? 1 : 0), 0) / (2 * xs.length);
    expect(share(macros[macros.length - 2])).toBeGreaterThan(share(initial));
    // The fully rewarded shape spreads through the population. (Which network ends up most accurate
    // also depends on its backbones: rank-matched pairing puts the most accurate backbones together.)
    const count1x1 = (xs: string[]) => xs.filter((x) => x === '1x1').length;
    expect(count1x1(macros[macros.length - 1])).toBeGreaterThan(count1x1(initial));
    const best = engine.result().front[0];
    expect(best.macro.cells === 1 || best.macro.nodes === 1).toBe(true);
  });

  it('never lets test accuracy drive a choice', async () => {
    const a = await straight(settings(), new FakeEvaluator());
    const b = await straight(settings(), new FakeEvaluator({ testAccuracy: (val) => 100 - val }));
    expect(a.result.archive.map((e) => e.testAccuracy)).not.toEqual(b.result.archive.map((e) => e.testAccuracy));
    const strip = (r: typeof a.result) =>
      JSON.stringify({ ...r, archive: r.archive.map((e) => ({ ...e, testAccuracy: 0 })), front: r.front.map((e) => e.id) });
    expect(strip(b.result)).toBe(strip(a.result));
    expect(b.ev.fusionCalls).toEqual(a.ev.fusionCalls);
    expect(b.ev.backboneCalls).toEqual(a.ev.backboneCalls);
  });

  it('paper-faithful mode still runs (macro drawn at random per pair)', async () => {
    const { result } = await straight(settings({ paperFaithful: true }));
    expect(result.archive.length).toBeGreaterThan(0);
  });

  it('reports progress with phases in words and refuses bad use', async () => {
    const progress: SearchProgress[] = [];
    const engine = new SearchEngine(settings({ generations: 1 }), new FakeEvaluator(), table, { onProgress: (p) => progress.push(p) });
    await engine.run();
    expect(new Set(progress.map((p) => p.phase))).toEqual(
      new Set(['unimodal evaluation', 'selection', 'fusion search', 'multimodal selection', 'finished']),
    );
    const evals = progress.filter((p) => p.phase === 'unimodal evaluation' && p.candidates > 0);
    expect(evals[evals.length - 1].candidate).toBe(evals[evals.length - 1].candidates);
    expect(() => new SearchEngine(settings({ device: 'jetson-agx-xavier' }), new FakeEvaluator(), table)).toThrow(/device/);
    expect(() => new SearchEngine(settings({ populationSize: 0 }), new FakeEvaluator(), table)).toThrow(/populationSize/);
    const c = new SearchEngine(settings(), new FakeEvaluator(), table);
    c.cancel();
    expect(await c.run()).toBe('cancelled');
  });

  it('prices backbones with the table (selection uses LUT costs)', async () => {
    const engine = new SearchEngine(settings({ generations: 1 }), new FakeEvaluator(), table);
    await engine.run();
    const st = engine.checkpoint();
    for (const [key, rec] of Object.entries(st.backbones)) {
      const [m, g] = key.split('/');
      const ind = st.population.find((i) => genomeKey(i[m as 'image' | 'audio']) === g)!;
      expect(rec.latencyMs).toBe(backboneCost(table, ind[m as 'image' | 'audio'], m as 'image' | 'audio').latencyMs);
    }
  });
});
