// The live Pareto chart of the outer tier (d3): every archived network on two chosen axes, the
// run's front (non-dominated on validation accuracy + the run's cost objectives) as larger
// accent dots joined by a step line when one axis is an accuracy and the other a cost, the rest
// small and muted; optional marked points for the paper's models. Points are keyboard
// reachable buttons (Enter/Space select); colours come from the theme's CSS variables.
import * as d3 from 'd3';
import { cssVar } from './css-var';

export interface ChartPoint {
  id: number;
  x: number;
  y: number;
  onFront: boolean;
  /** Data attributes copied onto the <circle> (the table rows' contract). */
  attrs: Record<string, string>;
  /** Screen-reader text: the genomes and figures. */
  label: string;
  /** A short note drawn beside the point (e.g. its NSGA-II rank and crowding in a lesson). */
  note?: string;
}

export interface ChartPaperPoint {
  id: string;
  /** Short text drawn beside the marker, e.g. "paper: fastest". */
  text: string;
  x: number;
  y: number;
  /** Tooltip (<title>) with the figures. */
  title: string;
}

export interface ParetoChartData {
  points: readonly ChartPoint[];
  paper: readonly ChartPaperPoint[];
  xTitle: string;
  yTitle: string;
  /** Which axes are accuracies (clamped at 100 %). */
  xAccuracy: boolean;
  yAccuracy: boolean;
}

export interface ParetoChartHandlers {
  select(id: number): void;
  /** A point gained hover or focus (its centre in svg pixels), or lost it (null). */
  hover(id: number | null, at?: { x: number; y: number }): void;
}

export const CHART_HEIGHT = 300;
const M = { top: 14, right: 14, bottom: 40, left: 50 };

function domain(values: number[], accuracy: boolean): [number, number] {
  const [lo, hi] = d3.extent(values) as [number, number];
  const pad = hi - lo > 0 ? (hi - lo) * 0.08 : Math.max(0.5, Math.abs(hi) * 0.05);
  return accuracy ? [Math.max(0, lo - pad), Math.min(100, hi + pad)] : [Math.max(0, lo - pad), hi + pad];
}

