// The live inner-search view, rendered from real recordings: by default the latest inner search
// of the run; α/γ heat maps per search epoch (rows of α sum to 1, γ one row per node with six
// operator columns, the slider changes epoch and fills, and follows new epochs while at the
// latest); one genotype line per search epoch; the candidate table marks one kept candidate, the
// lowest objective; one loss point per epoch; an earlier (or cached) inner search on request.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import quickText from '../../../public/recordings/quick-seed1-tx2.jsonl?raw';
import tinyText from '../../fixtures/tiny-run.jsonl?raw';
import { parseRecording } from '../../../src/core/search/recording';
import { genomeKey } from '../../../src/core/genome';
import { latestSearchedIndex } from '../../../src/core/search/run-view';
import { FUSION_OPS } from '../../../src/core/types';
import type { SearchEvent } from '../../../src/core/search-events';
import { SearchState } from '../../../src/state/search.svelte';
import InnerSearch from '../../../src/components/search/live/InnerSearch.svelte';

const quick = parseRecording(quickText).events;
const tiny = parseRecording(tinyText).events;
let app: ReturnType<typeof mount> | null = null;
let host: HTMLDivElement;

async function render(events: readonly SearchEvent[], width = 900) {
  host = document.createElement('div');
  host.style.width = `${width}px`;
  document.body.append(host);
  const model = new SearchState();
  await model.replay(events, 'test');
  app = mount(InnerSearch, { target: host, props: { model } });
  flushSync();
  return model;
}

afterEach(() => {
  if (app) unmount(app);
  app = null;
  host.remove();
});

const $ = <T extends Element = HTMLElement>(sel: string) => host.querySelector(sel) as T;
const $$ = (sel: string) => [...host.querySelectorAll(sel)];
const pair = () => $('[data-testid="inner-pair"]').dataset;
const rowsOf = (testid: string) => $$(`[data-testid="${testid}"] g.row`);
const weights = (row: Element) => [...row.querySelectorAll('rect.cell')].map((r) => Number(r.getAttribute('data-weight')));
const fills = (testid: string) => $$(`[data-testid="${testid}"] rect.cell`).map((r) => `${r.getAttribute('fill')}|${r.querySelector('title')?.textContent}`);
function setSlider(epoch: number) {
  const slider = $<HTMLInputElement>('[data-testid="epoch-slider"]');
  slider.value = String(epoch);
  slider.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}
