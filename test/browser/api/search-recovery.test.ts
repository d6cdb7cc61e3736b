// Runs in headless Chromium: the search worker crashes (an uncaught error) right after its
// first generation; SearchClient reports it and continues the run from that generation's
// checkpoint in a fresh worker on the next backend (WebGL → CPU), and the run finishes with the
// crashed worker's networks kept. The worker is the real SearchRunner on tiny supernets.
import { describe, expect, it } from 'vitest';
import { SearchClient, type SearchListener } from '../../../src/api/search-client';
import { presetSettings } from '../../../src/core/search/settings';
import type { BackendReport } from '../../../src/core/backends';
import type { RunnerStatus, SearchEvent } from '../../../src/core/search-protocol';
import type { SearchResult } from '../../../src/core/search/archive';
import { replayEvents, resultOfRun } from '../../../src/core/search/run-view';

type GenerationEvent = Extract<SearchEvent, { type: 'generation' }>;

const settings = presetSettings('quick', {
  populationSize: 2, offspring: 2, survivorFraction: 0.5, generations: 3, fusionEpochs: 1, retrainEpochs: 0, C: 4, bnBatches: 1, seed: 3,
});

describe('search worker crash recovery', () => {
  it('a crashed worker is reported and the run continues from its checkpoint on the next backend', async () => {
    const log = {
      events: [] as SearchEvent[],
      backends: [] as BackendReport[],
      failures: [] as { message: string; recovering: boolean }[],
      generations: [] as GenerationEvent[],
      states: [] as RunnerStatus[],
      result: null as SearchResult | null,
    };
    const listener: SearchListener = {
      event: (e) => {
        log.events.push(e);
        if (e.type === 'status') log.states.push(e.status);
        else if (e.type === 'generation') log.generations.push(e);
        else if (e.type === 'backend') log.backends.push(e.report);
        else if (e.type === 'finished') log.result = resultOfRun(replayEvents(log.events));
      },
      failure: (message, recovering) => void log.failures.push({ message, recovering }),
    };
    let made = 0;
    const client = new SearchClient(listener, {
      createWorker: () =>
        new Worker(new URL('./tiny-search.worker.ts', import.meta.url), {
          type: 'module',
          name: made++ === 0 ? 'crash-after-first-generation' : 'search',
        }),
    });
    await client.start(settings, 'webgl');
    const deadline = Date.now() + 280_000;
    while (!log.result && log.states.at(-1)?.state !== 'error' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    client.terminate();

    expect(log.states.at(-1)?.state).toBe('finished');
    expect(made).toBe(2);
    expect(log.backends.map((b) => b.name)).toEqual(['webgl', 'wasm']);
    expect(log.failures).toHaveLength(1);
    expect(log.failures[0].recovering).toBe(true);
    expect(log.failures[0].message).toMatch(/crashed on webgl.*simulated crash.*continuing from the last checkpoint on wasm/);

    // generation 0 came from the crashed worker; the new worker went on with generation 1
    const gens = log.generations.map((g) => g.delta.record.generation);
    expect(gens).toEqual([0, 1, 2]);
    const beforeCrash = log.generations[0].checkpoint!.archive;
    const result = log.result!;
    expect(result.history.map((h) => h.generation)).toEqual([0, 1, 2]);
    expect(result.archive.slice(0, beforeCrash.length)).toEqual(beforeCrash);
    expect(result.archive.length).toBeGreaterThan(beforeCrash.length);
  });
});
