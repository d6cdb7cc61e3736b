// Mixup for supernet training (the speaker-independent audio issue: a way to fill the space
// between the few training voices). Each batch is blended with a shuffled copy of itself:
// x = λ·x_i + (1 − λ)·x_perm(i), target = λ·onehot(y_i) + (1 − λ)·onehot(y_perm(i)), one
// λ ~ Beta(α, α) per batch. Host-side on Float32Arrays, seeded through Rng; α = 0 turns it off.

import type { Rng } from '../../core/rng';

/** Gamma(shape, 1) deviate (Marsaglia–Tsang; shape < 1 by the boost u^(1/shape)). */
function gammaDeviate(shape: number, rng: Rng): number {
  if (shape < 1) return gammaDeviate(shape + 1, rng) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A Beta(α, α) deviate in [0, 1]. */
export function symmetricBeta(alpha: number, rng: Rng): number {
  if (!(alpha > 0)) throw new Error(`mixup: α must be > 0, got ${alpha}`);
  const a = gammaDeviate(alpha, rng);
  const b = gammaDeviate(alpha, rng);
  return a + b > 0 ? a / (a + b) : 0.5;
}

export interface MixedBatch {
  inputs: Float32Array;
  /** Row-major [n, classes] target distributions (each row sums to 1). */
  targets: Float32Array;
  lambda: number;
}

/** Blends a batch of n maps (`inputs`, n·area values) and their labels with a shuffled copy. */
export function mixupBatch(inputs: Float32Array, labels: ArrayLike<number>, classes: number, alpha: number, rng: Rng): MixedBatch {
  const n = labels.length;
  if (n === 0 || inputs.length % n !== 0) throw new Error(`mixup: ${inputs.length} values do not split into ${n} maps`);
  const area = inputs.length / n;
  const lambda = symmetricBeta(alpha, rng);
  const partner = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const mixed = new Float32Array(inputs.length);
  const targets = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) {
    const j = partner[i];
    for (let k = 0; k < area; k++) mixed[i * area + k] = lambda * inputs[i * area + k] + (1 - lambda) * inputs[j * area + k];
    targets[i * classes + labels[i]] += lambda;
    targets[i * classes + labels[j]] += 1 - lambda;
  }
  return { inputs: mixed, targets, lambda };
}
