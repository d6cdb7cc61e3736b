// Hypervolume per generation: how much of the objective space (error %, latency ms, energy mJ,
// up to the run's reference point) the archive's front dominates after each generation, for the
// evolutionary search and for the random-search baseline at the same number of evaluations.
// Values are normalised to the reference box (0..1). d3 only; colours from CSS variables.
import * as d3 from 'd3';
import { cssVar } from './css-var';

export interface HypervolumeSeries {
  label: string;
  /** Normalised hypervolume after each generation (index 0 = generation 1). */
  values: readonly number[];
  /** Cumulative fusion searches after each generation. */
  evaluations: readonly number[];
  /** CSS variable of the line colour. */
  colourVar: string;
  dashed?: boolean;
}

export function drawHypervolumeChart(svg: SVGSVGElement, series: readonly HypervolumeSeries[]): void {
  const width = Math.max(280, svg.parentElement?.clientWidth ?? 480);
  const height = 220;
  const m = { top: 12, right: 16, bottom: 40, left: 52 };
  const fg = cssVar(svg, '--fg', '#222');
  const muted = cssVar(svg, '--muted', '#666');
  const root = d3.select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  root.selectAll('*').remove();
  const all = series.flatMap((s) => s.values);
  if (all.length === 0) {
    root.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('fill', muted).text('No generation completed yet');
    return;
  }
  const generations = Math.max(...series.map((s) => s.values.length));
  const x = d3.scaleLinear().domain([1, Math.max(2, generations)]).range([m.left, width - m.right]);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = Math.max(0.005, (hi - lo) * 0.15);
  const y = d3.scaleLinear().domain([Math.max(0, lo - pad), Math.min(1, hi + pad)]).nice().range([height - m.bottom, m.top]);
  const xAxis = root.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(Math.min(generations, 8)).tickFormat(d3.format('d')));
  const yAxis = root.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('.3f')));
  for (const g of [xAxis, yAxis]) g.selectAll('text').attr('fill', muted);
  for (const g of [xAxis, yAxis]) g.selectAll('line,path').attr('stroke', muted);
  root.append('text').attr('x', (m.left + width - m.right) / 2).attr('y', height - 6).attr('text-anchor', 'middle').attr('fill', fg).attr('font-size', 12).text('generation');
  root
    .append('text')
    .attr('transform', `translate(14,${(m.top + height - m.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('fill', fg)
    .attr('font-size', 12)
    .text('hypervolume (normalised)');
  for (const s of series) {
    if (s.values.length === 0) continue;
    const colour = cssVar(svg, s.colourVar, fg);
    const pts = s.values.map((v, i) => [x(i + 1), y(v)] as [number, number]);
    const g = root.append('g').attr('data-series', s.label);
    g.append('path')
      .attr('d', d3.line()(pts))
      .attr('fill', 'none')
      .attr('stroke', colour)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', s.dashed ? '5 4' : null);
    g.selectAll('circle')
      .data(s.values)
      .join('circle')
      .attr('cx', (_, i) => x(i + 1))
      .attr('cy', (v) => y(v))
      .attr('r', 3.5)
      .attr('fill', colour)
      .append('title')
      .text((v, i) => `${s.label}, generation ${i + 1}: ${v.toFixed(4)} after ${s.evaluations[i]} fusion searches`);
  }
}
