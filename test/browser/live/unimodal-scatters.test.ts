// The per-modality backbone scatters, rendered from real recordings: one point per distinct scored
// backbone with the run view's validation accuracy and latency, the latest completed generation's
// survivors marked, fewer points after only the first K events, one point per backbone when a
// resumed run's checkpoint (generation −1) lists it again, and keyboard access to each point.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import quickText from '../../../public/recordings/quick-seed1-tx2.jsonl?raw';
import tinyText from '../../fixtures/tiny-run.jsonl?raw';
import { parseRecording } from '../../../src/core/search/recording';
import { genomeKey } from '../../../src/core/genome';
import type { SearchEvent } from '../../../src/core/search-events';
import type { Modality } from '../../../src/core/types';
import { SearchState } from '../../../src/state/search.svelte';
import UnimodalScatters from '../../../src/components/search/live/UnimodalScatters.svelte';

const quick = parseRecording(quickText).events;
const tiny = parseRecording(tinyText).events;
const MODALITIES: Modality[] = ['image', 'audio'];
let app: ReturnType<typeof mount> | null = null;
let host: HTMLDivElement;

async function render(events: readonly SearchEvent[], width = 800) {
  host = document.createElement('div');
  host.style.width = `${width}px`;
  document.body.append(host);
  const model = new SearchState();
  await model.replay(events, 'test');
  app = mount(UnimodalScatters, { target: host, props: { model } });
  flushSync();
  return { model };
}

afterEach(() => {
  if (app) unmount(app);
  app = null;
  host.remove();
});

const scatter = (m: Modality) => host.querySelector<HTMLElement>(`[data-testid="unimodal-scatter"][data-modality="${m}"]`)!;
const points = (m: Modality) => [...scatter(m).querySelectorAll<SVGCircleElement>('circle[data-testid="backbone-point"]')];
const note = () => host.querySelector('[data-testid="survivor-note"]')!.textContent!;

function expectPointsMatch(model: SearchState) {
  for (const m of MODALITIES) {
    const scored = model.runView.backbones.filter((b) => b.modality === m);
    const keys = new Set(scored.map((b) => genomeKey(b.genome)));
    const pts = points(m);
    expect(pts).toHaveLength(keys.size);
    expect(new Set(pts.map((p) => p.dataset.genome))).toEqual(keys);
    for (const p of pts) {
      const same = scored.filter((x) => genomeKey(x.genome) === p.dataset.genome);
      const b = same.find((x) => x.generation >= 0) ?? same[0];
      expect(p.dataset.generation).toBe(String(b.generation));
      expect(Number(p.dataset.valAccuracy)).toBe(b.valAccuracy);
      expect(Number(p.dataset.latencyMs)).toBe(b.latencyMs);
      expect(p.querySelector('title')!.textContent).toContain(`${p.dataset.genome} (generation ${b.generation + 1})`);
      expect(p.querySelector('title')!.textContent).toContain(`val ${b.valAccuracy.toFixed(2)} % · ${b.latencyMs.toFixed(3)} ms`);
    }
  }
}

