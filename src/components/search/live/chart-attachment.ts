// A Svelte attachment that draws a d3 chart into its <svg> and keeps it drawn: it re-runs when
// the data or the theme (light/dark, read from CSS variables by the chart) changes, and redraws
// when the container's width changes (ResizeObserver, disconnected when the svg goes away).
import type { Attachment } from 'svelte/attachments';
import { theme } from '../../../state/theme.svelte';

export function chartAttachment<T>(draw: (svg: SVGSVGElement, data: T) => void, data: T): Attachment<SVGSVGElement> {
  return (svg) => {
    void theme.effective; // read so that a theme change redraws with the new colours
    draw(svg, data);
    const box = svg.parentElement;
    if (!box || typeof ResizeObserver === 'undefined') return;
    let width = box.clientWidth;
    const observer = new ResizeObserver(() => {
      if (box.clientWidth === width) return;
      width = box.clientWidth;
      draw(svg, data);
    });
    observer.observe(box);
    return () => observer.disconnect();
  };
}
