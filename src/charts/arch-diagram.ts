// Architecture diagram of one searched network (d3): the image and audio backbones side by side,
// block by block (elastic blocks past the depth d greyed as inactive), the fusable features
// they expose (I0–I3, A0–A3), the fusion cells below with edges from the features (or earlier
// cells) they read and each step's operator, and the fusion head. Every priced part carries its
// LUT latency (ms) and energy (mJ). Colours come from the theme's CSS variables.
//
// Layout: feature edges leave each block sideways into the channel between the two columns,
// run down their own lane (one per feature) and turn into the cell that reads them; cells sit
// under the columns (half under image, half under audio), so the lanes pass between them.
import * as d3 from 'd3';
import type { ArchView, BackboneView } from '../core/search/arch-view';
import type { Cost } from '../core/types';
import { cssVar } from './css-var';

const ms = (c: Cost) => `${c.latencyMs.toFixed(3)} ms · ${c.energyMj.toFixed(3)} mJ`;
/** Widest drawing (px): wider boxes would only spread the same text. */
export const ARCH_MAX_WIDTH = 760;
const PAD = 4;
const GAP = 56; // channel between the columns: 4 lanes per modality
const LANE = 6;
const ROW = 34;
const BOX = 30;
const STEP = 26;
const ROW_GAP = 40; // between two rows of cells

type G = d3.Selection<SVGGElement, unknown, null, undefined>;
type Point = { x: number; y: number };

