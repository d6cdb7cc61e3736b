// costBars turns a network's cost (the paper's "most frugal" model on the shipped Jetson TX2 table) into ordered, labelled chart rows that drawLayerCostBars renders.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { costBars } from '../../../src/charts/cost-bars';
import { drawLayerCostBars } from '../../../src/charts/layer-cost-bars';
import { networkCost, fusionOpKey, type NetworkCost } from '../../../src/core/cost-model';
import { parseDeviceTable, type DeviceTable } from '../../../src/core/device-table';
import { parseGenome } from '../../../src/core/genome';
import type { FusionOp } from '../../../src/core/types';

let tx2: DeviceTable;
let frugal: NetworkCost;

beforeAll(async () => {
  const response = await fetch('/luts/jetson-tx2.json');
  expect(response.ok).toBe(true);
  tx2 = parseDeviceTable(await response.json());
  frugal = networkCost(tx2, {
    image: parseGenome('k5557e3643d2'),
    audio: parseGenome('k3375e3336d2'),
    fusionOps: ['ConcatFC', 'CatConvMish'],
  });
});

describe('costBars', () => {
  it('gives one row per layer: image layers, then audio, then fusion operators', () => {
    const bars = costBars(frugal);
    const n = { image: frugal.image.layers.length, audio: frugal.audio.layers.length, fusion: 2 };
    expect(n.image).toBeGreaterThan(2);
    expect(n.audio).toBeGreaterThan(2);
    expect(bars).toHaveLength(n.image + n.audio + n.fusion);
    expect(bars.map((b) => b.part)).toEqual([
      ...Array(n.image).fill('image'),
      ...Array(n.audio).fill('audio'),
      ...Array(n.fusion).fill('fusion'),
    ]);
    expect(bars.map((b) => b.key)).toEqual(
      [...frugal.image.layers, ...frugal.audio.layers, ...frugal.fusion.layers].map((l) => l.key),
    );
  });

  it('keeps each layer’s LUT figures, so the rows add up to the network total (9.117 ms / 13.886 mJ)', () => {
    const bars = costBars(frugal);
    const lat = bars.reduce((s, b) => s + b.latencyMs, 0);
    const en = bars.reduce((s, b) => s + b.energyMj, 0);
    expect(lat).toBeCloseTo(frugal.latencyMs, 9);
    expect(en).toBeCloseTo(frugal.energyMj, 9);
    expect(Math.round(lat * 1000) / 1000).toBe(9.117);
    expect(Math.round(en * 1000) / 1000).toBe(13.886);
    const concat = bars.find((b) => b.key === fusionOpKey('ConcatFC'));
    expect(concat?.latencyMs).toBe(tx2.entries[fusionOpKey('ConcatFC')].latencyMs);
    expect(concat?.energyMj).toBe(tx2.entries[fusionOpKey('ConcatFC')].energyMj);
  });

  it('numbers fusion operators and drops the "fusion operator" prefix; backbone labels are the layer descriptions', () => {
    const bars = costBars(frugal);
    expect(bars.filter((b) => b.part === 'fusion').map((b) => b.label)).toEqual(['fusion 1: ConcatFC', 'fusion 2: CatConvMish']);
    expect(bars.filter((b) => b.part !== 'fusion').map((b) => b.label)).toEqual(
      [...frugal.image.layers, ...frugal.audio.layers].map((l) => l.description),
    );
    expect(bars.every((b) => b.label.trim() !== '')).toBe(true);
  });

  it('follows the network: a repeated operator gets its own numbered row, no operators give no fusion rows', () => {
    const spec = { image: parseGenome('k5557e3643d2'), audio: parseGenome('k3375e3336d2') };
    const three = costBars(networkCost(tx2, { ...spec, fusionOps: ['LinearGLU', 'LinearGLU', 'ConcatFC'] as FusionOp[] }));
    expect(three.filter((b) => b.part === 'fusion').map((b) => b.label)).toEqual([
      'fusion 1: LinearGLU',
      'fusion 2: LinearGLU',
      'fusion 3: ConcatFC',
    ]);
    const none = costBars(networkCost(tx2, { ...spec, fusionOps: [] }));
    expect(none.some((b) => b.part === 'fusion')).toBe(false);
    expect(none).toHaveLength(three.length - 3);
    const deeper = costBars(networkCost(tx2, { ...spec, image: parseGenome('k5557e3643d4'), fusionOps: [] }));
    expect(deeper.filter((b) => b.part === 'image').length).toBeGreaterThan(none.filter((b) => b.part === 'image').length);
  });
});

describe('costBars rendered by drawLayerCostBars', () => {
  let container: HTMLDivElement;
  let svg: SVGSVGElement;
  beforeEach(() => {
    container = document.createElement('div');
    container.style.width = '900px';
    container.style.setProperty('--chart-image', '#0000ff');
    container.style.setProperty('--chart-audio', '#ff8800');
    container.style.setProperty('--chart-fusion', '#880088');
    document.body.append(container);
    svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    container.append(svg);
  });
  afterEach(() => container.remove());

  it('draws every row, the longest bar for the costliest layer, each coloured by its part', () => {
    const bars = costBars(frugal);
    drawLayerCostBars(svg, bars, 'latencyMs');
    const rects = [...svg.querySelectorAll('rect')];
    expect(rects).toHaveLength(bars.length);
    const colour = { image: '#0000ff', audio: '#ff8800', fusion: '#880088' };
    expect(rects.map((r) => r.getAttribute('fill'))).toEqual(bars.map((b) => colour[b.part]));
    const widths = rects.map((r) => Number(r.getAttribute('width')));
    const costliest = bars.reduce((best, b, i) => (b.latencyMs > bars[best].latencyMs ? i : best), 0);
    expect(widths.indexOf(Math.max(...widths))).toBe(costliest);
    expect(svg.textContent).toContain('fusion 2: CatConvMish');
  });
});
