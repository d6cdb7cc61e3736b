// The live Pareto chart rendered from recorded runs: one point per archived network carrying the
// table rows' data attributes, data-on-front equal to the run's front, selection linked both ways
// with the tables (click, Enter), axes that move the points, the step line only for an accuracy
// against a cost, and the paper's three models on a Jetson board (published on the TX2, priced
// on another board's table, left out on the validation-accuracy axis with a note saying why).
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import quickText from '../../../public/recordings/quick-seed1-tx2.jsonl?raw';
import tinyText from '../../fixtures/tiny-run.jsonl?raw';
import { parseRecording } from '../../../src/core/search/recording';
import type { SearchEvent } from '../../../src/core/search-protocol';
import { SearchState } from '../../../src/state/search.svelte';
import { PAPER_MODELS } from '../../../src/core/paper-models';
import { networkCost } from '../../../src/core/cost-model';
import { parseGenome } from '../../../src/core/genome';
import type { FusionOp } from '../../../src/core/types';
import { deviceTableFor } from '../../../src/data/device-table-cache';
import ParetoHarness from './ParetoHarness.svelte';

const LUTS = '/luts/';
let app: ReturnType<typeof mount> | null = null;
let host: HTMLDivElement;

/** `events` with the run's board replaced (the archive's costs stay the TX2's). */
function onDevice(events: SearchEvent[], device: string): SearchEvent[] {
  return events.map((e) => (e.type === 'start' ? (JSON.parse(JSON.stringify({ ...e, start: { ...e.start, settings: { ...e.start.settings, device } } })) as SearchEvent) : e));
}

async function render(text: string, device?: string) {
  host = document.createElement('div');
  host.style.width = '600px';
  document.body.append(host);
  const model = new SearchState();
  const events = parseRecording(text).events;
  await model.replay(device ? onDevice(events, device) : events, 'test');
  app = mount(ParetoHarness, { target: host, props: { model, lutsBase: LUTS } });
  flushSync();
  return model;
}

afterEach(() => {
  if (app) unmount(app);
  app = null;
  host.remove();
});