describe('unimodal scatters', () => {
  it('draws one point per distinct scored backbone and modality, with the run view figures', async () => {
    const { model } = await render(quick);
    expect(points('image').length + points('audio').length).toBe(16);
    expectPointsMatch(model);
    // The scatter is drawn in the modality's theme colour; higher accuracy sits higher up.
    const img = points('image');
    const best = img.reduce((a, b) => (Number(b.dataset.valAccuracy) > Number(a.dataset.valAccuracy) ? b : a));
    const worst = img.reduce((a, b) => (Number(b.dataset.valAccuracy) < Number(a.dataset.valAccuracy) ? b : a));
    expect(Number(best.getAttribute('cy'))).toBeLessThan(Number(worst.getAttribute('cy')));
    expect(scatter('image').querySelector('svg')!.textContent).toContain('latency (ms, LUT)');
  });

  it("marks the last generation's survivors", async () => {
    const { model } = await render(quick);
    const last = model.runView.survivors.at(-1)!;
    expect(last.generation).toBe(1);
    for (const m of MODALITIES) {
      const marked = points(m).filter((p) => p.dataset.survivor === 'true');
      expect(marked.map((p) => p.dataset.genome).sort()).toEqual([...last[m]].sort());
      expect(marked.every((p) => p.getAttribute('r') === '6')).toBe(true);
      expect(points(m).filter((p) => p.dataset.survivor !== 'true').every((p) => p.getAttribute('r') === '4')).toBe(true);
    }
    expect(note()).toContain('survivors of generation 2 of 2');
  });

  it('shows fewer points after the first K events, and no survivors before a generation ends', async () => {
    const k = quick.filter((e) => e.type === 'backbone').length;
    const third = quick.findIndex((e, i) => e.type === 'backbone' && quick.slice(0, i + 1).filter((x) => x.type === 'backbone').length === 3);
    const { model } = await render(quick.slice(0, third + 1));
    expect(points('image')).toHaveLength(3);
    expect(points('audio')).toHaveLength(0);
    expect(scatter('audio').textContent).toContain('No audio backbone scored yet');
    expect(points('image').some((p) => p.dataset.survivor === 'true')).toBe(false);
    expect(note()).toContain('Survivors are known when generation 1 of 2 ends');
    expect(k).toBeGreaterThan(3);
    expectPointsMatch(model);
  });

  it('while generation 2 scores backbones, marks the survivors of generation 1 and says so', async () => {
    const at = quick.findIndex((e) => e.type === 'backbone' && e.backbone.generation === 1);
    const { model } = await render(quick.slice(0, at + 2));
    expect(points('image')).toHaveLength(5);
    const first = model.runView.survivors[0];
    expect(points('image').filter((p) => p.dataset.survivor === 'true').map((p) => p.dataset.genome).sort()).toEqual([...first.image].sort());
    expect(note()).toContain('survivors of generation 1 of 2. Generation 2 is in progress; its survivors are not known yet');
  });

  it('keeps one point when a resumed run lists a backbone again with generation −1', async () => {
    const scored = tiny.flatMap((e) => (e.type === 'backbone' ? [e.backbone] : []));
    const resumed = tiny.map((e) => (e.type === 'start' ? { ...e, start: { ...e.start, backbones: scored.slice(0, 5).map((b) => ({ ...b, generation: -1 })) } } : e));
    const { model } = await render(resumed);
    expect(model.runView.backbones.length).toBe(scored.length + 5);
    expectPointsMatch(model); // the points keep the generation that scored them
    const distinct = new Set(scored.map((b) => `${b.modality}/${genomeKey(b.genome)}`));
    expect(points('image').length + points('audio').length).toBe(distinct.size);
  });

  it('gives each point a keyboard path: focus shows its figures, Enter pins it', async () => {
    await render(quick);
    const p = points('audio')[0];
    expect(p.getAttribute('tabindex')).toBe('0');
    p.dispatchEvent(new FocusEvent('focus'));
    flushSync();
    const readout = scatter('audio').querySelector('[data-testid="backbone-readout"]')!;
    expect(readout.textContent).toContain(p.dataset.genome!);
    expect(readout.textContent).toContain('for information, never used to choose');
    p.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    flushSync();
    expect(p.dataset.pinned).toBe('true');
    expect(p.isConnected).toBe(true); // pinning does not redraw away the focused point
    p.dispatchEvent(new FocusEvent('blur'));
    flushSync();
    expect(readout.textContent).toContain(p.dataset.genome!); // pinned stays shown
    expect(scatter('audio').querySelectorAll('tbody tr')).toHaveLength(points('audio').length);
  });

  it('fits a 390 px screen', async () => {
    await render(quick, 358);
    for (const m of MODALITIES) expect(Number(scatter(m).querySelector('svg')!.getAttribute('width'))).toBeLessThanOrEqual(358);
    expect(host.querySelector<HTMLElement>('[data-testid="unimodal-scatters"]')!.scrollWidth).toBeLessThanOrEqual(358);
  });
});
