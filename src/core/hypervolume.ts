// Hypervolume indicator of a set of MINIMISED objective vectors w.r.t. a reference point
// (the volume dominated by the set and bounded by the reference), exact in 1-, 2- and 3-D.
// Used to track the Pareto front's progress per generation.
// 2-D: sweep along x. 3-D: slice along z, 2-D sweep per slice — O(n² log n), fine for hundreds.

/** Points strictly better than `ref` in every objective; the others add no volume. */
function inside(points: readonly (readonly number[])[], ref: readonly number[]): number[][] {
  return points.filter((p) => p.every((v, i) => v < ref[i])).map((p) => [...p]);
}

/** 2-D area dominated by points [x, y] (all strictly inside ref). */
function area2d(pts: readonly (readonly number[])[], rx: number, ry: number): number {
  const sorted = [...pts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let area = 0;
  let prevY = ry;
  for (const [x, y] of sorted) {
    if (y < prevY) {
      area += (rx - x) * (prevY - y);
      prevY = y;
    }
  }
  return area;
}

/**
 * Exact hypervolume of `points` (minimised objectives) bounded by the reference point `ref`.
 * Points not strictly better than `ref` in every objective are ignored. Dimensions 1..3.
 */
export function hypervolume(points: readonly (readonly number[])[], ref: readonly number[]): number {
  const dim = ref.length;
  if (dim < 1 || dim > 3) throw new Error(`hypervolume: supports 1 to 3 objectives, got ${dim}`);
  for (const p of points) {
    if (p.length !== dim) throw new Error(`hypervolume: point ${JSON.stringify(p)} has ${p.length} objectives, reference has ${dim}`);
    if (p.some((v) => Number.isNaN(v))) throw new Error(`hypervolume: point ${JSON.stringify(p)} has NaN`);
  }
  const pts = inside(points, ref);
  if (pts.length === 0) return 0;
  if (dim === 1) return ref[0] - Math.min(...pts.map((p) => p[0]));
  if (dim === 2) return area2d(pts, ref[0], ref[1]);
  // 3-D: sort by z; between consecutive z levels the cross-section is the 2-D area of the
  // points already reached.
  const byZ = [...pts].sort((a, b) => a[2] - b[2]);
  let volume = 0;
  for (let i = 0; i < byZ.length; i++) {
    const z = byZ[i][2];
    const zNext = i + 1 < byZ.length ? byZ[i + 1][2] : ref[2];
    if (zNext <= z) continue;
    volume += area2d(byZ.slice(0, i + 1), ref[0], ref[1]) * (zNext - z);
  }
  return volume;
}