const points = () => [...host.querySelectorAll<SVGCircleElement>('[data-testid="pareto-point"]')];
const point = (id: number) => host.querySelector<SVGCircleElement>(`[data-testid="pareto-point"][data-id="${id}"]`)!;
const rows = (id: number) => [...host.querySelectorAll<HTMLTableRowElement>(`tr[data-id="${id}"]`)];
const ROW_ATTRS = ['data-id', 'data-image', 'data-audio', 'data-fusion', 'data-accuracy', 'data-val-accuracy', 'data-latency-ms', 'data-energy-mj'];
const position = (c: Element) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))];
function choose(testid: string, value: string) {
  const select = host.querySelector<HTMLSelectElement>(`[data-testid="${testid}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('live Pareto chart', () => {
  for (const [name, text] of [['quick', quickText], ['tiny', tinyText]] as const) {
    it(`draws one point per archived network with the table rows' attributes (${name} recording)`, async () => {
      const model = await render(text);
      const result = model.result!;
      expect(points()).toHaveLength(result.archive.length);
      const front = new Set(result.front.map((e) => e.id));
      for (const e of result.archive) {
        const c = point(e.id);
        expect(c.getAttribute('data-on-front')).toBe(String(front.has(e.id)));
        const row = host.querySelector(`[data-testid="${front.has(e.id) ? 'pareto-row' : 'archive-row'}"][data-id="${e.id}"]`)!;
        for (const a of ROW_ATTRS) expect(c.getAttribute(a), a).toBe(row.getAttribute(a));
        expect(Number(c.getAttribute('r'))).toBe(front.has(e.id) ? 6 : 3.5);
      }
      if (name === 'tiny') expect(points().some((c) => c.getAttribute('data-on-front') === 'false')).toBe(true);
      expect(host.querySelector('.front-line')).not.toBeNull();
    });
  }

  it('links the selection both ways: point → rows (aria-selected), row → point; Enter selects too', async () => {
    const model = await render(tinyText);
    const [a, b] = model.result!.front;
    point(a.id).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    flushSync();
    expect(model.selectedId).toBe(a.id);
    expect(rows(a.id)).toHaveLength(2); // front table and archive table
    for (const r of rows(a.id)) expect(r.getAttribute('aria-selected')).toBe('true');
    expect(host.querySelectorAll('tr[aria-selected="true"]')).toHaveLength(2);
    expect(point(a.id).getAttribute('data-selected')).toBe('true');

    rows(b.id)[0].querySelector('td:nth-child(4)')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    flushSync();
    expect(model.selectedId).toBe(b.id);
    expect(point(b.id).getAttribute('data-selected')).toBe('true');
    expect(point(a.id).getAttribute('data-selected')).toBe('false');
    expect(rows(a.id)[0].getAttribute('aria-selected')).toBe('false');

    const dominated = model.result!.archive.find((e) => !model.result!.front.includes(e))!;
    point(dominated.id).focus();
    flushSync();
    expect(host.querySelector('[data-testid="pareto-tooltip"]')!.textContent).toContain(dominated.fusionOps.join(', '));
    point(dominated.id).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    flushSync();
    expect(model.selectedId).toBe(dominated.id);
    expect(document.activeElement).toBe(point(dominated.id));
    expect(rows(dominated.id)[0].getAttribute('aria-selected')).toBe('true');
  });

  it('moves the points when an axis changes; the step line only joins an accuracy and a cost', async () => {
    const model = await render(tinyText);
    const ids = model.result!.archive.map((e) => e.id);
    const before = ids.map((id) => position(point(id)));
    choose('pareto-y', 'testAccuracy');
    const afterY = ids.map((id) => position(point(id)));
    // x is still latency (its scale may widen to fit the paper's models, now drawn): same order.
    const order = (ps: number[][]) => ids.map((_, i) => i).sort((i, j) => ps[i][0] - ps[j][0]);
    expect(order(afterY)).toEqual(order(before));
    expect(afterY.map((p) => p[1])).not.toEqual(before.map((p) => p[1]));
    // Test accuracy on y: higher test accuracy is higher up.
    const byTest = [...model.result!.archive].sort((p, q) => p.testAccuracy - q.testAccuracy);
    expect(Number(point(byTest.at(-1)!.id).getAttribute('cy'))).toBeLessThanOrEqual(Number(point(byTest[0].id).getAttribute('cy')));
    choose('pareto-x', 'energyMj');
    expect(ids.map((id) => position(point(id))[0])).not.toEqual(before.map((p) => p[0]));
    expect(host.querySelector('.front-line')).not.toBeNull();
    choose('pareto-y', 'latencyMs');
    expect(host.querySelector('.front-line')).toBeNull();
    expect(host.querySelector('svg')!.textContent).toContain('latency (ms, LUT)');
    expect(host.querySelector('svg')!.textContent).toContain('energy (mJ, LUT)');
  });

  it("draws the paper's three models on the TX2 at their published figures, never on the validation axis", async () => {
    await render(quickText);
    expect(host.querySelectorAll('[data-testid="paper-point"]')).toHaveLength(0);
    expect(host.querySelector('[data-testid="paper-omitted"]')!.textContent).toMatch(/test accuracy only/);
    choose('pareto-y', 'testAccuracy');
    const paper = [...host.querySelectorAll('[data-testid="paper-point"]')];
    expect(paper.map((p) => p.getAttribute('data-paper-id')).sort()).toEqual(['fastest', 'most-accurate', 'most-frugal']);
    expect(host.querySelector('[data-testid="paper-omitted"]')).toBeNull();
    for (const m of PAPER_MODELS) {
      const g = host.querySelector(`[data-paper-id="${m.id}"]`)!;
      expect(Number(g.getAttribute('data-x'))).toBe(m.published.latencyMs);
      expect(Number(g.getAttribute('data-y'))).toBe(m.published.accuracyPct);
      expect(g.querySelector('title')!.textContent).toMatch(/^paper: .* \(chosen on test\): .*published, Jetson TX2/);
    }
    expect(host.textContent).toContain('paper: fastest / most frugal / most accurate (chosen on test)');
    expect(host.querySelector('svg')!.textContent).toContain('paper: most frugal');
  });

  it("prices the paper's models on another Jetson board's table, and draws none off Jetson", async () => {
    await render(quickText, 'jetson-agx-xavier');
    choose('pareto-y', 'energyMj');
    await until(() => host.querySelectorAll('[data-testid="paper-point"]').length === 3);
    const table = await deviceTableFor('jetson-agx-xavier', LUTS);
    for (const m of PAPER_MODELS) {
      const cost = networkCost(table, { image: parseGenome(m.image), audio: parseGenome(m.audio), fusionOps: m.fusionOps as FusionOp[] });
      const g = host.querySelector(`[data-paper-id="${m.id}"]`)!;
      expect(Number(g.getAttribute('data-x'))).toBeCloseTo(cost.latencyMs, 9);
      expect(Number(g.getAttribute('data-y'))).toBeCloseTo(cost.energyMj, 9);
    }
    expect(host.textContent).toContain('priced on the jetson-agx-xavier table');
    unmount(app!);
    app = null;
    host.remove();
    await render(quickText, 'raspberry-pi-4');
    choose('pareto-y', 'testAccuracy');
    expect(host.querySelectorAll('[data-testid="paper-point"]')).toHaveLength(0);
    expect(host.querySelector('[data-testid="paper-omitted"]')).toBeNull();
  });
});
