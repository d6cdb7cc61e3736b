import { describe, expect, it } from 'vitest';
import { breedingDemo } from '../../../src/core/lessons/breeding-demo';
import { crossoverGenomes, mutateGenome, parseGenome, formatGenome } from '../../../src/core/genome';
import { Rng } from '../../../src/core/rng';

const a = parseGenome('k3333e3333d2');
const b = parseGenome('k7777e6666d4');

describe('breedingDemo', () => {
  it('breeds exactly as the outer tier does with the same generator', () => {
    const demo = breedingDemo(a, b, 0.8, 0.4, 9);
    const rng = new Rng(9);
    const crossed = crossoverGenomes(a, b, rng, 0.8);
    expect(demo.crossed).toBe(formatGenome(crossed));
    expect(demo.child).toBe(formatGenome(mutateGenome(crossed, rng, 0.4)));
  });

  it('says where each gene came from and which mutated', () => {
    const demo = breedingDemo(a, b, 0.5, 0.3, 4);
    expect(demo.genes).toHaveLength(9);
    for (const g of demo.genes) {
      expect(g.crossed).toBe(g.origin === 'b' ? g.b : g.a);
      expect(g.mutated).toBe(g.child !== g.crossed);
    }
    expect(breedingDemo(a, a, 0.5, 0, 1).genes.every((g) => g.origin === 'both' && !g.mutated)).toBe(true);
    // p(crossover) 1 takes every gene from a; p(mutation) 1 changes every gene
    const all = breedingDemo(a, b, 1, 1, 2);
    expect(all.genes.every((g) => g.origin === 'a' && g.mutated)).toBe(true);
  });
});
