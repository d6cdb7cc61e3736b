import { describe, expect, it } from 'vitest';
import type { FusionOp } from '../../src/core/types';
import { Rng } from '../../src/core/rng';
import {
  FusionError,
  crossoverFusionMacros,
  formatFusionOps,
  fusionGenotypeFromJson,
  fusionGenotypeToJson,
  fusionOpsOf,
  macroOf,
  mutateFusionMacro,
  parseFusionOps,
  sampleFusionMacro,
  validateFusionGenotype,
  validateFusionMacro,
} from '../../src/core/fusion-genotype';
import type { FusionGenotype } from '../../src/core/types';

const twoByOne: FusionGenotype = {
  cells: [
    { inputs: [3, 7], ops: ['ConcatFC'] },
    { inputs: [8, 6], ops: ['CatConvMish'] },
  ],
};

describe('fusion operator lists', () => {
  it('parses comma-separated operators, repeats allowed, empty = none', () => {
    expect(parseFusionOps('ConcatFC,CatConvMish')).toEqual(['ConcatFC', 'CatConvMish']);
    expect(parseFusionOps(' Sum , Sum,SE1 ')).toEqual(['Sum', 'Sum', 'SE1']);
    expect(parseFusionOps('')).toEqual([]);
    expect(formatFusionOps(['Sum', 'LinearGLU'])).toBe('Sum,LinearGLU');
  });

  it('names an unknown operator and lists the allowed ones', () => {
    expect(() => parseFusionOps('ConcatFC,Concat')).toThrow(FusionError);
    expect(() => parseFusionOps('ConcatFC,Concat')).toThrow(
      'unknown fusion operator "Concat" in "ConcatFC,Concat": allowed Sum, ScaleDotAttn, LinearGLU, ConcatFC, SE1, CatConvMish',
    );
    expect(() => parseFusionOps('SE2')).toThrow(/unknown fusion operator "SE2"/);
    expect(() => parseFusionOps('Sum,,Sum')).toThrow(/empty operator name/);
  });
});

describe('fusion macro genes', () => {
  it('validates cells and nodes in 1..4', () => {
    expect(validateFusionMacro({ cells: 3, nodes: 4 })).toEqual({ cells: 3, nodes: 4 });
    expect(() => validateFusionMacro({ cells: 0, nodes: 1 })).toThrow('fusion cells 0: allowed 1, 2, 3, 4');
    expect(() => validateFusionMacro({ cells: 2, nodes: 5 })).toThrow('fusion nodes per cell 5: allowed 1, 2, 3, 4');
  });

  it('samples, mutates to different values and crosses over', () => {
    const rng = new Rng(4);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const m = sampleFusionMacro(rng);
      validateFusionMacro(m);
      seen.add(`${m.cells}x${m.nodes}`);
      const mut = mutateFusionMacro(m, rng, 1);
      expect(mut.cells).not.toBe(m.cells);
      expect(mut.nodes).not.toBe(m.nodes);
      validateFusionMacro(mut);
      expect(mutateFusionMacro(m, rng, 0)).toEqual(m);
    }
    expect(seen.size).toBe(16);
    const a = { cells: 1, nodes: 1 };
    const b = { cells: 4, nodes: 4 };
    expect(crossoverFusionMacros(a, b, rng, 1)).toEqual(a);
    expect(crossoverFusionMacros(a, b, rng, 0)).toEqual(b);
    const mixed = new Set(Array.from({ length: 50 }, () => JSON.stringify(crossoverFusionMacros(a, b, rng, 0.5))));
    expect(mixed.size).toBe(4);
  });
});

describe('fusion genotype', () => {
  it('validates, lists its operators in order and round-trips through JSON', () => {
    expect(validateFusionGenotype(twoByOne, { cells: 2, nodes: 1 })).toEqual(twoByOne);
    expect(fusionOpsOf(twoByOne)).toEqual(['ConcatFC', 'CatConvMish']);
    expect(macroOf(twoByOne)).toEqual({ cells: 2, nodes: 1 });
    const text = fusionGenotypeToJson(twoByOne);
    expect(fusionGenotypeFromJson(text)).toEqual(twoByOne);
  });

  it('rejects bad genotypes with clear errors', () => {
    expect(() => validateFusionGenotype({ cells: [] })).toThrow('fusion genotype has 0 cells: allowed 1, 2, 3, 4');
    expect(() => validateFusionGenotype({ cells: [{ inputs: [0, 8], ops: ['Sum'] }] })).toThrow(/cell 1: input 8: allowed 0\.\.7/);
    expect(() => validateFusionGenotype({ cells: [{ inputs: [0, 4], ops: ['Mul'] }] })).toThrow(/unknown fusion operator "Mul"/);
    expect(() => validateFusionGenotype(twoByOne, { cells: 2, nodes: 2 })).toThrow(/cell 1 has 1 node steps but its macro says 2/);
    expect(() => validateFusionGenotype(twoByOne, { cells: 3, nodes: 1 })).toThrow(/2 cells but its macro says 3/);
    expect(() => fusionGenotypeFromJson('{nope')).toThrow(/not valid JSON/);
  });
});

describe('fusion genotype step operands', () => {
  it('keeps valid stepInputs through validation and JSON, and rejects out-of-range ones', async () => {
    const { validateFusionGenotype, fusionGenotypeToJson, fusionGenotypeFromJson } = await import('../../src/core/fusion-genotype');
    const g = { cells: [{ inputs: [1, 6] as [number, number], ops: ['Sum', 'SE1'] as FusionOp[], stepInputs: [[0, 1], [2, 0]] as [number, number][] }] };
    const back = fusionGenotypeFromJson(fusionGenotypeToJson(validateFusionGenotype(g)));
    expect(back.cells[0].stepInputs).toEqual([[0, 1], [2, 0]]);
    expect(() => validateFusionGenotype({ cells: [{ ...g.cells[0], stepInputs: [[0, 1], [3, 0]] }] })).toThrow(/step 2: operands \[3,0\]: allowed two indices in 0\.\.2/);
    expect(() => validateFusionGenotype({ cells: [{ ...g.cells[0], stepInputs: [[0, 1]] }] })).toThrow(/each of its 2 steps/);
  });
});