/** Draws (or redraws) the diagram into `svg`, `width` px wide (300 to ARCH_MAX_WIDTH). */
export function drawArchDiagram(svg: SVGSVGElement, v: ArchView, width: number): void {
  const W = Math.min(ARCH_MAX_WIDTH, Math.max(300, width));
  const fg = cssVar(svg, '--fg', '#222');
  const muted = cssVar(svg, '--muted', '#666');
  const panel = cssVar(svg, '--panel', '#f5f5f5');
  const colour = { image: cssVar(svg, '--chart-image', '#2f6fdb'), audio: cssVar(svg, '--chart-audio', '#d9822b'), fusion: cssVar(svg, '--chart-fusion', '#7a4fc9'), head: cssVar(svg, '--chart-head', '#6b7280') };
  const colW = (W - 2 * PAD - GAP) / 2;
  const mid = W / 2;
  const root = d3.select(svg);
  root.selectAll('*').remove();
  const edges = root.append('g').attr('class', 'edges').attr('fill', 'none').attr('stroke-width', 1.4);
  const nodes = root.append('g').attr('class', 'nodes');
  const text = (g: G, x: number, y: number, s: string, size: number, fill: string, anchor = 'start') =>
    g.append('text').attr('x', x).attr('y', y).attr('font-size', size).attr('fill', fill).attr('text-anchor', anchor).text(s);

  /** Backbone features: where they leave the block and the lane they run down. */
  const features = new Map<string, { from: Point; lane: number; colour: string }>();
  const column = (b: BackboneView, x0: number) => {
    const c = colour[b.modality];
    const image = b.modality === 'image';
    const edge = image ? x0 + colW : x0; // the side facing the channel
    const head = nodes.append('g').attr('data-testid', 'arch-backbone').attr('data-modality', b.modality);
    text(head, x0, 13, `${b.modality} ${b.genome}`, 12, fg).attr('font-weight', 600);
    text(head, x0, 27, ms(b.cost), 10.5, muted);
    b.parts.forEach((p, i) => {
      const y = 36 + i * ROW;
      const g = nodes.append('g').attr('data-testid', 'arch-part').attr('data-kind', p.kind).attr('data-part', p.id)
        .attr('data-modality', b.modality).attr('data-label', p.label).attr('data-active', String(p.active)).attr('opacity', p.active ? 1 : 0.45);
      if (p.block) g.attr('data-block', p.block).attr('data-k', p.kernel!).attr('data-e', p.expand!);
      if (p.cost) g.attr('data-latency-ms', String(p.cost.latencyMs)).attr('data-energy-mj', String(p.cost.energyMj));
      g.append('title').text(`${b.modality} ${p.label}: ${p.detail}${p.cost ? `\n${ms(p.cost)}` : ''}`);
      g.append('rect').attr('x', x0).attr('y', y).attr('width', colW).attr('height', BOX).attr('rx', 4)
        .attr('fill', p.active ? panel : 'none').attr('stroke', p.active ? c : muted).attr('stroke-dasharray', p.active ? null : '4 3');
      const tx = x0 + (image ? 6 : 24); // audio: room for the feature labels on the left
      text(g, tx, y + 12, p.label, 11, p.active ? fg : muted);
      text(g, tx, y + 25, p.cost ? ms(p.cost) : `past d = ${b.depth}`, 10, muted);
      // Feature labels inside the block, on the channel side; the dot on its border.
      p.feature.forEach((f, k) => {
        const fy = y + 10 + k * 12;
        const n = Number(f.slice(1));
        features.set(f, { from: { x: edge, y: fy }, lane: image ? mid - GAP / 2 + 5 + n * LANE : mid + GAP / 2 - 5 - n * LANE, colour: c });
        nodes.append('circle').attr('cx', edge).attr('cy', fy).attr('r', 2.8).attr('fill', c);
        text(nodes, image ? edge - 5 : edge + 5, fy + 3.5, f, 10, c, image ? 'end' : 'start').attr('data-testid', 'arch-feature').attr('font-weight', 600);
      });
    });
  };
  column(v.image, PAD);
  column(v.audio, PAD + colW + GAP);

  // Fusion cells: one per column on a narrow screen, two per column when there is room.
  const top = 36 + v.image.parts.length * ROW + 28;
  // A halo in the page colour keeps the title readable where the lanes cross it.
  text(nodes, PAD, top - 10, `fusion ${v.shape.cells} × ${v.shape.nodes} · ${ms(v.fusionCost)}`, 12, fg)
    .attr('font-weight', 600).attr('stroke', cssVar(svg, '--bg', '#fff')).attr('stroke-width', 4).attr('paint-order', 'stroke');
  const perSide = W >= 600 && v.cells.length > 2 ? 2 : 1;
  const perRow = 2 * perSide;
  const cellW = perSide === 1 ? colW : (colW - 10) / 2;
  const cellH = 34 + v.shape.nodes * STEP;
  const place = (i: number) => {
    const k = i % perRow;
    const x = k < perSide ? PAD + k * (cellW + 10) : PAD + colW + GAP + (k - perSide) * (cellW + 10);
    return { x, y: top + 8 + Math.floor(i / perRow) * (cellH + ROW_GAP), row: Math.floor(i / perRow), col: k };
  };
  const boxes = new Map<string, ReturnType<typeof place>>();
  const edge = (from: string, to: string, d: string, stroke: string) =>
    edges.append('path').attr('data-testid', 'arch-edge').attr('data-from', from).attr('data-to', to).attr('d', d).attr('stroke', stroke);

  v.cells.forEach((cell, i) => {
    const at = place(i);
    const { x, y } = at;
    boxes.set(cell.name, at);
    const g = nodes.append('g').attr('data-testid', 'fusion-cell').attr('data-cell', cell.name).attr('data-inputs', cell.inputs.join(',')).attr('data-reached', String(cell.reached));
    g.append('rect').attr('x', x).attr('y', y).attr('width', cellW).attr('height', cellH).attr('rx', 6).attr('fill', panel).attr('stroke', colour.fusion).attr('stroke-dasharray', cell.reached ? null : '4 3');
    text(g, x + 6, y + 13, `${cell.name}: ${cell.inputs.join(' + ')}`, 11.5, fg).attr('font-weight', 600);
    text(g, x + 6, y + 26, cell.reached ? 'fuses its two inputs' : 'not read · still priced', 10, muted);
    cell.steps.forEach((s, k) => {
      const sy = y + 34 + k * STEP;
      const sg = g.append('g').attr('data-testid', 'arch-part').attr('data-kind', 'fusion-step').attr('data-part', s.id).attr('data-op', s.op)
        .attr('data-latency-ms', String(s.cost.latencyMs)).attr('data-energy-mj', String(s.cost.energyMj));
      sg.append('title').text(`${cell.name} step ${k + 1}: ${s.op}(${s.operands.join(', ')})\n${ms(s.cost)}`);
      text(sg, x + 6, sy + 9, `s${k + 1} ${s.op}(${s.operands.join(', ')})`, 10.5, fg);
      text(sg, x + 6, sy + 21, ms(s.cost), 9.5, muted);
    });
    cell.inputs.forEach((name, k) => {
      const to = { x: x + cellW * (k === 0 ? 0.3 : 0.7), y };
      const f = features.get(name);
      const src = boxes.get(name);
      if (f) {
        // Sideways into its lane, down the channel, then into the cell from above.
        const turn = y - 10 - (k === 0 ? 0 : 5);
        const bend = Math.min(24, Math.abs(to.x - f.lane) / 2);
        edge(name, cell.name, `M${f.from.x},${f.from.y} H${f.lane} V${turn - bend} Q${f.lane},${turn} ${f.lane + Math.sign(to.x - f.lane) * bend},${turn} H${to.x - Math.sign(to.x - f.lane) * 4} Q${to.x},${turn} ${to.x},${to.y}`, f.colour).attr('opacity', 0.85);
        nodes.append('circle').attr('cx', to.x).attr('cy', to.y).attr('r', 2.5).attr('fill', f.colour);
      } else if (src) {
        // From an earlier cell: beside it on the same row, else from its bottom.
        const sameRow = src.row === at.row;
        const a = sameRow ? { x: src.x + cellW, y: src.y + cellH / 2 } : { x: src.x + cellW / 2, y: src.y + cellH };
        const b = sameRow ? { x, y: y + cellH / 2 } : to;
        const d = sameRow && src.col + 1 !== at.col
          ? `M${src.x + cellW / 2},${src.y + cellH} C${src.x + cellW / 2},${src.y + cellH + 24} ${x + cellW * 0.3},${y + cellH + 24} ${x + cellW * 0.3},${y + cellH}`
          : sameRow
            ? `M${a.x},${a.y} H${b.x}`
            : `M${a.x},${a.y} C${a.x},${a.y + ROW_GAP / 2} ${b.x},${b.y - ROW_GAP / 2} ${b.x},${b.y}`;
        edge(name, cell.name, d, colour.fusion);
      }
    });
  });

  // The fusion head: concatenates the last two cells (not a LUT entry, so not priced).
  const rows = Math.ceil(v.cells.length / perRow);
  const hy = top + 8 + rows * (cellH + ROW_GAP) - ROW_GAP + 24;
  const hg = nodes.append('g').attr('data-testid', 'fusion-head').attr('data-reads', v.headReads.join(','));
  hg.append('rect').attr('x', PAD).attr('y', hy).attr('width', W - 2 * PAD).attr('height', 30).attr('rx', 6).attr('fill', 'none').attr('stroke', colour.head);
  text(hg, PAD + 6, hy + 13, `head: concat ${v.headReads.join(' + ')} → LayerNorm → ReLU → linear`, 11, fg);
  text(hg, PAD + 6, hy + 25, 'no LUT entry: not priced', 10, muted);
  for (const name of v.headReads) {
    const b = boxes.get(name)!;
    const x = b.x + cellW / 2;
    edge(name, 'head', `M${x},${b.y + cellH} V${hy}`, colour.fusion);
  }
  const H = hy + 30 + PAD;
  root.attr('width', W).attr('height', H).attr('viewBox', `0 0 ${W} ${H}`);
}
