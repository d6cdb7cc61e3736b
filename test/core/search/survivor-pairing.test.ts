import { describe, expect, it } from 'vitest';
import { choosePairs, latencyOrder, pairingPreference } from '../../../src/core/search/survivor-pairing';
import { SearchEngine } from '../../../src/core/search/engine';
import { presetSettings } from '../../../src/core/search/settings';
import { genomeKey } from '../../../src/core/genome';
import { networkKey } from '../../../src/core/search/archive';
import { FakeEvaluator, loadTable } from './fake-evaluator';

const c = (latencyMs: number, key = String(latencyMs)) => ({ latencyMs, key });

describe('survivor pairing (rank-matched by latency)', () => {
  it('orders survivors cheapest first, ties by key', () => {
    expect(latencyOrder([c(5), c(2), c(9), c(2, '0')])).toEqual([3, 1, 0, 2]);
  });

  it('prefers the cheapest image with the cheapest audio and the costliest with the costliest', () => {
    const image = [c(7), c(3)];
    const audio = [c(1), c(4)];
    // Both cheapest, both costliest; then the mismatched ones (equal rank sums keep input order).
    expect(pairingPreference(image, audio)).toEqual([
      [1, 0],
      [0, 1],
      [0, 0],
      [1, 1],
    ]);
    const first = pairingPreference(image, audio).slice(0, 2);
    expect(first).toEqual([[1, 0], [0, 1]]);
    // Mismatched combinations come after, cheaper one first.
    const rest = pairingPreference(image, audio).slice(2);
    expect(rest).toHaveLength(2);
    expect(new Set(rest.map((p) => p.join()))).toEqual(new Set(['0,0', '1,1']));
  });

  it('covers every survivor when the counts differ (3 image, 2 audio)', () => {
    const image = [c(1), c(2), c(3)];
    const audio = [c(10), c(20)];
    const pairs = choosePairs(image, audio, 3, (i, a) => [i, a], (i, a) => [i, a]);
    expect(pairs.slice(0, 2)).toEqual([[0, 0], [2, 1]]);
    expect(new Set(pairs.map((p) => p[0]))).toEqual(new Set([0, 1, 2]));
    expect(new Set(pairs.map((p) => p[1]))).toEqual(new Set([0, 1]));
  });

  it('skips combinations that are already searched, and falls back only when nothing new is left', () => {
    const image = [c(1), c(2)];
    const audio = [c(1), c(2)];
    const searched = new Set(['0,0']);
    const pairs = choosePairs(image, audio, 2, (i, a) => (searched.has(`${i},${a}`) ? null : `${i},${a}`), (i, a) => `hit ${i},${a}`);
    expect(pairs).toEqual(['1,1', '0,1']);
    const all = choosePairs(image, audio, 3, () => null, (i, a) => `hit ${i},${a}`);
    expect(all).toEqual(['hit 0,0', 'hit 1,1', 'hit 0,1']);
  });
});

describe('the engine pairs survivors rank-matched and searches no network twice', () => {
  const table = loadTable('jetson-tx2');

  it('puts the cheapest image survivor with the cheapest audio survivor, every generation, for several seeds', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const s = presetSettings('quick', { seed, generations: 3 });
      const engine = new SearchEngine(s, new FakeEvaluator(), table);
      for (let g = 0; g < s.generations; g++) {
        while (engine.checkpoint().phase !== 'fusion search') await engine.step('candidate');
        const st = engine.checkpoint();
        const latency = (m: 'image' | 'audio', k: string) => st.backbones[`${m}/${k}`].latencyMs;
        const cheapest = (m: 'image' | 'audio') =>
          [...st.survivors![m]].sort((a, b) => latency(m, a) - latency(m, b) || (a < b ? -1 : 1))[0];
        const first = st.pairs[0];
        const known = new Set(Object.keys(st.networks));
        if (!known.has(networkKey(first.image, first.audio, first.macro))) {
          expect(genomeKey(first.image)).toBe(cheapest('image'));
          expect(genomeKey(first.audio)).toBe(cheapest('audio'));
        }
        // The generation's pairs are distinct networks.
        const keys = st.pairs.map((p) => networkKey(p.image, p.audio, p.macro));
        expect(new Set(keys).size).toBe(keys.length);
        await engine.step('generation');
      }
    }
  });

  it('spends its budget on new networks: no cache hit while untried combinations remain', async () => {
    let hits = 0;
    let searches = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const ev = new FakeEvaluator();
      const engine = new SearchEngine(presetSettings('quick', { seed, generations: 3 }), ev, table);
      expect(await engine.run()).toBe('finished');
      const r = engine.result();
      hits += r.totals.cacheHits;
      searches += r.totals.fusionSearches;
      expect(new Set(ev.fusionCalls).size).toBe(ev.fusionCalls.length);
    }
    expect(searches).toBeGreaterThan(0);
    expect(hits).toBe(0);
  });
});
