// drawLayerCostBars renders one bar per row, sized and labelled by the chosen metric, coloured from the theme's CSS variables, and redraws in place.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawLayerCostBars, type LayerBar } from '../../../src/charts/layer-cost-bars';

const BARS: LayerBar[] = [
  { part: 'image', label: 'first conv', key: 'ConvLayer-img', latencyMs: 0.5, energyMj: 2.0 },
  { part: 'image', label: 'block 1', key: 'MBConv-img-1', latencyMs: 1.5, energyMj: 0.5 },
  { part: 'audio', label: 'audio conv', key: 'ConvLayer-aud', latencyMs: 0.25, energyMj: 1.0 },
  { part: 'fusion', label: 'fusion 1: ConcatFC', key: 'ConcatFC-key', latencyMs: 1.0, energyMj: 3.0 },
];

let container: HTMLDivElement;
let svg: SVGSVGElement;

beforeEach(() => {
  container = document.createElement('div');
  container.style.width = '800px';
  document.body.append(container);
  svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  container.append(svg);
});

afterEach(() => container.remove());

const rects = () => [...svg.querySelectorAll('rect')];
const widths = () => rects().map((r) => Number(r.getAttribute('width')));
/** Row groups: the <g> elements holding a bar each. */
const rows = () => rects().map((r) => r.parentElement as unknown as SVGGElement);
const rowTexts = (i: number) => [...rows()[i].querySelectorAll(':scope > text')].map((t) => t.textContent);

describe('drawLayerCostBars', () => {
  it('draws one bar per row with widths ordered like the latency values', () => {
    drawLayerCostBars(svg, BARS, 'latencyMs');
    expect(rects()).toHaveLength(BARS.length);
    const w = widths();
    // 1.5 > 1.0 > 0.5 > 0.25
    expect(w[1]).toBeGreaterThan(w[3]);
    expect(w[3]).toBeGreaterThan(w[0]);
    expect(w[0]).toBeGreaterThan(w[2]);
    expect(w[2]).toBeGreaterThan(0);
    // The scale is linear from zero: width ∝ value.
    expect(w[0] / w[1]).toBeCloseTo(0.5 / 1.5, 6);
    // Every bar starts at the same x (the label column).
    expect(new Set(rects().map((r) => r.getAttribute('x'))).size).toBe(1);
  });

  it('sizes the svg to its container and to the number of rows', () => {
    drawLayerCostBars(svg, BARS, 'latencyMs');
    expect(svg.getAttribute('width')).toBe('800');
    const h = Number(svg.getAttribute('height'));
    expect(h).toBe(8 + 28 + 18 * BARS.length);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 800 ${h}`);
    container.style.width = '100px';
    drawLayerCostBars(svg, BARS, 'latencyMs');
    expect(svg.getAttribute('width')).toBe('360'); // minimum width
  });

  it('places rows top to bottom in data order', () => {
    drawLayerCostBars(svg, BARS, 'latencyMs');
    const ys = rows().map((g) => Number(/translate\(0,([\d.]+)\)/.exec(g.getAttribute('transform') ?? '')?.[1]));
    expect(ys.every((y) => Number.isFinite(y))).toBe(true);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeGreaterThan(ys[i - 1]);
  });

  it('labels each row and its value, with the LUT key and both figures as a tooltip', () => {
    drawLayerCostBars(svg, BARS, 'latencyMs');
    expect(rowTexts(0)).toEqual(['first conv', '0.500 ms']);
    expect(rowTexts(3)).toEqual(['fusion 1: ConcatFC', '1.000 ms']);
    expect(rects()[3].querySelector('title')?.textContent).toBe('ConcatFC-key\n1.000 ms, 3.000 mJ');
    expect(svg.textContent).toContain('latency (ms)');
  });

  it('switches to energy: widths follow energy, values in mJ, axis titled energy', () => {
    drawLayerCostBars(svg, BARS, 'energyMj');
    const w = widths();
    // 3.0 > 2.0 > 1.0 > 0.5
    expect(w[3]).toBeGreaterThan(w[0]);
    expect(w[0]).toBeGreaterThan(w[2]);
    expect(w[2]).toBeGreaterThan(w[1]);
    expect(rowTexts(1)).toEqual(['block 1', '0.500 mJ']);
    expect(svg.textContent).toContain('energy (mJ)');
    expect(svg.textContent).not.toContain('latency (ms)');
  });

  it('colours bars by part from the CSS variables on the container', () => {
    container.style.setProperty('--chart-image', '#112233');
    container.style.setProperty('--chart-audio', '#445566');
    container.style.setProperty('--chart-fusion', '#778899');
    container.style.setProperty('--fg', '#010101');
    drawLayerCostBars(svg, BARS, 'latencyMs');
    expect(rects().map((r) => r.getAttribute('fill'))).toEqual(['#112233', '#112233', '#445566', '#778899']);
    expect(rows()[0].querySelector(':scope > text')?.getAttribute('fill')).toBe('#010101');
  });

  it('falls back to fixed colours without a theme', () => {
    drawLayerCostBars(svg, BARS, 'latencyMs');
    expect(rects().every((r) => r.getAttribute('fill') === '#888')).toBe(true);
    expect(rows()[0].querySelector(':scope > text')?.getAttribute('fill')).toBe('#222');
  });

  it('redraws in place: new data replaces the old bars instead of adding to them', () => {
    drawLayerCostBars(svg, BARS, 'latencyMs');
    drawLayerCostBars(svg, BARS, 'latencyMs');
    expect(rects()).toHaveLength(BARS.length);
    expect(svg.querySelectorAll(':scope > g')).toHaveLength(2); // one axis, one group of rows
    drawLayerCostBars(svg, BARS.slice(0, 2), 'energyMj');
    expect(rects()).toHaveLength(2);
    expect(rowTexts(1)).toEqual(['block 1', '0.500 mJ']);
    expect(svg.textContent).not.toContain('ConcatFC');
    expect(Number(svg.getAttribute('height'))).toBe(8 + 28 + 18 * 2);
  });

  it('draws an empty chart (axis only) for no rows, and clears what was there', () => {
    drawLayerCostBars(svg, BARS, 'latencyMs');
    drawLayerCostBars(svg, [], 'latencyMs');
    expect(rects()).toHaveLength(0);
    expect(Number(svg.getAttribute('height'))).toBe(8 + 28);
    expect(svg.querySelector('.tick')).not.toBeNull();
  });

  it('gives a zero-cost layer a zero-width bar', () => {
    drawLayerCostBars(svg, [{ ...BARS[0], latencyMs: 0 }, { ...BARS[1], latencyMs: 0 }], 'latencyMs');
    expect(widths()).toEqual([0, 0]);
    drawLayerCostBars(svg, [{ ...BARS[0], latencyMs: 0 }, BARS[1]], 'latencyMs');
    expect(widths()[0]).toBe(0);
    expect(widths()[1]).toBeGreaterThan(0);
  });
});
