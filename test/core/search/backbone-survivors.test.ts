import { describe, expect, it } from 'vitest';
import { backboneSurvivors } from '../../../src/core/search/backbone-survivors';
import { genomeKey, parseGenome } from '../../../src/core/genome';
import type { BackboneRecord, Individual } from '../../../src/core/search/engine-state';

const g = (text: string) => parseGenome(text);
// three distinct image backbones; the third appears twice in the population
const A = g('k3333e3333d2');
const B = g('k5555e4444d3');
const C = g('k7777e6666d4');
const audio = g('k3333e3333d2');
const ind = (image: typeof A, cells: number): Individual => ({ image, audio, macro: { cells, nodes: 1 } });
const rec = (val: number, latencyMs: number, energyMj: number): BackboneRecord => ({ valAccuracy: val, testAccuracy: val, latencyMs, energyMj });

describe('backboneSurvivors (unimodal selection by rank and crowding)', () => {
  const population = [ind(A, 1), ind(B, 2), ind(C, 3), ind(C, 4)];
  const backbones = {
    [`image/${genomeKey(A)}`]: rec(90, 4, 6),
    [`image/${genomeKey(B)}`]: rec(85, 5, 7), // dominated by A
    [`image/${genomeKey(C)}`]: rec(95, 6, 9),
  };

  it('keeps the non-dominated backbones first, each once, with the first individual carrying it', () => {
    const kept = backboneSurvivors(population, backbones, 'image', 2);
    expect(kept.map((s) => genomeKey(s.genome)).sort()).toEqual([genomeKey(A), genomeKey(C)].sort());
    expect(kept.find((s) => genomeKey(s.genome) === genomeKey(C))!.source.macro.cells).toBe(3);
  });

  it('keeps no more than the distinct backbones there are', () => {
    expect(backboneSurvivors(population, backbones, 'image', 10)).toHaveLength(3);
  });

  it('names a backbone that was never scored', () => {
    expect(() => backboneSurvivors(population, {}, 'image', 2)).toThrow(/never scored/);
  });
});
