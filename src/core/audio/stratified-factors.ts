// Perturbation factors for augmented copies of a training clip (vocal-tract-length perturbation,
// speed perturbation): K factors stratified over [1 − range, 1 + range] — copy j draws uniformly
// inside the j-th of K equal sub-intervals, so every clip gets both low and high factors.

/** `uniform` returns numbers in [0, 1) (e.g. a seeded Rng's next); `what` names the augmentation in errors. */
export function stratifiedFactors(k: number, uniform: () => number, range: number, what: string): number[] {
  if (!Number.isInteger(k) || k < 0) throw new Error(`${what}: copy count must be a non-negative integer, got ${k}`);
  if (!(range >= 0 && range < 1)) throw new Error(`${what}: range must lie in [0, 1), got ${range}`);
  return Array.from({ length: k }, (_, j) => 1 - range + (2 * range * (j + uniform())) / k);
}
