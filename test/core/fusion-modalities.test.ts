import { describe, expect, it } from 'vitest';
import { cellInputName, featureModality, formatCellInputs, genotypeModalities, reachableCells, readsBothModalities } from '../../src/core/fusion-modalities';
import type { FusionGenotype } from '../../src/core/types';

const net = (...inputs: [number, number][]): FusionGenotype => ({ cells: inputs.map((i) => ({ inputs: i, ops: ['Sum'] })) });

describe('fusion modalities', () => {
  it('features 0-3 are image, 4-7 audio; anything else is not a backbone feature', () => {
    expect([0, 3, 4, 7].map(featureModality)).toEqual(['image', 'image', 'audio', 'audio']);
    expect(() => featureModality(8)).toThrow(/not a backbone feature/);
  });

  it('reads the modalities of the cells the head reaches', () => {
    expect([...genotypeModalities(net([7, 3]))].sort()).toEqual(['audio', 'image']);
    expect([...genotypeModalities(net([4, 5], [4, 5]))]).toEqual(['audio']);
    // the 8.2 % case of the frugal pair at C 192: image only in cell 2
    expect(readsBothModalities(net([5, 7], [4, 3]))).toBe(true);
    expect(readsBothModalities(net([0, 1], [6, 2]))).toBe(true);
  });

  it('follows earlier cells through their outputs, and ignores cells the head cannot reach', () => {
    // 3 cells: the head reads cells 1 and 2; cell 2 reads cell 0's output (input 8)
    expect(reachableCells(net([0, 1], [4, 5], [8, 6]))).toEqual(new Set([0, 1, 2]));
    expect(readsBothModalities(net([0, 1], [4, 5], [8, 6]))).toBe(true);
    // cell 0 (image) is not read by cells 1 and 2, which the head reads: audio only
    expect(reachableCells(net([0, 1], [4, 5], [6, 7]))).toEqual(new Set([1, 2]));
    expect(readsBothModalities(net([0, 1], [4, 5], [6, 7]))).toBe(false);
  });
});

describe('cell input names', () => {
  it('names image, audio and cell inputs, cell by cell', () => {
    expect([0, 3, 4, 7, 8, 9].map(cellInputName)).toEqual(['I0', 'I3', 'A0', 'A3', 'C1', 'C2']);
    expect(formatCellInputs(net([5, 7], [4, 3]))).toBe('A1+A3 · A0+I3');
    expect(formatCellInputs(net([0, 4], [8, 6]))).toBe('I0+A0 · C1+A2');
  });
});
