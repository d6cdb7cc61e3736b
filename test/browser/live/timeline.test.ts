// The timeline of the two-tier search, rendered from real recordings: every generation (numbered
// from 1) and every pair with its search epochs, its candidates' retraining epochs and the kept
// candidate; replaying only the first K events highlights the phase, pair and epoch of that moment.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import quickText from '../../../public/recordings/quick-seed1-tx2.jsonl?raw';
import tinyText from '../../fixtures/tiny-run.jsonl?raw';
import { parseRecording } from '../../../src/core/search/recording';
import { genomeKey } from '../../../src/core/genome';
import { PHASES } from '../../../src/core/search/engine-state';
import type { SearchEvent } from '../../../src/core/search-events';
import { SearchState } from '../../../src/state/search.svelte';
import Timeline from '../../../src/components/search/live/Timeline.svelte';

const quick = parseRecording(quickText).events;
const tiny = parseRecording(tinyText).events;
let app: ReturnType<typeof mount> | null = null;
let host: HTMLDivElement;

async function render(events: readonly SearchEvent[], width = 700) {
  host = document.createElement('div');
  host.style.width = `${width}px`;
  document.body.append(host);
  const model = new SearchState();
  await model.replay(events, 'test');
  app = mount(Timeline, { target: host, props: { model } });
  flushSync();
  return { model, root: host.querySelector('[data-testid="timeline"]') as HTMLElement };
}

afterEach(() => {
  if (app) unmount(app);
  app = null;
  host.remove();
});

