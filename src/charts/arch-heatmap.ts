// Heat map of the inner tier's architecture weights (d3) at one search epoch: softmax(α) — which
// candidate feature each cell input slot reads — or softmax(γ) — which of the six fusion
// operators each node step uses. One row per slot (α) or node (γ), one column per candidate;
// fill from --panel (low) to --accent (high) over the given domain (of the weight, or of a shade
// derived from it such as weight ÷ the row's uniform share), with a colour legend, the
// exact weight in each cell's <title> and the row's largest weight (argmax) marked.
import * as d3 from 'd3';
import { cssVar } from './css-var';

export interface HeatRow {
  /** Row name, e.g. "cell 1, input 1" or "cell 2, node 3". */
  label: string;
  /** Rows of the same group (cell) are drawn together; a gap separates groups. */
  group: number;
  /** One weight per column, from the first; a shorter row leaves the rest empty. */
  values: number[];
  /** What the fill encodes, per column (default the weights themselves). */
  shades?: number[];
}

export interface HeatmapData {
  columns: string[];
  rows: HeatRow[];
  /** Shades mapped to the two ends of the colour scale. */
  domain: [number, number];
  /** What the colour encodes, for the legend, e.g. "weight" or "× uniform". */
  scaleLabel: string;
}

let gradientIds = 0;

/** Draws (or redraws) the heat map into `svg`, sized to its container's width. */
export function drawArchHeatmap(svg: SVGSVGElement, data: HeatmapData): void {
  const fg = cssVar(svg, '--fg', '#222');
  const muted = cssVar(svg, '--muted', '#666');
  const low = cssVar(svg, '--panel', '#f5f6f8');
  const high = cssVar(svg, '--accent', '#2456c9');
  const border = cssVar(svg, '--border', '#d5d9e0');
  const color = d3.interpolateRgb(low, high);
  const [lo, hi] = data.domain;
  const t = (v: number) => (hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 1);

  const width = Math.max(280, svg.parentElement?.clientWidth ?? 560);
  const longest = d3.max(data.columns, (c) => c.length) ?? 2;
  const rotate = longest > 3;
  const m = { top: rotate ? 14 + longest * 5 : 22, right: rotate ? 8 + longest * 4.5 : 8, left: 104, bottom: 58 };
  const cellW = Math.max(18, Math.min(48, (width - m.left - m.right) / Math.max(1, data.columns.length)));
  const cellH = 20;
  const groupGap = 6;
  const rowY: number[] = [];
  let y = m.top;
  data.rows.forEach((r, i) => {
    if (i > 0 && r.group !== data.rows[i - 1].group) y += groupGap;
    rowY.push(y);
    y += cellH;
  });
  const height = y + m.bottom;

  const root = d3.select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  root.selectAll('*').remove();
  if (data.rows.length === 0) {
    root.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('fill', muted).text('No epoch yet');
    return;
  }

  const colX = (j: number) => m.left + j * cellW;
  root
    .append('g')
    .attr('class', 'columns')
    .selectAll('text')
    .data(data.columns)
    .join('text')
    .attr('font-size', 11)
    .attr('fill', fg)
    .attr('transform', (_, j) => `translate(${colX(j) + cellW / 2},${m.top - 6})${rotate ? ' rotate(-45)' : ''}`)
    .attr('text-anchor', rotate ? 'start' : 'middle')
    .text((c) => c);

  const rows = root
    .append('g')
    .attr('class', 'rows')
    .selectAll('g')
    .data(data.rows)
    .join('g')
    .attr('class', 'row')
    .attr('data-row', (r) => r.label)
    .attr('transform', (_, i) => `translate(0,${rowY[i]})`);
  rows
    .append('text')
    .attr('x', m.left - 6)
    .attr('y', cellH / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .attr('font-size', 11)
    .attr('fill', fg)
    .text((r) => r.label);
  rows.each(function (r) {
    const best = d3.maxIndex(r.values);
    const g = d3.select(this);
    const cell = g
      .selectAll('rect')
      .data(r.values)
      .join('rect')
      .attr('class', 'cell')
      .attr('data-col', (_, j) => data.columns[j])
      .attr('data-weight', (v) => String(v))
      .attr('data-argmax', (_, j) => String(j === best))
      .attr('x', (_, j) => colX(j) + 1)
      .attr('y', 1)
      .attr('width', cellW - 2)
      .attr('height', cellH - 2)
      .attr('fill', (v, j) => color(t(r.shades?.[j] ?? v)))
      .attr('stroke', (_, j) => (j === best ? fg : border))
      .attr('stroke-width', (_, j) => (j === best ? 2 : 0.5));
    cell.append('title').text((v, j) => `${r.label} · ${data.columns[j]}: ${v.toFixed(6)}${j === best ? ' (largest in the row)' : ''}`);
    g.append('circle')
      .attr('class', 'argmax')
      .attr('cx', colX(best) + cellW / 2)
      .attr('cy', cellH / 2)
      .attr('r', 3)
      .attr('fill', t(r.shades?.[best] ?? r.values[best]) > 0.5 ? cssVar(svg, '--accent-fg', '#fff') : fg)
      .attr('pointer-events', 'none');
  });

  // Legend: the colour scale with its two ends, and the argmax mark.
  const id = `heat-grad-${++gradientIds}`;
  const grad = root.append('defs').append('linearGradient').attr('id', id);
  grad.append('stop').attr('offset', '0%').attr('stop-color', color(0));
  grad.append('stop').attr('offset', '100%').attr('stop-color', color(1));
  const legend = root.append('g').attr('class', 'legend').attr('transform', `translate(${m.left},${height - m.bottom + 14})`);
  const barW = Math.min(160, width - m.left - m.right - 10);
  legend.append('rect').attr('width', barW).attr('height', 10).attr('fill', `url(#${id})`).attr('stroke', border);
  legend.append('text').attr('y', 24).attr('font-size', 11).attr('fill', muted).text(lo.toFixed(lo >= 1 ? 2 : 3));
  legend.append('text').attr('x', barW).attr('y', 24).attr('text-anchor', 'end').attr('font-size', 11).attr('fill', muted).text(hi.toFixed(hi >= 1 ? 2 : 3));
  legend.append('text').attr('x', -6).attr('y', 9).attr('text-anchor', 'end').attr('font-size', 11).attr('fill', muted).text(data.scaleLabel);
  legend.append('circle').attr('cx', -m.left + 8).attr('cy', 38).attr('r', 3).attr('fill', fg);
  legend.append('text').attr('x', -m.left + 16).attr('y', 42).attr('font-size', 11).attr('fill', muted).text('largest weight of the row (argmax)');
}
