// Two runs' Pareto fronts on one chart (the run history's comparison): LUT latency (ms) against
// the accuracy each run chose on (validation, or test in paper-faithful mode), each front as
// points joined by its attained-boundary step line, one colour per run. d3 only; colours from
// CSS variables.
import * as d3 from 'd3';
import { cssVar } from './css-var';

export interface CompareFront {
  label: string;
  /** CSS variable of the run's colour. */
  colourVar: string;
  points: readonly { latencyMs: number; accuracy: number }[];
}

export function drawFrontCompare(svg: SVGSVGElement, fronts: readonly CompareFront[]): void {
  const width = Math.max(280, svg.parentElement?.clientWidth ?? 480);
  const height = 260;
  const m = { top: 12, right: 16, bottom: 40, left: 52 };
  const fg = cssVar(svg, '--fg', '#222');
  const muted = cssVar(svg, '--muted', '#666');
  const root = d3.select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  root.selectAll('*').remove();
  const all = fronts.flatMap((f) => f.points);
  if (all.length === 0) {
    root.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('fill', muted).text('Choose two runs to compare');
    return;
  }
  const [x0, x1] = d3.extent(all, (p) => p.latencyMs) as [number, number];
  const [y0, y1] = d3.extent(all, (p) => p.accuracy) as [number, number];
  const px = Math.max(0.05, (x1 - x0) * 0.08);
  const py = Math.max(0.5, (y1 - y0) * 0.08);
  const x = d3.scaleLinear().domain([Math.max(0, x0 - px), x1 + px]).range([m.left, width - m.right]);
  const y = d3.scaleLinear().domain([Math.max(0, y0 - py), Math.min(100, y1 + py)]).range([height - m.bottom, m.top]);
  const xAxis = root.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))));
  const yAxis = root.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5));
  for (const g of [xAxis, yAxis]) {
    g.selectAll('text').attr('fill', muted);
    g.selectAll('line,path').attr('stroke', muted);
  }
  root.append('text').attr('x', width - m.right).attr('y', height - 6).attr('text-anchor', 'end').attr('fill', fg).attr('font-size', 12).text('latency (ms, LUT)');
  root.append('text').attr('transform', `translate(13,${m.top}) rotate(-90)`).attr('text-anchor', 'end').attr('fill', fg).attr('font-size', 12).text('accuracy chosen on (%)');
  fronts.forEach((f, i) => {
    const colour = cssVar(svg, f.colourVar, fg);
    const sorted = [...f.points].sort((a, b) => a.latencyMs - b.latencyMs);
    const g = root.append('g').attr('data-testid', 'compare-front').attr('data-run', String(i)).attr('data-points', String(sorted.length));
    if (sorted.length > 1) {
      const line = d3.line<{ latencyMs: number; accuracy: number }>().x((p) => x(p.latencyMs)).y((p) => y(p.accuracy)).curve(d3.curveStepAfter);
      g.append('path').attr('d', line(sorted)).attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 1.5).attr('stroke-dasharray', i === 1 ? '5 3' : null);
    }
    g.selectAll('circle').data(sorted).join('circle').attr('cx', (p) => x(p.latencyMs)).attr('cy', (p) => y(p.accuracy)).attr('r', 5).attr('fill', colour);
  });
}
