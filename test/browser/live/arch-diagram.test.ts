// The architecture diagram rendered from recorded runs: it shows the selected network (else the
// front's first) with the table rows' genomes and operators, both backbones block by block with
// the blocks past the depth greyed, the fusion cells with edges from the features they read,
// per-part LUT costs that add up to the network's latency and energy, and a Devices link that
// carries the network (the Devices view, started on that link, prices it the same).
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import quickText from '../../../public/recordings/quick-seed1-tx2.jsonl?raw';
import tinyText from '../../fixtures/tiny-run.jsonl?raw';
import { parseRecording } from '../../../src/core/search/recording';
import { SearchState } from '../../../src/state/search.svelte';
import { DevicesState } from '../../../src/state/devices.svelte';
import { UrlHash } from '../../../src/state/url-hash.svelte';
import { genomeKey, formatGenome } from '../../../src/core/genome';
import { cellInputName } from '../../../src/core/fusion-modalities';
import type { ArchiveEntry } from '../../../src/core/search/archive';
import ArchDiagram from '../../../src/components/search/live/ArchDiagram.svelte';

const LUTS = '/luts/';
let app: ReturnType<typeof mount> | null = null;
let host: HTMLDivElement;

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  flushSync();
};
const root = () => host.querySelector<HTMLElement>('[data-testid="arch-diagram"]');

async function render(text: string, width = 600) {
  host = document.createElement('div');
  host.style.width = `${width}px`;
  document.body.append(host);
  const model = new SearchState();
  await model.replay(parseRecording(text).events, 'test');
  app = mount(ArchDiagram, { target: host, props: { model, lutsBase: LUTS } });
  flushSync();
  await until(() => root() !== null);
  return model;
}

afterEach(() => {
  if (app) unmount(app);
  app = null;
  host.remove();
});

function expectShows(e: ArchiveEntry) {
  const r = root()!;
  expect(r.dataset.id).toBe(String(e.id));
  expect(r.dataset.image).toBe(genomeKey(e.image));
  expect(r.dataset.audio).toBe(genomeKey(e.audio));
  expect(r.dataset.fusion).toBe(e.fusionOps.join(','));
  const steps = [...r.querySelectorAll('[data-kind="fusion-step"]')].map((s) => s.getAttribute('data-op'));
  expect(steps).toEqual(e.fusionOps);
  for (const modality of ['image', 'audio'] as const) {
    const g = e[modality];
    const blocks = [...r.querySelectorAll(`[data-kind="stage"][data-modality="${modality}"]`)];
    expect(blocks).toHaveLength(4);
    blocks.forEach((b, i) => {
      const active = i < g.d;
      expect(b.getAttribute('data-active')).toBe(String(active));
      expect(b.getAttribute('opacity')).toBe(active ? '1' : '0.45');
      expect(b.textContent).toContain(active ? `block ${i + 1} · k${g.ks[i]} e${g.e[i]}` : `block ${i + 1} · inactive`);
      expect(b.hasAttribute('data-latency-ms')).toBe(active);
    });
    for (const label of ['stem', 'block 0', 'head']) expect(r.querySelector(`[data-modality="${modality}"][data-label="${label}"]`)).not.toBeNull();
    expect(r.textContent).toContain(`${modality} ${formatGenome(g)}`);
  }
  // Cells and the edges from what they read.
  const cells = [...r.querySelectorAll('[data-testid="fusion-cell"]')];
  expect(cells.map((c) => c.getAttribute('data-inputs'))).toEqual(e.genotype.cells.map((c) => c.inputs.map(cellInputName).join(',')));
  e.genotype.cells.forEach((c, k) => {
    for (const input of c.inputs) expect(r.querySelector(`[data-testid="arch-edge"][data-from="${cellInputName(input)}"][data-to="C${k + 1}"]`)).not.toBeNull();
  });
  // Per-part costs add up to the network's cost in the table.
  const parts = [...r.querySelectorAll('[data-testid="arch-part"][data-latency-ms]')];
  const sum = (a: string) => parts.reduce((s, p) => s + Number(p.getAttribute(a)), 0);
  expect(Math.abs(sum('data-latency-ms') - e.latencyMs)).toBeLessThan(0.01);
  expect(Math.abs(sum('data-energy-mj') - e.energyMj)).toBeLessThan(0.01);
}

describe('architecture diagram', () => {
  it("shows the front's first network until one is selected, then the selected one", async () => {
    const model = await render(quickText);
    expectShows(model.result!.front[0]);
    expect(host.textContent).toContain('First network of the front');
    for (const e of model.result!.archive) {
      model.selectedId = e.id;
      flushSync();
      expectShows(e);
    }
    expect(host.textContent).toContain(`Architecture of network #${model.result!.archive.at(-1)!.id}`);
  });

  it('draws every network of the tiny run (dominated ones too), on a 390 px screen as well', async () => {
    const model = await render(tinyText, 340);
    for (const e of model.result!.archive) {
      model.selectedId = e.id;
      flushSync();
      expectShows(e);
      const svg = root()!.querySelector('svg')!;
      expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(340);
    }
  });

  it('links to the Devices view with the network, which the Devices view prices the same', async () => {
    const model = await render(tinyText);
    const e = model.result!.archive[2];
    model.selectedId = e.id;
    flushSync();
    const href = host.querySelector<HTMLAnchorElement>('[data-testid="open-in-devices"]')!.getAttribute('href')!;
    const params = new URLSearchParams(href.slice(1));
    expect(params.get('view')).toBe('devices');
    expect(params.get('device')).toBe('jetson-tx2');
    expect(params.get('image')).toBe(genomeKey(e.image));
    expect(params.get('audio')).toBe(genomeKey(e.audio));
    expect(params.get('fusion')).toBe(e.fusionOps.join(','));
    expect([params.get('cells'), params.get('nodes')]).toEqual([String(e.macro.cells), String(e.macro.nodes)]);
    expect(params.get('run')).toBeNull();

    const hash = new UrlHash({ hash: href, replaceHash: () => {}, onHashChange: () => () => {} });
    const devices = new DevicesState(hash);
    expect(formatGenome(devices.image)).toBe(genomeKey(e.image));
    expect(formatGenome(devices.audio)).toBe(genomeKey(e.audio));
    expect(devices.fusionOps).toEqual(e.fusionOps);
    expect([devices.cells, devices.nodes]).toEqual([e.macro.cells, e.macro.nodes]);
    await devices.load(LUTS);
    flushSync();
    const cost = devices.result && 'cost' in devices.result ? devices.result.cost : null;
    expect(cost!.latencyMs).toBeCloseTo(e.latencyMs, 6);
    expect(cost!.energyMj).toBeCloseTo(e.energyMj, 6);
  });

  it('lists every priced part in its table alternative', async () => {
    const model = await render(quickText);
    const e = model.result!.front[0];
    const rows = [...root()!.querySelectorAll('details tbody tr')];
    const priced = root()!.querySelectorAll('[data-testid="arch-part"][data-latency-ms]').length;
    expect(rows).toHaveLength(priced + 1);
    expect(rows.at(-1)!.textContent).toContain(e.latencyMs.toFixed(3));
  });
});
