// Loss per epoch of the inner tier (d3): in the DARTS search the weights' training loss, the
// architecture loss on validation batches (CE + hardware term) and the validation objective;
// in retraining each candidate's training loss and validation cross-entropy. One line with a dot
// per epoch per series; the epoch axis is 1-based and spans the planned epochs, so the chart does
// not rescale as a live search adds epochs. Colours come from the theme's CSS variables.
import * as d3 from 'd3';
import { cssVar } from './css-var';

export interface LossPoint {
  /** 1-based. */
  epoch: number;
  value: number;
}

export interface LossSeries {
  key: string;
  label: string;
  /** CSS variable of the line colour, e.g. "--accent". */
  colorVar: string;
  dashed?: boolean;
  points: LossPoint[];
}

export interface LegendItem {
  label: string;
  colorVar: string;
  dashed?: boolean;
}

export interface LossChartData {
  series: LossSeries[];
  /** Planned epochs: the epoch axis runs 1..epochs (at least to the last point). */
  epochs: number;
  yLabel: string;
  /** Legend entries; default one per series. */
  legend?: LegendItem[];
}

const DASH = '5 3';

/** Draws (or redraws) the curves into `svg`, sized to its container's width. */
export function drawLossCurves(svg: SVGSVGElement, data: LossChartData): void {
  const width = Math.max(280, svg.parentElement?.clientWidth ?? 560);
  const fg = cssVar(svg, '--fg', '#222');
  const muted = cssVar(svg, '--muted', '#666');
  const colour = (v: string) => cssVar(svg, v, '#888');

  // Legend laid out in rows that wrap at the chart's width.
  const items = data.legend ?? data.series.map((s) => ({ label: s.label, colorVar: s.colorVar, dashed: s.dashed }));
  const itemW = (it: LegendItem) => 30 + it.label.length * 6.2;
  const placed: { it: LegendItem; x: number; y: number }[] = [];
  let lx = 8;
  let ly = 12;
  for (const it of items) {
    if (lx > 8 && lx + itemW(it) > width - 8) {
      lx = 8;
      ly += 16;
    }
    placed.push({ it, x: lx, y: ly });
    lx += itemW(it) + 10;
  }
  const m = { top: ly + 14, right: 12, bottom: 40, left: 50 };
  const height = m.top + 170 + m.bottom;

  const root = d3.select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  root.selectAll('*').remove();

  const legend = root.append('g').attr('class', 'legend');
  for (const { it, x, y } of placed) {
    const g = legend.append('g').attr('transform', `translate(${x},${y})`);
    g.append('line').attr('x2', 22).attr('stroke', colour(it.colorVar)).attr('stroke-width', 2).attr('stroke-dasharray', it.dashed ? DASH : null);
    g.append('text').attr('x', 27).attr('dy', '0.35em').attr('font-size', 11).attr('fill', fg).text(it.label);
  }

  const all = data.series.flatMap((s) => s.points);
  const lastEpoch = Math.max(data.epochs, d3.max(all, (p) => p.epoch) ?? 1);
  const x = d3
    .scaleLinear()
    .domain(lastEpoch > 1 ? [1, lastEpoch] : [0.5, 1.5])
    .range([m.left, width - m.right]);
  const y = d3
    .scaleLinear()
    .domain([0, d3.max(all, (p) => p.value) || 1])
    .nice()
    .range([height - m.bottom, m.top]);

  const axis = (g: d3.Selection<SVGGElement, unknown, null, undefined>) => {
    g.selectAll('text').attr('fill', muted);
    g.selectAll('line,path').attr('stroke', muted);
  };
  // Integer epochs from 1, evenly spaced, as many as fit.
  const step = Math.max(1, Math.ceil(lastEpoch / Math.max(2, Math.floor((width - m.left - m.right) / 36))));
  const ticks = d3.range(1, lastEpoch + 1, step);
  root.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).tickValues(ticks).tickFormat(d3.format('d'))).call(axis);
  root.append('g').attr('class', 'y-axis').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5)).call(axis);
  root.append('text').attr('x', width - m.right).attr('y', height - 6).attr('text-anchor', 'end').attr('fill', fg).attr('font-size', 12).text('epoch (1-based)');
  root.append('text').attr('transform', `translate(13,${m.top}) rotate(-90)`).attr('text-anchor', 'end').attr('fill', fg).attr('font-size', 12).text(data.yLabel);

  if (all.length === 0) {
    root.append('text').attr('x', (m.left + width) / 2).attr('y', (m.top + height - m.bottom) / 2).attr('text-anchor', 'middle').attr('fill', muted).text('No epoch yet');
    return;
  }

  const line = d3
    .line<LossPoint>()
    .x((p) => x(p.epoch))
    .y((p) => y(p.value));
  const series = root
    .append('g')
    .attr('class', 'series')
    .selectAll('g')
    .data(data.series)
    .join('g')
    .attr('data-series', (s) => s.key);
  series
    .append('path')
    .attr('d', (s) => line(s.points))
    .attr('fill', 'none')
    .attr('stroke', (s) => colour(s.colorVar))
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', (s) => (s.dashed ? DASH : null));
  series
    .selectAll('circle')
    .data((s) => s.points.map((p) => ({ s, p })))
    .join('circle')
    .attr('class', 'point')
    .attr('data-epoch', (d) => d.p.epoch)
    .attr('cx', (d) => x(d.p.epoch))
    .attr('cy', (d) => y(d.p.value))
    .attr('r', 3)
    .attr('fill', (d) => colour(d.s.colorVar))
    .append('title')
    .text((d) => `${d.s.label}, epoch ${d.p.epoch}: ${d.p.value.toFixed(4)}`);
}