/** Draws (or redraws) the chart into `svg`, `width` px wide; keeps keyboard focus on the same point. */
export function drawParetoChart(svg: SVGSVGElement, data: ParetoChartData, width: number, on: ParetoChartHandlers): void {
  const height = CHART_HEIGHT;
  const focusedId = (document.activeElement as Element | null)?.closest?.('[data-testid="pareto-point"]')?.getAttribute('data-id');
  const fg = cssVar(svg, '--fg', '#222');
  const muted = cssVar(svg, '--muted', '#666');
  const accent = cssVar(svg, '--accent', '#2456c9');
  const warn = cssVar(svg, '--warn', '#9a5b00');

  const root = d3.select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  root.selectAll('*').remove();
  if (data.points.length === 0) {
    root.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('fill', muted).text('No networks yet');
    return;
  }
  const xs = [...data.points.map((p) => p.x), ...data.paper.map((p) => p.x)];
  const ys = [...data.points.map((p) => p.y), ...data.paper.map((p) => p.y)];
  const x = d3.scaleLinear().domain(domain(xs, data.xAccuracy)).range([M.left, width - M.right]);
  const y = d3.scaleLinear().domain(domain(ys, data.yAccuracy)).range([height - M.bottom, M.top]);

  const axis = (g: d3.Selection<SVGGElement, unknown, null, undefined>) => {
    g.selectAll('text').attr('fill', muted);
    g.selectAll('line,path').attr('stroke', muted);
  };
  root.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - M.bottom})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90)))).call(axis);
  root.append('g').attr('class', 'y-axis').attr('transform', `translate(${M.left},0)`).call(d3.axisLeft(y).ticks(5)).call(axis);
  root.append('text').attr('x', width - M.right).attr('y', height - 6).attr('text-anchor', 'end').attr('fill', fg).attr('font-size', 12).text(data.xTitle);
  root.append('text').attr('transform', `translate(13,${M.top}) rotate(-90)`).attr('text-anchor', 'end').attr('fill', fg).attr('font-size', 12).text(data.yTitle);

  // The step line: only for an accuracy against a cost. Sorted by the cost, the cost changes first
  // (step-after when the cost is x, step-before when it is y), tracing the attained boundary.
  const front = data.points.filter((p) => p.onFront);
  if (front.length > 1 && data.xAccuracy !== data.yAccuracy) {
    const costIsX = !data.xAccuracy;
    const sorted = [...front].sort((a, b) => (costIsX ? a.x - b.x : a.y - b.y));
    const line = d3
      .line<ChartPoint>()
      .x((p) => x(p.x))
      .y((p) => y(p.y))
      .curve(costIsX ? d3.curveStepAfter : d3.curveStepBefore);
    root.append('path').attr('class', 'front-line').attr('d', line(sorted)).attr('fill', 'none').attr('stroke', accent).attr('stroke-width', 1.5).attr('opacity', 0.7);
  }

  // Dominated first, so front dots sit on top.
  const ordered = [...data.points].sort((a, b) => Number(a.onFront) - Number(b.onFront) || a.id - b.id);
  const circles = root
    .append('g')
    .attr('class', 'points')
    .selectAll<SVGCircleElement, ChartPoint>('circle')
    .data(ordered, (p) => p.id)
    .join('circle')
    .attr('data-testid', 'pareto-point')
    .attr('data-on-front', (p) => String(p.onFront))
    .attr('cx', (p) => x(p.x))
    .attr('cy', (p) => y(p.y))
    .attr('r', (p) => (p.onFront ? 6 : 3.5))
    .attr('fill', (p) => (p.onFront ? accent : muted))
    .attr('fill-opacity', (p) => (p.onFront ? 0.95 : 0.5))
    .attr('stroke', 'none')
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-pressed', 'false')
    .attr('aria-label', (p) => p.label)
    .style('cursor', 'pointer');
  circles.each(function (p) {
    for (const [k, v] of Object.entries(p.attrs)) this.setAttribute(k, v);
  });
  const at = (p: ChartPoint) => ({ x: x(p.x), y: y(p.y) });
  circles
    .on('click', (_e, p) => on.select(p.id))
    .on('keydown', (e: KeyboardEvent, p) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        on.select(p.id);
      }
    })
    .on('mouseenter focus', (_e, p) => on.hover(p.id, at(p)))
    .on('mouseleave blur', () => on.hover(null));

  const notes = data.points.filter((p) => p.note);
  if (notes.length > 0) {
    root
      .append('g')
      .attr('class', 'notes')
      .attr('aria-hidden', 'true')
      .selectAll('text')
      .data(notes, (p) => (p as ChartPoint).id)
      .join('text')
      .attr('data-testid', 'pareto-note')
      .attr('x', (p) => x(p.x) + 7)
      .attr('y', (p) => y(p.y) - 6)
      .attr('font-size', 10)
      .attr('fill', fg)
      .text((p) => p.note!);
  }

  // The paper's models: diamonds in the warning colour, each with its label; labels pushed apart
  // vertically so close models stay readable on a narrow screen.
  const paper = root.append('g').attr('class', 'paper');
  const labelYs: number[] = [];
  for (const p of [...data.paper].sort((a, b) => y(a.y) - y(b.y))) {
    const px = x(p.x);
    const py = y(p.y);
    const g = paper.append('g').attr('data-testid', 'paper-point').attr('data-paper-id', p.id).attr('data-x', String(p.x)).attr('data-y', String(p.y));
    g.append('title').text(p.title);
    g.append('path').attr('d', d3.symbol(d3.symbolDiamond, 90)()).attr('transform', `translate(${px},${py})`).attr('fill', 'none').attr('stroke', warn).attr('stroke-width', 2);
    let ly = py + 4;
    while (labelYs.some((u) => Math.abs(u - ly) < 12)) ly += 12;
    labelYs.push(ly);
    const left = px > width - 110;
    g.append('text').attr('x', left ? px - 9 : px + 9).attr('y', ly).attr('text-anchor', left ? 'end' : 'start').attr('fill', warn).attr('font-size', 11).text(p.text);
  }

  if (focusedId != null) svg.querySelector<SVGCircleElement>(`[data-testid="pareto-point"][data-id="${focusedId}"]`)?.focus();
}

/** Rings the selected network's point (and no other); null clears. Cheap: no redraw. */
export function markSelected(svg: SVGSVGElement, id: number | null): void {
  const fg = cssVar(svg, '--fg', '#222');
  for (const c of svg.querySelectorAll<SVGCircleElement>('[data-testid="pareto-point"]')) {
    const on = id !== null && c.getAttribute('data-id') === String(id);
    c.setAttribute('data-selected', String(on));
    c.setAttribute('aria-pressed', String(on));
    c.setAttribute('stroke', on ? fg : 'none');
    c.setAttribute('stroke-width', on ? '2.5' : '0');
    if (on && c.nextSibling) {
      // On top of its neighbours; moving a node blurs it, so give the focus back.
      const hadFocus = document.activeElement === c;
      c.parentNode?.appendChild(c);
      if (hadFocus) c.focus();
    }
  }
}
