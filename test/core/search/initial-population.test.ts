import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { MACROS_BY_SIZE, initialPopulation, stratifiedDraw } from '../../../src/core/search/initial-population';
import { validateGenome } from '../../../src/core/genome';
import { validateFusionMacro } from '../../../src/core/fusion-genotype';

describe('initial population across the cost range', () => {
  it('orders macros from one operator to sixteen', () => {
    expect(MACROS_BY_SIZE).toHaveLength(16);
    expect(MACROS_BY_SIZE[0]).toEqual({ cells: 1, nodes: 1 });
    expect(MACROS_BY_SIZE[15]).toEqual({ cells: 4, nodes: 4 });
    const sizes = MACROS_BY_SIZE.map((m) => m.cells * m.nodes);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });

  it('draws one value from each stratum', () => {
    const rng = new Rng(1);
    const list = Array.from({ length: 16 }, (_, i) => i);
    const draw = stratifiedDraw(list, 8, rng);
    draw.forEach((v, i) => expect(Math.floor(v / 2)).toBe(i));
    expect(stratifiedDraw([2, 3, 4], 3, rng)).toEqual([2, 3, 4]);
    expect(stratifiedDraw([2, 3, 4], 7, rng).filter((d) => d === 2).length).toBeGreaterThanOrEqual(2);
  });

  it('always holds a cheap network in every seed: a macro of at most two operators and depth-2 backbones', () => {
    for (let seed = 0; seed < 200; seed++) {
      const pop = initialPopulation(8, new Rng(seed));
      expect(pop).toHaveLength(8);
      for (const ind of pop) {
        validateGenome(ind.image);
        validateGenome(ind.audio);
        validateFusionMacro(ind.macro);
      }
      expect(Math.min(...pop.map((p) => p.macro.cells * p.macro.nodes))).toBeLessThanOrEqual(2);
      expect(Math.max(...pop.map((p) => p.macro.cells * p.macro.nodes))).toBeGreaterThanOrEqual(12);
      expect(pop.some((p) => p.image.d === 2) && pop.some((p) => p.audio.d === 2)).toBe(true);
      expect(pop.some((p) => p.image.d === 4) && pop.some((p) => p.audio.d === 4)).toBe(true);
    }
  });

  it('is reproducible from the seed', () => {
    expect(initialPopulation(4, new Rng(9))).toEqual(initialPopulation(4, new Rng(9)));
  });
});
