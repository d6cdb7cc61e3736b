// The prediction check's scatter (this browser as a device): each random subnet's latency as the
// table's per-layer sum predicts it (x) against its measured end-to-end latency (y), with the
// identity line (a perfect table puts every point on it); image and audio subnets in their
// modality colours. d3 only; colours from CSS variables.
import * as d3 from 'd3';
import { cssVar } from './css-var';

export interface ScatterPoint {
  modality: 'image' | 'audio';
  genome: string;
  predictedMs: number;
  measuredMs: number;
}

export function drawPredictionScatter(svg: SVGSVGElement, points: readonly ScatterPoint[]): void {
  const width = Math.max(260, Math.min(520, svg.parentElement?.clientWidth ?? 420));
  const height = 280;
  const m = { top: 12, right: 14, bottom: 40, left: 52 };
  const fg = cssVar(svg, '--fg', '#222');
  const muted = cssVar(svg, '--muted', '#666');
  const colour = { image: cssVar(svg, '--chart-image', '#2f6fdb'), audio: cssVar(svg, '--chart-audio', '#d9822b') };
  const root = d3.select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  root.selectAll('*').remove();
  if (points.length === 0) return;
  const hi = 1.08 * (d3.max(points, (p) => Math.max(p.predictedMs, p.measuredMs)) ?? 1);
  const lo = 0.92 * (d3.min(points, (p) => Math.min(p.predictedMs, p.measuredMs)) ?? 0);
  const x = d3.scaleLinear().domain([lo, hi]).range([m.left, width - m.right]);
  const y = d3.scaleLinear().domain([lo, hi]).range([height - m.bottom, m.top]);
  const xAxis = root.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 80))));
  const yAxis = root.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5));
  for (const g of [xAxis, yAxis]) {
    g.selectAll('text').attr('fill', muted);
    g.selectAll('line,path').attr('stroke', muted);
  }
  root.append('line').attr('data-testid', 'identity-line').attr('x1', x(lo)).attr('y1', y(lo)).attr('x2', x(hi)).attr('y2', y(hi)).attr('stroke', muted).attr('stroke-dasharray', '4 3');
  root.append('text').attr('x', width - m.right).attr('y', height - 6).attr('text-anchor', 'end').attr('fill', fg).attr('font-size', 12).text('predicted: table sum (ms)');
  root.append('text').attr('transform', `translate(13,${m.top}) rotate(-90)`).attr('text-anchor', 'end').attr('fill', fg).attr('font-size', 12).text('measured end to end (ms)');
  root
    .append('g')
    .selectAll('circle')
    .data(points)
    .join('circle')
    .attr('data-testid', 'prediction-point')
    .attr('cx', (p) => x(p.predictedMs))
    .attr('cy', (p) => y(p.measuredMs))
    .attr('r', 4.5)
    .attr('fill', (p) => colour[p.modality])
    .attr('fill-opacity', 0.8)
    .append('title')
    .text((p) => `${p.modality} ${p.genome}: predicted ${p.predictedMs.toFixed(3)} ms, measured ${p.measuredMs.toFixed(3)} ms`);
}