const all = (el: ParentNode, id: string) => [...el.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const gen = (root: HTMLElement, n: number) => root.querySelector<HTMLElement>(`[data-testid="timeline-generation"][data-generation="${n}"]`)!;
const pairEl = (g: HTMLElement, n: number) => g.querySelector<HTMLElement>(`[data-testid="timeline-pair"][data-pair="${n}"]`)!;

/** Checks every generation, pair, epoch and kept candidate of the run against its run view. */
function expectWholeRun(root: HTMLElement, model: SearchState) {
  const view = model.runView;
  const n = view.start!.settings.generations;
  expect(all(root, 'timeline-generation').map((g) => g.dataset.generation)).toEqual(Array.from({ length: n }, (_, i) => String(i + 1)));
  for (let g = 0; g < n; g++) {
    const el = gen(root, g + 1);
    expect(el.dataset.state).toBe('done');
    expect(el.querySelector('summary')!.textContent).toContain(`Generation ${g + 1} of ${n}`);
    const inner = view.inner.filter((i) => i.context.generation === g);
    expect(inner.length).toBeGreaterThan(0);
    expect(all(el, 'timeline-pair')).toHaveLength(inner.length);
    for (const i of inner) {
      const p = pairEl(el, i.context.pair + 1);
      expect(p.dataset.state).toBe('done');
      expect(p.textContent).toContain(`Pair ${i.context.pair + 1} of ${i.context.pairs}`);
      expect(p.textContent).toContain(genomeKey(i.context.image));
      expect(p.textContent).toContain(genomeKey(i.context.audio));
      if (i.cached) {
        expect(p.dataset.cached).toBe('true');
        expect(p.textContent).toContain(`Already in the archive as network #${i.entryId}`);
        continue;
      }
      expect(all(p, 'timeline-search-epoch')).toHaveLength(i.search.length);
      expect(all(p, 'timeline-search-epoch').every((e) => e.dataset.state === 'done')).toBe(true);
      const cands = all(p, 'timeline-candidate');
      expect(cands).toHaveLength(i.candidates!.length);
      cands.forEach((c, k) => {
        expect(all(c, 'timeline-retrain-epoch')).toHaveLength(i.retrain.filter((r) => r.candidate === k + 1).length);
        expect(c.dataset.kept).toBe(String(i.candidates![k].kept));
        expect(c.textContent).toContain(i.candidates![k].fusionOps.join(', '));
      });
      const kept = cands.filter((c) => c.dataset.kept === 'true');
      expect(kept).toHaveLength(1);
      expect(kept[0].querySelector('[data-testid="timeline-kept"]')!.textContent).toContain(`#${i.entryId}`);
    }
  }
}

describe('timeline', () => {
  it('lists every generation of the quick run with its pairs, epochs and kept candidate', async () => {
    const { root, model } = await render(quick);
    expect(root).not.toBeNull();
    expectWholeRun(root, model);
    expect(all(root, 'timeline-now')[0].textContent).toContain('Finished: 2 of 2 generations done');
    expect(root.querySelector('[aria-current="step"]')).toBeNull();
    // A searched pair of the quick preset: 2 search epochs, 2 candidates retrained.
    const p = pairEl(gen(root, 1), 1);
    expect(all(p, 'timeline-search-epoch')).toHaveLength(model.runView.start!.settings.fusionEpochs);
  });

  it('lists all three generations and six inner searches of the tiny fixture', async () => {
    const { root, model } = await render(tiny);
    expect(model.runView.inner).toHaveLength(6);
    expect(all(root, 'timeline-pair')).toHaveLength(6);
    expectWholeRun(root, model);
  });

  it('highlights the phase, pair and retraining epoch of the moment after K events', async () => {
    const k = quick.findIndex((e) => e.type === 'fusion-epoch' && e.context.generation === 0 && e.context.pair === 1 && e.epoch.stage === 'retrain' && e.epoch.candidate === 1 && e.epoch.epoch === 3);
    expect(k).toBeGreaterThan(0);
    const { root, model } = await render(quick.slice(0, k + 2)); // the epoch and its progress event
    expect(model.runView.progress!.phase).toBe('fusion search');
    const g1 = gen(root, 1);
    expect(g1.dataset.state).toBe('current');
    expect(g1.getAttribute('aria-current')).toBe('step');
    expect(gen(root, 2).dataset.state).toBe('pending');
    const phases = all(g1, 'timeline-phase');
    expect(phases.map((p) => p.dataset.phase)).toEqual([...PHASES]);
    expect(phases.map((p) => p.dataset.state)).toEqual(['done', 'done', 'current', 'pending', 'pending']);
    expect(phases[2].getAttribute('aria-current')).toBe('step');
    expect(pairEl(g1, 1).dataset.state).toBe('done');
    const p2 = pairEl(g1, 2);
    expect(p2.dataset.state).toBe('current');
    expect(all(p2, 'timeline-search-epoch').map((e) => e.dataset.state)).toEqual(['done', 'done']);
    const [c1, c2] = all(p2, 'timeline-candidate');
    expect(c1.dataset.state).toBe('current');
    expect(c2.dataset.state).toBe('pending');
    expect(c1.dataset.kept).toBe('false'); // not decided yet
    const epochs = all(c1, 'timeline-retrain-epoch');
    expect(epochs).toHaveLength(10);
    expect(epochs.map((e) => e.dataset.state)).toEqual(['done', 'done', 'current', ...Array(7).fill('pending')]);
    expect(root.querySelector('[data-testid="timeline-kept"]')!.closest<HTMLElement>('[data-testid="timeline-pair"]')!.dataset.pair).toBe('1');
    expect(all(root, 'timeline-now')[0].textContent).toContain('Generation 1 of 2 · fusion search · pair 2 of 2: retraining candidate 1 of 2, epoch 3 of 10');
  });

  it('shows the second generation scoring backbones, before its pairs exist', async () => {
    const k = quick.findIndex((e) => e.type === 'backbone' && e.backbone.generation === 1);
    const { root } = await render(quick.slice(0, k + 2));
    expect(gen(root, 1).dataset.state).toBe('done');
    const g2 = gen(root, 2);
    expect(g2.dataset.state).toBe('current');
    expect(all(g2, 'timeline-phase').find((p) => p.dataset.state === 'current')!.dataset.phase).toBe('unimodal evaluation');
    expect(all(g2, 'timeline-pair')).toHaveLength(0);
    expect(g2.textContent).toContain('2 pairs of backbones will each get an inner fusion search');
    expect(all(root, 'timeline-now')[0].textContent).toContain('Generation 2 of 2 · unimodal evaluation');
    expect(gen(root, 1).querySelector('[data-testid="timeline-record"]')!.textContent).toContain('8 backbones scored');
  });

  it('says so before a run, and fits a 390 px screen', async () => {
    const { root } = await render([]);
    expect(all(root, 'timeline-now')[0].textContent).toContain('No run yet');
    expect(all(root, 'timeline-generation')).toHaveLength(0);
    if (app) unmount(app);
    host.remove();
    const k = quick.findIndex((e) => e.type === 'pair' && e.context.generation === 0 && e.context.pair === 0);
    const narrow = await render(quick.slice(0, k + 8), 358);
    expect(narrow.root.scrollWidth).toBeLessThanOrEqual(358);
  });
});
