// drawParetoScatter places one dot per network by latency (x) and validation accuracy (y), marks and joins the front, reads theme colours, and redraws in place.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawParetoScatter, type ScatterPoint } from '../../../src/charts/pareto-scatter';

const POINTS: ScatterPoint[] = [
  { id: 1, latencyMs: 9.0, valAccuracy: 90.0, onFront: true, label: '#1 fast' },
  { id: 2, latencyMs: 12.0, valAccuracy: 95.5, onFront: true, label: '#2 accurate' },
  { id: 3, latencyMs: 11.0, valAccuracy: 88.0, onFront: false, label: '#3 dominated' },
  { id: 4, latencyMs: 10.0, valAccuracy: 93.25, onFront: true, label: '#4 middle' },
  { id: 5, latencyMs: 13.5, valAccuracy: 91.0, onFront: false, label: '#5 slow' },
];

let container: HTMLDivElement;
let svg: SVGSVGElement;

beforeEach(() => {
  container = document.createElement('div');
  container.style.width = '600px';
  document.body.append(container);
  svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  container.append(svg);
});

afterEach(() => container.remove());

const circles = () => [...svg.querySelectorAll('circle')];
const num = (el: Element, attr: string) => Number(el.getAttribute(attr));
/** The front's step line: the only <path> drawn directly in the svg (axes' paths sit in <g>). */
const frontLine = () => svg.querySelector(':scope > path');