function choose(index: number) {
  const select = $<HTMLSelectElement>('[data-testid="inner-select"]');
  select.value = String(index);
  select.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

describe('inner search view', () => {
  it('shows the latest inner search of the run by default, with every inner search to choose from', async () => {
    const model = await render(quick);
    const inner = model.runView.inner;
    const last = inner.at(-1)!;
    expect($$('[data-testid="inner-select"] option')).toHaveLength(inner.length);
    expect($<HTMLSelectElement>('[data-testid="inner-select"]').value).toBe(String(inner.length - 1));
    expect(pair().image).toBe(genomeKey(last.context.image));
    expect(pair().audio).toBe(genomeKey(last.context.audio));
    expect(pair().macro).toBe(`${last.context.macro.cells}x${last.context.macro.nodes}`);
    expect($('[data-testid="inner-select"] option').textContent).toMatch(/^generation 1, pair 1 of 2: k\w+ \+ k\w+, \d×\d/);
  });

  it('draws α and γ of the latest epoch: α rows sum to 1, γ one row per node with six operators, one argmax per row', async () => {
    const model = await render(tiny);
    const last = model.runView.inner.at(-1)!;
    const { cells, nodes } = last.context.macro;
    expect($('[data-testid="alpha-heatmap"]').dataset.epoch).toBe(String(last.search.length));
    expect($('[data-testid="gamma-heatmap"]').dataset.epoch).toBe(String(last.search.length));
    const alpha = rowsOf('alpha-heatmap');
    expect(alpha).toHaveLength(cells * 2);
    alpha.forEach((row, i) => {
      const w = weights(row);
      expect(w).toHaveLength(8 + Math.floor(i / 2)); // I0–I3, A0–A3, then earlier cells' outputs
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      expect(row.querySelectorAll('rect[data-argmax="true"]')).toHaveLength(1);
    });
    expect([...alpha[2].querySelectorAll('rect.cell')].map((r) => r.getAttribute('data-col'))).toEqual(['I0', 'I1', 'I2', 'I3', 'A0', 'A1', 'A2', 'A3', 'C1']);
    const gamma = rowsOf('gamma-heatmap');
    expect(gamma).toHaveLength(cells * nodes);
    for (const row of gamma) {
      expect([...row.querySelectorAll('rect.cell')].map((r) => r.getAttribute('data-col'))).toEqual([...FUSION_OPS]);
      expect(weights(row).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      const best = row.querySelector('rect[data-argmax="true"]')!;
      expect(Number(best.getAttribute('data-weight'))).toBe(Math.max(...weights(row)));
      expect(best.querySelector('title')!.textContent).toContain(Number(best.getAttribute('data-weight')).toFixed(6));
    }
    expect($('[data-testid="alpha-heatmap"] .legend')).not.toBeNull();
  });

  it('changes the heat maps when the epoch slider moves', async () => {
    await render(tiny);
    const before = { a: fills('alpha-heatmap'), g: fills('gamma-heatmap') };
    setSlider(1);
    expect($('[data-testid="alpha-heatmap"]').dataset.epoch).toBe('1');
    expect($('[data-testid="gamma-heatmap"]').dataset.epoch).toBe('1');
    expect(fills('alpha-heatmap')).not.toEqual(before.a);
    expect(fills('gamma-heatmap')).not.toEqual(before.g);
    expect($('[data-testid="genotype-epoch"].current').dataset.epoch).toBe('1');
  });

  it('colours by share relative to uniform or by raw weight; the weights stay the same', async () => {
    await render(tiny);
    const weightsBefore = $$('[data-testid="alpha-heatmap"] rect.cell').map((r) => r.getAttribute('data-weight'));
    const before = fills('alpha-heatmap');
    expect($('[data-testid="alpha-heatmap"] .legend').textContent).toContain('× uniform');
    $<HTMLButtonElement>('[data-testid="scale-weight"]').click();
    flushSync();
    expect($('[data-testid="scale-weight"]').getAttribute('aria-pressed')).toBe('true');
    expect(fills('alpha-heatmap')).not.toEqual(before);
    expect($$('[data-testid="alpha-heatmap"] rect.cell').map((r) => r.getAttribute('data-weight'))).toEqual(weightsBefore);
    expect($('[data-testid="alpha-heatmap"] .legend').textContent).toContain('weight');
  });

  it('follows new epochs while at the latest, and stays on an earlier epoch the user picked', async () => {
    const at = (n: number) => tiny.findIndex((e) => e.type === 'fusion-epoch' && e.context.generation === 2 && e.context.pair === 1 && e.epoch.stage === 'search' && e.epoch.epoch === n);
    const model = await render(tiny.slice(0, at(2) + 1));
    expect($('[data-testid="alpha-heatmap"]').dataset.epoch).toBe('2');
    model.onEvent(tiny[at(3)]);
    flushSync();
    expect($('[data-testid="alpha-heatmap"]').dataset.epoch).toBe('3');
    expect($$('[data-testid="genotype-epoch"]')).toHaveLength(3);
    setSlider(2);
    const retrain = tiny.findIndex((e, i) => i > at(3) && e.type === 'fusion-epoch' && e.epoch.stage === 'retrain');
    for (const e of tiny.slice(at(3) + 1, retrain + 1)) model.onEvent(e); // retraining starts
    flushSync();
    expect($('[data-testid="alpha-heatmap"]').dataset.epoch).toBe('2');
    expect($('[data-testid="candidate-progress"]')).not.toBeNull();
  });

  it('lists the genotype of every search epoch, highlighting changes', async () => {
    const model = await render(tiny);
    const search = model.runView.inner.at(-1)!.search;
    const lines = $$('[data-testid="genotype-epoch"]') as HTMLElement[];
    expect(lines.map((l) => l.dataset.epoch)).toEqual(search.map((e) => String(e.epoch)));
    expect(lines[0].dataset.changed).toBe('false');
    for (let i = 1; i < search.length; i++) {
      const same = JSON.stringify(search[i].genotype) === JSON.stringify(search[i - 1].genotype);
      expect(lines[i].dataset.changed).toBe(String(!same));
      if (!same) expect(lines[i].querySelector('.changed')).not.toBeNull();
    }
    expect(lines[0].textContent).toMatch(/epoch 1: cell 1 reads [IAC]\d \+ [IAC]\d → \w+/);
  });

  it('marks exactly one kept candidate, the one with the lowest validation objective, and says test is never used', async () => {
    const model = await render(quick);
    const rows = $$('[data-testid="candidate-row"]') as HTMLElement[];
    expect(rows).toHaveLength(model.runView.inner.at(-1)!.candidates!.length);
    const kept = rows.filter((r) => r.dataset.kept === 'true');
    expect(kept).toHaveLength(1);
    const objectives = rows.map((r) => Number(r.dataset.objective));
    expect(Number(kept[0].dataset.objective)).toBe(Math.min(...objectives));
    expect(kept[0].textContent).toContain('kept');
    const note = $('[data-testid="candidate-note"]').textContent!;
    expect(note).toContain('lowest validation objective');
    expect(note).toMatch(/test\s+split is never used/);
  });

  it('draws one loss point per epoch: three search curves, two per retrained candidate', async () => {
    const model = await render(quick);
    const last = model.runView.inner.at(-1)!;
    const search = $$('[data-testid="search-loss-chart"] [data-series]');
    expect(search.map((s) => s.getAttribute('data-series'))).toEqual(['trainLoss', 'archLoss', 'archSplitObjective']);
    for (const s of search) expect([...s.querySelectorAll('circle.point')].map((c) => c.getAttribute('data-epoch'))).toEqual(last.search.map((e) => String(e.epoch)));
    const retrain = $$('[data-testid="retrain-loss-chart"] [data-series]');
    expect(retrain).toHaveLength(2 * last.candidates!.length);
    const points = retrain.reduce((n, s) => n + s.querySelectorAll('circle.point').length, 0);
    expect(points).toBe(2 * last.retrain.length);
    expect($('[data-testid="search-loss-chart"]').textContent).toContain('epoch (1-based)');
    expect($('[data-testid="search-loss-chart"] .x-axis .tick text')!.textContent).toBe('1');
    expect($$('[data-testid="search-loss-table"] tbody tr')).toHaveLength(last.search.length);
  });

  it('switches to an earlier inner search, and from a cached one to the search it reused', async () => {
    const model = await render(quick);
    const inner = model.runView.inner;
    choose(1);
    expect(pair().generation).toBe(String(inner[1].context.generation));
    expect(pair().pair).toBe(String(inner[1].context.pair));
    expect(pair().image).toBe(genomeKey(inner[1].context.image));
    expect(pair().macro).toBe(`${inner[1].context.macro.cells}x${inner[1].context.macro.nodes}`);
    expect(rowsOf('gamma-heatmap')).toHaveLength(inner[1].context.macro.cells * inner[1].context.macro.nodes);
    const cached = inner.findIndex((s) => s.cached);
    expect(cached).toBeGreaterThan(0);
    choose(cached);
    expect($('[data-testid="inner-cached"]')).not.toBeNull();
    expect($('[data-testid="alpha-heatmap"]')).toBeNull();
    ($('[data-testid="inner-cached"] button') as HTMLButtonElement).click();
    flushSync();
    expect(pair().image).toBe(genomeKey(inner[cached].context.image));
    expect(pair().generation).toBe('0');
    ($('[data-testid="inner-latest"]') as HTMLButtonElement).click();
    flushSync();
    // following the latest: the latest pair, or the latest that ran its own epochs when it was reused from the cache
    const latest = inner.at(-1)!.cached ? inner[latestSearchedIndex(inner)] : inner.at(-1)!;
    expect(pair().pair).toBe(String(latest.context.pair));
    expect(pair().generation).toBe(String(latest.context.generation));
  });

  it('says so before any inner search, and fits a 390 px screen', async () => {
    await render(quick.slice(0, quick.findIndex((e) => e.type === 'fusion-epoch')));
    expect($('[data-testid="inner-empty"]')).not.toBeNull();
    unmount(app!);
    host.remove();
    await render(quick, 360);
    for (const svg of $$('svg')) expect(svg.getBoundingClientRect().width).toBeLessThanOrEqual(361);
    expect(host.scrollWidth).toBeLessThanOrEqual(361);
  });
});
