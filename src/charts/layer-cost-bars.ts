// Per-layer cost bars (d3): where a multimodal network's latency (ms) or energy (mJ) goes,
// one bar per LUT entry, coloured by part (image backbone, audio backbone, fusion).
import * as d3 from 'd3';
import { cssVar } from './css-var';

export type CostPart = 'image' | 'audio' | 'fusion';

export interface LayerBar {
  part: CostPart;
  label: string;
  /** Full LUT key, shown as a tooltip. */
  key: string;
  latencyMs: number;
  energyMj: number;
}

export type CostMetric = 'latencyMs' | 'energyMj';

const PART_VARIABLE: Record<CostPart, string> = {
  image: '--chart-image',
  audio: '--chart-audio',
  fusion: '--chart-fusion',
};

/** Draws (or redraws) the bars into `svg`, sized to its container's width. */
export function drawLayerCostBars(svg: SVGSVGElement, bars: readonly LayerBar[], metric: CostMetric): void {
  const rowHeight = 18;
  const margin = { top: 8, right: 64, bottom: 28, left: 250 };
  const width = Math.max(360, svg.parentElement?.clientWidth ?? 640);
  const height = margin.top + margin.bottom + rowHeight * bars.length;
  const fg = cssVar(svg, '--fg', '#222');
  const muted = cssVar(svg, '--muted', '#666');
  const unit = metric === 'latencyMs' ? 'ms' : 'mJ';

  const root = d3.select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  root.selectAll('*').remove();

  const x = d3
    .scaleLinear()
    .domain([0, d3.max(bars, (b) => b[metric]) || 1])
    .nice()
    .range([margin.left, width - margin.right]);
  const y = d3
    .scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([margin.top, height - margin.bottom])
    .padding(0.18);

  root
    .append('g')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(6))
    .call((g) => g.selectAll('text').attr('fill', muted))
    .call((g) => g.selectAll('line,path').attr('stroke', muted))
    .append('text')
    .attr('x', width - margin.right)
    .attr('y', 24)
    .attr('text-anchor', 'end')
    .attr('fill', muted)
    .text(metric === 'latencyMs' ? 'latency (ms)' : 'energy (mJ)');

  const row = root
    .append('g')
    .selectAll('g')
    .data(bars)
    .join('g')
    .attr('transform', (_, i) => `translate(0,${y(i)})`);

  row
    .append('rect')
    .attr('x', margin.left)
    .attr('width', (b) => Math.max(0, x(b[metric]) - margin.left))
    .attr('height', y.bandwidth())
    .attr('fill', (b) => cssVar(svg, PART_VARIABLE[b.part], '#888'))
    .append('title')
    .text((b) => `${b.key}\n${b.latencyMs.toFixed(3)} ms, ${b.energyMj.toFixed(3)} mJ`);

  row
    .append('text')
    .attr('x', margin.left - 6)
    .attr('y', y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .attr('font-size', 11)
    .attr('fill', fg)
    .text((b) => b.label);

  row
    .append('text')
    .attr('x', (b) => x(b[metric]) + 4)
    .attr('y', y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .attr('font-size', 11)
    .attr('fill', muted)
    .text((b) => `${b[metric].toFixed(3)} ${unit}`);
}
