// Stratified draws for augmented copies of a training clip (vocal-tract-length and speed
// perturbation factors, noise levels, crop points): copy j of K draws uniformly inside the j-th of
// K equal sub-intervals of a range, so every clip gets both low and high values.

/** Throws unless `k` is a usable copy count; `what` names the augmentation in the message. */
export function checkCopyCount(k: number, what: string): void {
  if (!Number.isInteger(k) || k < 0) throw new Error(`${what}: copy count must be a non-negative integer, got ${k}`);
}

/** `uniform` returns numbers in [0, 1) (e.g. a seeded Rng's next); `what` names the augmentation in errors. */
export function stratifiedFactors(k: number, uniform: () => number, range: number, what: string): number[] {
  checkCopyCount(k, what);
  if (!(range >= 0 && range < 1)) throw new Error(`${what}: range must lie in [0, 1), got ${range}`);
  return Array.from({ length: k }, (_, j) => 1 - range + (2 * range * (j + uniform())) / k);
}

/**
 * K copies, copy j made by `make` from a value drawn inside the j-th of K equal strata of [lo, hi].
 * Each value is drawn just before its copy is made, so a `make` that draws from the same random
 * stream (noise samples) sees the stream in the same order as a plain loop would.
 */
export function stratifiedCopies<T>(k: number, what: string, uniform: () => number, lo: number, hi: number, make: (value: number) => T): T[] {
  checkCopyCount(k, what);
  return Array.from({ length: k }, (_, j) => make(lo + ((j + uniform()) / k) * (hi - lo)));
}
