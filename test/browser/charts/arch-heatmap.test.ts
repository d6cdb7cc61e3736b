// drawArchHeatmap: one row group per row with one square per weight, fill from --panel to
// --accent over the domain (or the row's shades), the exact weight in each <title>, one argmax
// per row, a colour legend, and a redraw that replaces what was there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawArchHeatmap, type HeatmapData } from '../../../src/charts/arch-heatmap';

const DATA: HeatmapData = {
  columns: ['I0', 'A0', 'C1'],
  rows: [
    { label: 'cell 1, input 1', group: 0, values: [0.2, 0.8] },
    { label: 'cell 2, input 1', group: 1, values: [0.5, 0.3, 0.2] },
  ],
  domain: [0.2, 0.8],
  scaleLabel: 'weight',
};

let container: HTMLDivElement;
let svg: SVGSVGElement;
beforeEach(() => {
  container = document.createElement('div');
  container.style.width = '500px';
  container.style.setProperty('--panel', '#ffffff');
  container.style.setProperty('--accent', '#000000');
  document.body.append(container);
  svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  container.append(svg);
});
afterEach(() => container.remove());

const cells = (row: number) => [...svg.querySelectorAll('g.row')[row].querySelectorAll('rect.cell')];

describe('drawArchHeatmap', () => {
  it('draws one square per weight, coloured over the domain from --panel to --accent', () => {
    drawArchHeatmap(svg, DATA);
    expect(svg.querySelectorAll('g.row')).toHaveLength(2);
    expect(cells(0)).toHaveLength(2);
    expect(cells(1)).toHaveLength(3);
    expect(cells(0).map((r) => r.getAttribute('fill'))).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    expect(cells(1)[1].getAttribute('data-col')).toBe('A0');
    expect(cells(1)[0].querySelector('title')!.textContent).toBe('cell 2, input 1 · I0: 0.500000 (largest in the row)');
    expect(Number(svg.getAttribute('width'))).toBe(500);
  });

  it('marks one argmax per row and draws a legend with the domain', () => {
    drawArchHeatmap(svg, DATA);
    expect(cells(0).map((r) => r.getAttribute('data-argmax'))).toEqual(['false', 'true']);
    expect(cells(1).map((r) => r.getAttribute('data-argmax'))).toEqual(['true', 'false', 'false']);
    expect(svg.querySelectorAll('circle.argmax')).toHaveLength(2);
    const legend = svg.querySelector('.legend')!.textContent!;
    expect(legend).toContain('0.200');
    expect(legend).toContain('0.800');
    expect(legend).toContain('weight');
  });

  it('colours by the shades when given, keeps the weights in titles, and redraws in place', () => {
    drawArchHeatmap(svg, { ...DATA, rows: [{ ...DATA.rows[0], shades: [0.8, 0.2] }] });
    expect(cells(0).map((r) => r.getAttribute('fill'))).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    expect(cells(0)[0].getAttribute('data-weight')).toBe('0.2');
    expect(svg.querySelectorAll('g.row')).toHaveLength(1);
    drawArchHeatmap(svg, { ...DATA, rows: [] });
    expect(svg.querySelectorAll('g.row')).toHaveLength(0);
    expect(svg.textContent).toContain('No epoch yet');
  });
});
