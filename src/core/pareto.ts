// Pareto dominance and the non-dominated set, for any number of MINIMISED objectives
// (the search minimises [100 − accuracy %, latency ms, energy mJ]).

/** True when `a` is no worse than `b` in every objective and strictly better in at least one. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) throw new Error(`dominates: objective counts differ (${a.length} vs ${b.length})`);
  let strictly = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) strictly = true;
  }
  return strictly;
}

/** Indices (ascending) of the points no other point dominates. Equal points are all kept. */
export function paretoFront(points: readonly (readonly number[])[]): number[] {
  const front: number[] = [];
  for (let i = 0; i < points.length; i++) {
    let dominated = false;
    for (let j = 0; j < points.length && !dominated; j++) {
      if (j !== i && dominates(points[j], points[i])) dominated = true;
    }
    if (!dominated) front.push(i);
  }
  return front;
}
