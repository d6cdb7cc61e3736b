// The worker-side runner on tiny supernets and toy data (tfjs cpu): a run finishes with reports
// after each generation; stepping stops where asked; pausing loses no work, and a paused-then-
// resumed run ends exactly like an uninterrupted one; tf.memory() stays flat across generations.
import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { SearchRunner } from '../../src/ml/search-runner';
import { presetSettings } from '../../src/core/search/settings';
import type { RunnerCallbacks, RunnerProgress, SearchEvent } from '../../src/core/search-protocol';
import { replayEvents, resultOfRun } from '../../src/core/search/run-view';
import { archiveFront, type SearchResult } from '../../src/core/search/archive';
import type { SearchAssets } from '../../src/ml/search-assets';
import { tinySearchAssets } from './tiny-search-assets';
import { loadTable } from '../core/search/fake-evaluator';

const settings = presetSettings('quick', {
  populationSize: 2, offspring: 2, survivorFraction: 0.5, generations: 2, fusionEpochs: 1, retrainEpochs: 0, C: 4, bnBatches: 1, seed: 3,
});

function makeRunner(): SearchRunner {
  return new SearchRunner({
    chooseBackend: async () => {
      await tf.setBackend('cpu');
      return { name: 'cpu', reason: 'test', webgpu: { available: false } };
    },
    loadAssets: async (): Promise<SearchAssets> => tinySearchAssets(loadTable()),
  });
}

type GenerationEvent = Extract<SearchEvent, { type: 'generation' }>;

/** Keeps every event, and the result rebuilt from them once the run has finished. */
function recorder() {
  const log = { events: [] as SearchEvent[], states: [] as string[], progress: [] as RunnerProgress[], generations: [] as GenerationEvent[], result: null as SearchResult | null };
  const cb: RunnerCallbacks = {
    onEvent: (e) => {
      log.events.push(JSON.parse(JSON.stringify(e)));
      if (e.type === 'status') log.states.push(e.status.state);
      else if (e.type === 'progress') log.progress.push(e.progress);
      else if (e.type === 'generation') log.generations.push(e);
      else if (e.type === 'finished') log.result = resultOfRun(replayEvents(log.events));
    },
    onDeviceLost: () => {},
  };
  return { log, cb };
}

const until = async (f: () => boolean) => {
  while (!f()) await new Promise((r) => setTimeout(r, 5));
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('SearchRunner (worker side)', () => {
  it('runs to the end; pausing and stepping lose no work and change no result', async () => {
    const whole = makeRunner();
    const a = recorder();
    await whole.init('cpu', './');
    await whole.start({ settings }, a.cb);
    await whole.done();
    expect(a.log.states[0]).toBe('loading');
    expect(a.log.states.at(-1)).toBe('finished');
    expect(a.log.generations.map((g) => g.delta.record.generation)).toEqual([0, 1]);
    const tensors = a.log.generations.map((g) => g.memory.numTensors);
    expect(tensors[1]).toBe(tensors[0]);
    expect(a.log.result!.front.length).toBeGreaterThan(0);
    // The stream rebuilds exactly what the engine holds: archive, history, front.
    const last = a.log.generations.at(-1)!.checkpoint!;
    expect(a.log.result!.archive).toEqual(last.archive);
    expect(a.log.result!.history).toEqual(last.history);
    expect(a.log.result!.front).toEqual(archiveFront(last.archive, settings.objectives));
    expect(a.log.result!.totals).toEqual(last.totals);
    // Each archive entry crosses once, in the generation that made it.
    const sent = a.log.generations.flatMap((g) => g.delta.entries.map((e) => e.id));
    expect(sent).toEqual(last.archive.map((e) => e.id));
    // Every scored backbone and every fusion epoch is in the stream.
    const view = replayEvents(a.log.events);
    expect(view.backbones.length).toBe(last.totals.backboneEvaluations);
    expect(view.inner.filter((i) => !i.cached).length).toBe(last.totals.fusionSearches);
    for (const inner of view.inner.filter((i) => !i.cached)) {
      expect(inner.search.length).toBe(settings.fusionEpochs);
      expect(inner.search[0].alphas.length).toBe(inner.context.macro.cells);
      expect(inner.search[0].gammas[0].length).toBe(inner.context.macro.nodes);
    }

    const stepped = makeRunner();
    const b = recorder();
    await stepped.init('cpu', './');
    await stepped.start({ settings, paused: true }, b.cb);
    await until(() => b.log.states.at(-1) === 'paused');
    stepped.step('candidate');
    await until(() => b.log.states.filter((s) => s === 'paused').length === 2);
    const afterOne = b.log.progress.at(-1)!;
    expect(afterOne.backboneEvaluations).toBe(1);
    stepped.step('generation');
    await until(() => b.log.states.filter((s) => s === 'paused').length === 3);
    expect(b.log.generations.length).toBe(1);
    stepped.resume();
    await stepped.done();
    expect(b.log.states.at(-1)).toBe('finished');
    expect(b.log.result).toEqual(a.log.result);
  });

  it('measures BN recalibration on one subnet without a run, and refuses while a search is loaded', async () => {
    const runner = makeRunner();
    await runner.init('cpu', './');
    const r = await runner.measureBnRecalibration('audio', { ks: [5, 3, 7, 5], e: [4, 3, 6, 4], d: 3 });
    expect(r.modality).toBe('audio');
    expect(r.genome).toBe('k5373e4363d3');
    expect(r.splitSamples).toBe(16);
    // bnBatches × batch size of the demo preset, capped by the 32 training samples
    expect(r.recalibrationSamples).toBe(32);
    for (const v of [r.beforePercent, r.afterPercent]) expect(v).toBeGreaterThanOrEqual(0);
    const { cb } = recorder();
    await runner.start({ settings, paused: true }, cb);
    await expect(runner.measureBnRecalibration('image', { ks: [3, 3, 3, 3], e: [3, 3, 3, 3], d: 2 })).rejects.toThrow(/fresh one/);
    runner.cancel();
    await runner.done();
  });
});
