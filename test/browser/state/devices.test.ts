// DevicesState loads the served device tables and derives a network's cost: the paper's "most frugal" model costs 9.117 ms / 13.886 mJ on Jetson TX2, and edits, presets, devices and load failures update it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { DevicesState } from '../../../src/state/devices.svelte';
import { PAPER_MODELS } from '../../../src/core/paper-models';
import { parseGenome, formatGenome } from '../../../src/core/genome';
import type { FusionOp } from '../../../src/core/types';

/** The tables shipped in public/, which the vitest browser server serves at the site root. */
const LUTS = '/luts/';
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const trunc2 = (x: number) => Math.floor(x * 100 + 1e-9) / 100;
const preset = (id: string) => PAPER_MODELS.find((m) => m.id === id)!;

function costOf(model: DevicesState) {
  flushSync();
  const r = model.result;
  if (!r || !('cost' in r)) throw new Error(`no cost: ${JSON.stringify(r)}`);
  return r.cost;
}

async function loaded(): Promise<DevicesState> {
  const model = new DevicesState();
  await model.load(LUTS);
  expect(model.loadError).toBeNull();
  return model;
}

afterEach(() => vi.unstubAllGlobals());

describe('DevicesState', () => {
  it('starts on the "most frugal" preset with no table and no result until loaded', () => {
    const model = new DevicesState();
    expect(model.deviceId).toBe('jetson-tx2');
    expect(formatGenome(model.image)).toBe('k5557e3643d2');
    expect(formatGenome(model.audio)).toBe('k3375e3336d2');
    expect(model.fusionOps).toEqual(['ConcatFC', 'CatConvMish']);
    expect([model.cells, model.nodes]).toEqual([2, 1]);
    expect(model.table).toBeUndefined();
    expect(model.result).toBeNull();
    expect(model.activePreset?.id).toBe('most-frugal');
  });

  it('loads every device of the index and prices the paper model at 9.117 ms / 13.886 mJ on Jetson TX2', async () => {
    const model = await loaded();
    expect(model.devices.map((d) => d.id)).toEqual(['jetson-tx2', 'jetson-agx-xavier', 'jetson-nano', 'raspberry-pi-4']);
    expect(Object.keys(model.tables).sort()).toEqual(['jetson-agx-xavier', 'jetson-nano', 'jetson-tx2', 'raspberry-pi-4']);
    expect(model.deviceId).toBe('jetson-tx2');
    expect(model.table?.id).toBe('jetson-tx2');
    const cost = costOf(model);
    expect([r3(cost.latencyMs), r3(cost.energyMj)]).toEqual([9.117, 13.886]);
    // The paper's published figures are these, truncated to two decimals.
    expect([trunc2(cost.latencyMs), trunc2(cost.energyMj)]).toEqual([9.11, 13.88]);
    expect(cost.latencyMs).toBeCloseTo(cost.image.latencyMs + cost.audio.latencyMs + cost.fusion.latencyMs, 9);
    expect(cost.fusion.layers).toHaveLength(2);
  });

  it('re-prices when a gene changes, and the preset no longer matches', async () => {
    const model = await loaded();
    const base = costOf(model);
    model.image = { ...model.image, d: 3 };
    const deeper = costOf(model);
    expect(deeper.latencyMs).toBeGreaterThan(base.latencyMs);
    expect(deeper.energyMj).toBeGreaterThan(base.energyMj);
    expect(deeper.audio.latencyMs).toBe(base.audio.latencyMs);
    expect(model.activePreset).toBeUndefined();

    model.image = parseGenome('k5557e3643d2');
    model.audio = { ...model.audio, ks: [7, 3, 7, 5] };
    const widerKernel = costOf(model);
    expect(widerKernel.audio.latencyMs).not.toBe(base.audio.latencyMs);
    expect(widerKernel.image.latencyMs).toBe(base.image.latencyMs);

    model.audio = parseGenome('k3375e3336d2');
    expect(r3(costOf(model).latencyMs)).toBe(9.117);
    expect(model.activePreset?.id).toBe('most-frugal');
  });

  it('re-prices when fusion operators change; an operator missing from the table is an error, not a zero', async () => {
    const model = await loaded();
    const base = costOf(model);
    model.fusionOps = ['ConcatFC', 'CatConvMish', 'LinearGLU'];
    const more = costOf(model);
    expect(more.fusion.layers).toHaveLength(3);
    expect(more.latencyMs).toBeCloseTo(base.latencyMs + model.table!.entries['LinearGLU-input:1_192_16-N:1-C:192-L:16'].latencyMs, 9);
    model.fusionOps = ['NoSuchOp' as FusionOp];
    flushSync();
    const r = model.result;
    expect(r && 'error' in r ? r.error : '').toMatch(/NoSuchOp.*missing from the cost table of device "jetson-tx2"/);
    model.fusionOps = [];
    expect(costOf(model).fusion.latencyMs).toBe(0);
  });

  it('applies each paper preset: genomes, operators, cells × nodes, and its published figures', async () => {
    const model = await loaded();
    model.applyPreset(preset('most-accurate'));
    expect([model.cells, model.nodes]).toEqual([3, 4]);
    expect(model.fusionOps).toHaveLength(12);
    expect(model.activePreset?.id).toBe('most-accurate');
    const accurate = costOf(model);
    expect([trunc2(accurate.latencyMs), trunc2(accurate.energyMj)]).toEqual([14.41, 25.49]);

    model.applyPreset(preset('fastest'));
    expect(formatGenome(model.image)).toBe('k5555e3343d2');
    expect([model.cells, model.nodes]).toEqual([2, 1]);
    const fastest = costOf(model);
    expect([r3(fastest.latencyMs), r3(fastest.energyMj)]).toEqual([8.969, 13.92]);
    expect(fastest.latencyMs).toBeLessThan(accurate.latencyMs);
    // The preset's operator list is copied, not shared with the state.
    expect(model.fusionOps).toEqual(preset('fastest').fusionOps);
    expect(model.fusionOps).not.toBe(preset('fastest').fusionOps);
  });

  it('prices the same network on another board, and a preset brings back the board it was published on', async () => {
    const model = await loaded();
    const onTx2 = costOf(model);
    model.deviceId = 'jetson-agx-xavier';
    expect(model.table?.id).toBe('jetson-agx-xavier');
    const r = model.result;
    expect(r).not.toBeNull();
    if (r && 'cost' in r) expect(r.cost.latencyMs).not.toBe(onTx2.latencyMs);
    expect(model.activePreset?.id).toBe('most-frugal');
    model.applyPreset(preset('most-frugal'));
    expect(model.deviceId).toBe('jetson-tx2');
    expect(r3(costOf(model).latencyMs)).toBe(9.117);
  });

  it('falls back to the first listed device when the chosen one is not offered', async () => {
    const realFetch = globalThis.fetch.bind(globalThis);
    const seen: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      seen.push(url);
      if (url === `${LUTS}index.json`) {
        return new Response(JSON.stringify({ devices: [{ id: 'jetson-agx-xavier', name: 'Xavier', file: 'jetson-agx-xavier.json' }] }));
      }
      return realFetch(url);
    });
    const model = new DevicesState();
    await model.load(LUTS);
    expect(seen).toEqual([`${LUTS}index.json`, `${LUTS}jetson-agx-xavier.json`]);
    expect(model.deviceId).toBe('jetson-agx-xavier');
    expect(model.table?.id).toBe('jetson-agx-xavier');
    // A preset published on a board that is not loaded leaves the device alone.
    model.applyPreset(preset('fastest'));
    expect(model.deviceId).toBe('jetson-agx-xavier');
  });

  it('reports a load failure and keeps no partial tables', async () => {
    const realFetch = globalThis.fetch.bind(globalThis);
    vi.stubGlobal('fetch', async (url: string) => {
      if (url === '/x/index.json') {
        const devices = [{ id: 'jetson-tx2', name: 'TX2', file: 'jetson-tx2.json' }, { id: 'gone', name: 'Gone', file: 'gone.json' }];
        return new Response(JSON.stringify({ devices }));
      }
      if (url === '/x/jetson-tx2.json') return realFetch(`${LUTS}jetson-tx2.json`);
      return new Response('not found', { status: 404 });
    });
    const model = new DevicesState();
    await model.load('/x/');
    expect(model.loadError).toBe('Could not fetch /x/gone.json: HTTP 404');
    expect(model.devices).toEqual([]);
    expect(model.tables).toEqual({});
    expect(model.result).toBeNull();
  });

  it('reports a missing index by its URL and HTTP status', async () => {
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 404 }));
    const model = new DevicesState();
    await model.load('/nowhere/');
    expect(model.loadError).toBe('Could not fetch /nowhere/index.json: HTTP 404');
    expect(model.table).toBeUndefined();
  });
});
