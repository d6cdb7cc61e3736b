// drawLossCurves: one line and one dot per epoch per series, a 1-based integer epoch axis over the
// planned epochs, colours and dashes from the series, a legend, and a redraw that replaces.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawLossCurves, type LossChartData } from '../../../src/charts/loss-curves';

const DATA: LossChartData = {
  epochs: 5,
  yLabel: 'loss (nats)',
  series: [
    { key: 'train', label: 'train loss', colorVar: '--chart-image', dashed: true, points: [{ epoch: 1, value: 2 }, { epoch: 2, value: 1.5 }, { epoch: 3, value: 1 }] },
    { key: 'val', label: 'val. CE', colorVar: '--chart-audio', points: [{ epoch: 1, value: 2.2 }, { epoch: 2, value: 1.8 }, { epoch: 3, value: 1.6 }] },
  ],
};

let container: HTMLDivElement;
let svg: SVGSVGElement;
beforeEach(() => {
  container = document.createElement('div');
  container.style.width = '600px';
  container.style.setProperty('--chart-image', '#112233');
  document.body.append(container);
  svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  container.append(svg);
});
afterEach(() => container.remove());

describe('drawLossCurves', () => {
  it('draws one dot per epoch per series, left to right, a smaller loss lower', () => {
    drawLossCurves(svg, DATA);
    const train = [...svg.querySelectorAll('[data-series="train"] circle.point')];
    expect(train.map((c) => c.getAttribute('data-epoch'))).toEqual(['1', '2', '3']);
    const cx = train.map((c) => Number(c.getAttribute('cx')));
    const cy = train.map((c) => Number(c.getAttribute('cy')));
    expect(cx[1]).toBeGreaterThan(cx[0]);
    expect(cy[2]).toBeGreaterThan(cy[0]); // a smaller loss sits lower (SVG y grows downward)
    expect(train[1].querySelector('title')!.textContent).toBe('train loss, epoch 2: 1.5000');
  });

  it('labels a 1-based integer epoch axis spanning the planned epochs, and the y axis', () => {
    drawLossCurves(svg, DATA);
    const ticks = [...svg.querySelectorAll('.x-axis .tick text')].map((t) => t.textContent);
    expect(ticks).toEqual(['1', '2', '3', '4', '5']);
    expect(svg.textContent).toContain('epoch (1-based)');
    expect(svg.textContent).toContain('loss (nats)');
  });

  it('colours and dashes lines from the series, with a legend, and redraws in place', () => {
    drawLossCurves(svg, DATA);
    const path = svg.querySelector('[data-series="train"] path')!;
    expect(path.getAttribute('stroke')).toBe('#112233');
    expect(path.getAttribute('stroke-dasharray')).not.toBeNull();
    expect(svg.querySelector('[data-series="val"] path')!.getAttribute('stroke')).toBe('#888');
    expect(svg.querySelector('.legend')!.textContent).toBe('train lossval. CE');
    drawLossCurves(svg, { ...DATA, series: [] });
    expect(svg.querySelectorAll('[data-series]')).toHaveLength(0);
    expect(svg.textContent).toContain('No epoch yet');
  });
});
