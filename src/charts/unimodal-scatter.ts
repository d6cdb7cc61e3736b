// Scatter of the outer tier's unimodal step (Harmonic-NAS stage 1): every backbone of one
// modality scored alone, VALIDATION accuracy (%, after BN recalibration on the training split —
// what the search selects on) on y against LUT latency (ms) on x. The generation's survivors
// (the backbones kept and paired for the fusion search) are drawn bigger with a ring. d3 only;
// colours come from the theme's CSS variables; no transitions (nothing moves, so reduced motion
// needs no special case). Points are focusable (tabindex 0) and report focus / Enter / Space.
import * as d3 from 'd3';
import type { Modality } from '../core/types';
import { cssVar } from './css-var';

export interface BackbonePoint {
  /** Canonical genome key, e.g. k5733e3333d2. */
  genome: string;
  /** 0-based engine generation that scored it; −1 when it came from a resumed checkpoint. */
  generation: number;
  /** Validation accuracy after BN recalibration, %. */
  valAccuracy: number;
  /** Test accuracy, %: for information only, never used to choose. */
  testAccuracy: number;
  latencyMs: number;
  energyMj: number;
  survivor: boolean;
}

export interface UnimodalScatterOptions {
  modality: Modality;
  /** Called when a point gets focus or the pointer (null when it leaves). */
  onFocus?: (p: BackbonePoint | null) => void;
  /** Called on click, Enter or Space on a point. */
  onPick?: (p: BackbonePoint) => void;
}

const MODALITY_VARIABLE: Record<Modality, [string, string]> = {
  image: ['--chart-image', '#2f6fdb'],
  audio: ['--chart-audio', '#d9822b'],
};

/** The tooltip text of a point: genome, generation (1-based), figures with units. */
export function backboneLabel(p: BackbonePoint): string {
  const gen = p.generation >= 0 ? `generation ${p.generation + 1}` : 'from the resumed checkpoint';
  return (
    `${p.genome} (${gen})${p.survivor ? ' · survivor' : ''}\n` +
    `val ${p.valAccuracy.toFixed(2)} % · ${p.latencyMs.toFixed(3)} ms · ${p.energyMj.toFixed(3)} mJ\n` +
    `test ${p.testAccuracy.toFixed(2)} % (for information, never used to choose)`
  );
}

/** Draws (or redraws) the scatter into `svg`, sized to its container's width. */
export function drawUnimodalScatter(svg: SVGSVGElement, points: readonly BackbonePoint[], o: UnimodalScatterOptions): void {
  const width = Math.max(260, svg.parentElement?.clientWidth ?? 420);
  const height = 240;
  const m = { top: 12, right: 14, bottom: 40, left: 48 };
  const fg = cssVar(svg, '--fg', '#222');
  const muted = cssVar(svg, '--muted', '#666');
  const colour = cssVar(svg, ...MODALITY_VARIABLE[o.modality]);

  const root = d3.select(svg).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  root.selectAll('*').remove();
  if (points.length === 0) {
    root.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('fill', muted).text(`No ${o.modality} backbone scored yet`);
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
  const xTicks = width < 360 ? 4 : 6;
  root.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(xTicks)).call(axis);
  root.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5)).call(axis);
  root.append('text').attr('x', width - m.right).attr('y', height - 6).attr('text-anchor', 'end').attr('fill', fg).attr('font-size', 12).text('latency (ms, LUT)');
  root
    .append('text')
    .attr('transform', `translate(12,${m.top}) rotate(-90)`)
    .attr('text-anchor', 'end')
    .attr('fill', fg)
    .attr('font-size', 12)
    .text('val. accuracy (%, BN recal.)');

  // Survivors last, so they sit on top of the others.
  const ordered = [...points].sort((a, b) => Number(a.survivor) - Number(b.survivor));
  root
    .append('g')
    .selectAll('circle')
    .data(ordered)
    .join('circle')
    .attr('data-testid', 'backbone-point')
    .attr('data-genome', (p) => p.genome)
    .attr('data-val-accuracy', (p) => String(p.valAccuracy))
    .attr('data-latency-ms', (p) => String(p.latencyMs))
    .attr('data-generation', (p) => String(p.generation))
    .attr('data-survivor', (p) => String(p.survivor))
    .attr('cx', (p) => x(p.latencyMs))
    .attr('cy', (p) => y(p.valAccuracy))
    .attr('r', (p) => (p.survivor ? 6 : 4))
    .attr('fill', colour)
    .attr('fill-opacity', (p) => (p.survivor ? 0.95 : 0.45))
    .attr('stroke', (p) => (p.survivor ? fg : 'none'))
    .attr('stroke-width', 1.5)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-label', (p) => backboneLabel(p).replace(/\n/g, '; '))
    .style('cursor', 'pointer')
    .on('focus mouseenter', (_e, p) => o.onFocus?.(p))
    .on('blur mouseleave', () => o.onFocus?.(null))
    .on('click', (_e, p) => o.onPick?.(p))
    .on('keydown', (e: KeyboardEvent, p) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        o.onPick?.(p);
      }
    })
    .append('title')
    .text((p) => backboneLabel(p));
}

/**
 * Rings the pinned point (theme --focus colour) without redrawing, so keyboard focus stays on
 * the point that was picked; null restores every point's own stroke.
 */
export function markPinnedBackbone(svg: SVGSVGElement, genome: string | null): void {
  const fg = cssVar(svg, '--fg', '#222');
  const focus = cssVar(svg, '--focus', '#f0b400');
  d3.select(svg)
    .selectAll<SVGCircleElement, BackbonePoint>('circle[data-testid="backbone-point"]')
    .attr('data-pinned', (p) => String(p.genome === genome))
    .attr('stroke', (p) => (p.genome === genome ? focus : p.survivor ? fg : 'none'))
    .attr('stroke-width', (p) => (p.genome === genome ? 3 : 1.5));
}
