// Backbone genome of the unimodal search space: per-block kernel size k[4] ∈ {3,5,7},
// expand ratio e[4] ∈ {3,4,6}, stage depth d ∈ {2,3,4}. Canonical text form `k5557e3643d2`
// (kernels 5,5,5,7; expands 3,6,4,3; depth 2), used in URLs, the CLI and exports.
// Also the outer tier's genetic operators on it: sampling, mutation, uniform crossover.

import type { BackboneGenome, Depth, ExpandRatio, KernelSize } from './types';
import { DEPTH_CHOICES, EXPAND_CHOICES, KERNEL_CHOICES, STAGE_BLOCKS } from './types';
import type { Rng } from './rng';

/** A malformed or out-of-range genome; the message names the bad part and the allowed values. */
export class GenomeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GenomeError';
  }
}

/** Genes of a genome: 4 kernels, 4 expand ratios, 1 depth. */
export const GENOME_GENE_COUNT = 2 * STAGE_BLOCKS + 1;

/**
 * The fixed value that `canonicalGenome` writes into the genes of inactive blocks (index ≥ d):
 * kernel 3, expand 3 — the smallest choices, so canonical text reads e.g. `k5733e6433d2`.
 */
export const INACTIVE_KERNEL: KernelSize = 3;
export const INACTIVE_EXPAND: ExpandRatio = 3;

/** The largest subnet of the supernet: all kernels 7, all expands 6, depth 4. */
export const LARGEST_GENOME: Readonly<BackboneGenome> = Object.freeze({
  ks: [7, 7, 7, 7],
  e: [6, 6, 6, 6],
  d: 4,
} as BackboneGenome);

/** The smallest subnet: all kernels 3, all expands 3, depth 2. */
export const SMALLEST_GENOME: Readonly<BackboneGenome> = Object.freeze({
  ks: [3, 3, 3, 3],
  e: [3, 3, 3, 3],
  d: 2,
} as BackboneGenome);

const list = (xs: readonly number[]) => xs.join(', ');
const GENOME_SHAPE = /^k(\d+)e(\d+)d(\d+)$/;

/** Parses the canonical text form, e.g. `k5557e3643d2`. Throws GenomeError. */
export function parseGenome(text: string): BackboneGenome {
  const src = String(text).trim();
  const m = GENOME_SHAPE.exec(src);
  if (!m) {
    throw new GenomeError(
      `malformed genome "${src}": expected k<4 kernel digits>e<4 expand digits>d<depth>, e.g. k5557e3643d2`,
    );
  }
  const [, kPart, ePart, dPart] = m;
  if (kPart.length !== STAGE_BLOCKS) {
    throw new GenomeError(
      `kernel part "k${kPart}" of "${src}" has ${kPart.length} digits: expected ${STAGE_BLOCKS} (one per block), each of ${list(KERNEL_CHOICES)}`,
    );
  }
  if (ePart.length !== STAGE_BLOCKS) {
    throw new GenomeError(
      `expand part "e${ePart}" of "${src}" has ${ePart.length} digits: expected ${STAGE_BLOCKS} (one per block), each of ${list(EXPAND_CHOICES)}`,
    );
  }
  const ks = [...kPart].map(Number);
  const e = [...ePart].map(Number);
  ks.forEach((k, i) => {
    if (!(KERNEL_CHOICES as readonly number[]).includes(k)) {
      throw new GenomeError(`kernel size ${k} at block ${i + 1} of "${src}": allowed ${list(KERNEL_CHOICES)}`);
    }
  });
  e.forEach((x, i) => {
    if (!(EXPAND_CHOICES as readonly number[]).includes(x)) {
      throw new GenomeError(`expand ratio ${x} at block ${i + 1} of "${src}": allowed ${list(EXPAND_CHOICES)}`);
    }
  });
  const d = Number(dPart);
  if (!(DEPTH_CHOICES as readonly number[]).includes(d) || dPart.length !== 1) {
    throw new GenomeError(`depth ${dPart} of "${src}": allowed ${list(DEPTH_CHOICES)}`);
  }
  return { ks: ks as BackboneGenome['ks'], e: e as BackboneGenome['e'], d: d as Depth };
}

/** The canonical text form of a genome (genes as given; see `genomeKey` for the subnet id). */
export function formatGenome(g: BackboneGenome): string {
  return `k${g.ks.join('')}e${g.e.join('')}d${g.d}`;
}

