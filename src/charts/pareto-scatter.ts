// Accuracy-vs-latency scatter of a search (the plain results view): every archived
// network as a small dot, the Pareto front as larger dots joined by a step line. The y axis is
// VALIDATION accuracy (%) — what the search selects on; x is LUT latency (ms). d3 only; colours
// come from the theme's CSS variables.
import * as d3 from 'd3';

export interface ScatterPoint {
  id: number;
  latencyMs: number;
  /** Validation accuracy, %. */
  valAccuracy: number;
  onFront: boolean;
  label: string;
}

function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

export function drawParetoScatter(svg: SVGSVGElement, points: readonly ScatterPoint[]): void {
  const width = Math.max(320, svg.parentElement?.clientWidth ?? 560);
  const height = 300;
  const m = { top: 12, right: 16, bottom: 40, left: 52 };
  const fg = cssVar(svg, '--fg', '#222');
  const muted = cssVar(svg, '--muted', '#666');
  const accent = cssVar(svg, '--accent', '#2456c9');
  const fusion = cssVar(svg, '--chart-fusion', '#7a4fc9');

  const root = d3.select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  root.selectAll('*').remove();
  if (points.length === 0) {
    root.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('fill', muted).text('No networks yet');
    return;
  }
  const lat = d3.extent(points, (p) => p.latencyMs) as [number, number];
  const acc = d3.extent(points, (p) => p.valAccuracy) as [number, number];
  const pad = (lo: number, hi: number) => (hi - lo > 0 ? (hi - lo) * 0.08 : Math.max(0.5, Math.abs(hi) * 0.05));
  const x = d3.scaleLinear().domain([lat[0] - pad(...lat), lat[1] + pad(...lat)]).range([m.left, width - m.right]);
  const y = d3
    .scaleLinear()
    .domain([Math.max(0, acc[0] - pad(...acc)), Math.min(100, acc[1] + pad(...acc))])
    .range([height - m.bottom, m.top]);

  const axis = (g: d3.Selection<SVGGElement, unknown, null, undefined>) => {
    g.selectAll('text').attr('fill', muted);
    g.selectAll('line,path').attr('stroke', muted);
  };
  root.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(6)).call(axis);
  root.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5)).call(axis);
  root.append('text').attr('x', width - m.right).attr('y', height - 6).attr('text-anchor', 'end').attr('fill', fg).text('latency (ms, LUT)');
  root.append('text').attr('transform', `translate(14,${m.top}) rotate(-90)`).attr('text-anchor', 'end').attr('fill', fg).text('validation accuracy (%)');

  const front = points.filter((p) => p.onFront).sort((a, b) => a.latencyMs - b.latencyMs);
  if (front.length > 1) {
    const line = d3
      .line<ScatterPoint>()
      .x((p) => x(p.latencyMs))
      .y((p) => y(p.valAccuracy))
      .curve(d3.curveStepAfter);
    root.append('path').attr('d', line(front)).attr('fill', 'none').attr('stroke', accent).attr('stroke-width', 1.5).attr('opacity', 0.7);
  }
  root
    .append('g')
    .selectAll('circle')
    .data(points)
    .join('circle')
    .attr('cx', (p) => x(p.latencyMs))
    .attr('cy', (p) => y(p.valAccuracy))
    .attr('r', (p) => (p.onFront ? 5 : 3))
    .attr('fill', (p) => (p.onFront ? accent : fusion))
    .attr('fill-opacity', (p) => (p.onFront ? 0.95 : 0.45))
    .append('title')
    .text((p) => `${p.label}\n${p.valAccuracy.toFixed(2)} % val · ${p.latencyMs.toFixed(3)} ms`);
}