describe('drawParetoScatter', () => {
  it('draws one dot per network, in data order', () => {
    drawParetoScatter(svg, POINTS);
    expect(circles()).toHaveLength(POINTS.length);
    expect(circles().map((c) => c.querySelector('title')?.textContent?.split('\n')[0])).toEqual(POINTS.map((p) => p.label));
  });

  it('puts slower networks further right and more accurate ones higher up, inside the plot', () => {
    drawParetoScatter(svg, POINTS);
    const cx = circles().map((c) => num(c, 'cx'));
    const cy = circles().map((c) => num(c, 'cy'));
    const byLatency = POINTS.map((_, i) => i).sort((a, b) => POINTS[a].latencyMs - POINTS[b].latencyMs);
    for (let k = 1; k < byLatency.length; k++) expect(cx[byLatency[k]]).toBeGreaterThan(cx[byLatency[k - 1]]);
    const byAccuracy = POINTS.map((_, i) => i).sort((a, b) => POINTS[a].valAccuracy - POINTS[b].valAccuracy);
    // SVG y grows downwards: higher accuracy → smaller cy.
    for (let k = 1; k < byAccuracy.length; k++) expect(cy[byAccuracy[k]]).toBeLessThan(cy[byAccuracy[k - 1]]);
    const width = num(svg, 'width');
    const height = num(svg, 'height');
    expect(width).toBe(600);
    expect(height).toBe(300);
    for (let i = 0; i < POINTS.length; i++) {
      expect(cx[i]).toBeGreaterThan(52);
      expect(cx[i]).toBeLessThan(width - 16);
      expect(cy[i]).toBeGreaterThan(12);
      expect(cy[i]).toBeLessThan(height - 40);
    }
    // Linear in latency: 10 ms lies halfway between 9 and 11 ms.
    expect(cx[3]).toBeCloseTo((cx[0] + cx[2]) / 2, 6);
  });

  it('marks front members with bigger, accent-coloured dots and the rest in the fusion colour', () => {
    container.style.setProperty('--accent', '#aa0011');
    container.style.setProperty('--chart-fusion', '#00bb22');
    drawParetoScatter(svg, POINTS);
    expect(circles().map((c) => num(c, 'r'))).toEqual(POINTS.map((p) => (p.onFront ? 5 : 3)));
    expect(circles().map((c) => c.getAttribute('fill'))).toEqual(POINTS.map((p) => (p.onFront ? '#aa0011' : '#00bb22')));
    expect(frontLine()?.getAttribute('stroke')).toBe('#aa0011');
  });

  it('uses fixed colours without a theme', () => {
    drawParetoScatter(svg, POINTS);
    expect(circles()[0].getAttribute('fill')).toBe('#2456c9');
    expect(circles()[2].getAttribute('fill')).toBe('#7a4fc9');
  });

  it('joins the front left to right with a step line through its dots', () => {
    drawParetoScatter(svg, POINTS);
    const d = frontLine()?.getAttribute('d') ?? '';
    const coords = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // Front by latency: #1 (9 ms), #4 (10 ms), #2 (12 ms); a step-after curve has 2 vertices per step.
    const frontDots = [0, 3, 1].map((i) => [num(circles()[i], 'cx'), num(circles()[i], 'cy')]);
    expect(coords[0][0]).toBeCloseTo(frontDots[0][0], 3);
    expect(coords[0][1]).toBeCloseTo(frontDots[0][1], 3);
    const last = coords[coords.length - 1];
    expect(last[0]).toBeCloseTo(frontDots[2][0], 3);
    expect(last[1]).toBeCloseTo(frontDots[2][1], 3);
    expect(coords).toHaveLength(2 * frontDots.length - 1);
    expect(frontLine()?.getAttribute('fill')).toBe('none');
  });

  it('draws no line for a front of one, but still the dot', () => {
    drawParetoScatter(svg, POINTS.map((p) => ({ ...p, onFront: p.id === 2 })));
    expect(frontLine()).toBeNull();
    expect(circles().filter((c) => num(c, 'r') === 5)).toHaveLength(1);
  });

  it('writes a tooltip with accuracy and latency, and titles both axes', () => {
    drawParetoScatter(svg, POINTS);
    expect(circles()[1].querySelector('title')?.textContent).toBe('#2 accurate\n95.50 % val · 12.000 ms');
    expect(svg.textContent).toContain('latency (ms, LUT)');
    expect(svg.textContent).toContain('validation accuracy (%)');
  });

  it('redraws in place: new data replaces old dots, and an empty archive says so', () => {
    drawParetoScatter(svg, POINTS);
    drawParetoScatter(svg, POINTS);
    expect(circles()).toHaveLength(POINTS.length);
    expect(svg.querySelectorAll(':scope > path')).toHaveLength(1);
    drawParetoScatter(svg, POINTS.slice(0, 2));
    expect(circles()).toHaveLength(2);
    expect(svg.textContent).not.toContain('#5 slow');
    drawParetoScatter(svg, []);
    expect(circles()).toHaveLength(0);
    expect(frontLine()).toBeNull();
    expect(svg.querySelector('.tick')).toBeNull();
    expect(svg.textContent).toBe('No networks yet');
    drawParetoScatter(svg, POINTS);
    expect(svg.textContent).not.toContain('No networks yet');
    expect(circles()).toHaveLength(POINTS.length);
  });

  it('handles a single network (no spread) and keeps the accuracy axis within 0–100 %', () => {
    drawParetoScatter(svg, [{ id: 9, latencyMs: 5, valAccuracy: 100, onFront: true, label: 'only' }]);
    const c = circles()[0];
    expect(Number.isFinite(num(c, 'cx'))).toBe(true);
    expect(Number.isFinite(num(c, 'cy'))).toBe(true);
    expect(num(c, 'cx')).toBeCloseTo((52 + 600 - 16) / 2, 6);
    // 100 % sits on the top edge: the y domain is clamped at 100.
    expect(num(c, 'cy')).toBeCloseTo(12, 6);
    const ticks = [...svg.querySelectorAll('.tick text')].map((t) => Number(t.textContent));
    expect(Math.max(...ticks)).toBeLessThanOrEqual(100);
  });

  it('keeps a minimum width in a narrow container', () => {
    container.style.width = '100px';
    drawParetoScatter(svg, POINTS);
    expect(num(svg, 'width')).toBe(320);
  });
});