/** Checks an untrusted value (e.g. parsed JSON) is a valid genome; returns a clean copy. */
export function validateGenome(g: unknown): BackboneGenome {
  if (typeof g !== 'object' || g === null) throw new GenomeError(`genome must be an object {ks, e, d}, got ${JSON.stringify(g)}`);
  const { ks, e, d } = g as Record<string, unknown>;
  const checkGenes = (name: string, what: string, xs: unknown, allowed: readonly number[]) => {
    if (!Array.isArray(xs) || xs.length !== STAGE_BLOCKS) {
      throw new GenomeError(`genome.${name} must be an array of ${STAGE_BLOCKS} ${what}s, each of ${list(allowed)}`);
    }
    xs.forEach((x, i) => {
      if (!allowed.includes(x as number)) {
        throw new GenomeError(`${what} ${JSON.stringify(x)} at block ${i + 1} (genome.${name}[${i}]): allowed ${list(allowed)}`);
      }
    });
    return [...xs] as number[];
  };
  const ksOk = checkGenes('ks', 'kernel size', ks, KERNEL_CHOICES);
  const eOk = checkGenes('e', 'expand ratio', e, EXPAND_CHOICES);
  if (!(DEPTH_CHOICES as readonly number[]).includes(d as number)) {
    throw new GenomeError(`depth ${JSON.stringify(d)} (genome.d): allowed ${list(DEPTH_CHOICES)}`);
  }
  return { ks: ksOk as BackboneGenome['ks'], e: eOk as BackboneGenome['e'], d: d as Depth };
}

/** A uniformly random genome (every gene drawn independently). */
export function sampleGenome(rng: Rng): BackboneGenome {
  const ks = Array.from({ length: STAGE_BLOCKS }, () => rng.pick(KERNEL_CHOICES));
  const e = Array.from({ length: STAGE_BLOCKS }, () => rng.pick(EXPAND_CHOICES));
  const d = rng.pick(DEPTH_CHOICES);
  return { ks: ks as BackboneGenome['ks'], e: e as BackboneGenome['e'], d };
}

/**
 * The same subnet with the genes of inactive blocks (index ≥ d) set to
 * INACTIVE_KERNEL / INACTIVE_EXPAND (k3, e3). Two genomes build the same network iff their
 * canonical forms are equal.
 */
export function canonicalGenome(g: BackboneGenome): BackboneGenome {
  const ks = g.ks.map((k, i) => (i < g.d ? k : INACTIVE_KERNEL));
  const e = g.e.map((x, i) => (i < g.d ? x : INACTIVE_EXPAND));
  return { ks: ks as BackboneGenome['ks'], e: e as BackboneGenome['e'], d: g.d };
}

/** Identity of the subnet a genome builds: the text form of its canonical genome. */
export function genomeKey(g: BackboneGenome): string {
  return formatGenome(canonicalGenome(g));
}

function redrawDifferent<T>(rng: Rng, choices: readonly T[], current: T): T {
  const others = choices.filter((c) => c !== current);
  return rng.pick(others);
}

/**
 * Mutation: each of the 9 genes (4 kernels, 4 expands, depth), independently with probability
 * p, is re-drawn uniformly among the OTHER allowed values. The result is not canonicalised.
 */
export function mutateGenome(g: BackboneGenome, rng: Rng, p: number): BackboneGenome {
  const ks = g.ks.map((k) => (rng.bool(p) ? redrawDifferent(rng, KERNEL_CHOICES, k) : k));
  const e = g.e.map((x) => (rng.bool(p) ? redrawDifferent(rng, EXPAND_CHOICES, x) : x));
  const d = rng.bool(p) ? redrawDifferent(rng, DEPTH_CHOICES, g.d) : g.d;
  return { ks: ks as BackboneGenome['ks'], e: e as BackboneGenome['e'], d };
}

/** Uniform crossover: each gene comes from parent `a` with probability p, else from `b`. */
export function crossoverGenomes(a: BackboneGenome, b: BackboneGenome, rng: Rng, p: number): BackboneGenome {
  const ks = a.ks.map((k, i) => (rng.bool(p) ? k : b.ks[i]));
  const e = a.e.map((x, i) => (rng.bool(p) ? x : b.e[i]));
  const d = rng.bool(p) ? a.d : b.d;
  return { ks: ks as BackboneGenome['ks'], e: e as BackboneGenome['e'], d };
}

/** Every distinct subnet, in canonical form: 9² + 9³ + 9⁴ = 81 + 729 + 6,561 = 7,371. */
export function enumerateCanonicalGenomes(): BackboneGenome[] {
  const out: BackboneGenome[] = [];
  for (const d of DEPTH_CHOICES) {
    const total = 9 ** d;
    for (let code = 0; code < total; code++) {
      const ks: number[] = [];
      const e: number[] = [];
      let c = code;
      for (let i = 0; i < STAGE_BLOCKS; i++) {
        if (i < d) {
          ks.push(KERNEL_CHOICES[c % 3]);
          c = Math.floor(c / 3);
          e.push(EXPAND_CHOICES[c % 3]);
          c = Math.floor(c / 3);
        } else {
          ks.push(INACTIVE_KERNEL);
          e.push(INACTIVE_EXPAND);
        }
      }
      out.push({ ks: ks as BackboneGenome['ks'], e: e as BackboneGenome['e'], d });
    }
  }
  return out;
}
