// The charts' colours come from the theme's CSS variables (light / dark), read at draw time.

/** The value of CSS variable `name` on `el`, or `fallback` when it is not set. */
export function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}
