// NSGA-II's variation step shown gene by gene: uniform crossover of two real parent genomes,
// then mutation, with the same functions and probabilities the outer tier breeds with
// (../genome.ts), on a generator the lesson seeds. Says where each child gene came from.

import { crossoverGenomes, formatGenome, mutateGenome } from '../genome';
import { Rng } from '../rng';
import type { BackboneGenome } from '../types';

export type GeneOrigin = 'a' | 'b' | 'both';

export interface GeneStep {
  /** e.g. "kernel 2", "expand 4", "depth". */
  name: string;
  a: number;
  b: number;
  crossed: number;
  origin: GeneOrigin;
  child: number;
  mutated: boolean;
}

export interface BreedingDemo {
  parentA: string;
  parentB: string;
  crossed: string;
  child: string;
  genes: GeneStep[];
}

function genesOf(g: BackboneGenome): number[] {
  return [...g.ks, ...g.e, g.d];
}

function geneNames(g: BackboneGenome): string[] {
  return [...g.ks.map((_, i) => `kernel ${i + 1}`), ...g.e.map((_, i) => `expand ${i + 1}`), 'depth'];
}

/** One child of `a` × `b`: crossover with `crossoverP`, mutation with `mutationP`, from `seed`. */
export function breedingDemo(a: BackboneGenome, b: BackboneGenome, crossoverP: number, mutationP: number, seed: number): BreedingDemo {
  const rng = new Rng(seed);
  const crossed = crossoverGenomes(a, b, rng, crossoverP);
  const child = mutateGenome(crossed, rng, mutationP);
  const [ga, gb, gc, gm] = [a, b, crossed, child].map(genesOf);
  const genes = geneNames(a).map((name, i): GeneStep => ({
    name,
    a: ga[i],
    b: gb[i],
    crossed: gc[i],
    origin: ga[i] === gb[i] ? 'both' : gc[i] === ga[i] ? 'a' : 'b',
    child: gm[i],
    mutated: gm[i] !== gc[i],
  }));
  return { parentA: formatGenome(a), parentB: formatGenome(b), crossed: formatGenome(crossed), child: formatGenome(child), genes };
}
