import { describe, expect, it } from 'vitest';
import { fusionNetworksAllShapes, fusionNetworksOfShape, searchSpaceFacts } from '../../../src/core/lessons/search-space';

describe('search-space facts', () => {
  it('counts the distinct subnets per modality as 9² + 9³ + 9⁴', () => {
    const f = searchSpaceFacts();
    expect(f.subnetsPerModality).toBe(81 + 729 + 6561);
    expect(f.genomesAsWritten).toBe(9 ** 4 * 3);
    expect(f.backbonePairs).toBe(7371 * 7371);
    expect(f.fusionOps).toHaveLength(6);
    expect(f.macroShapes).toBe(16);
    expect(f.fusableFeatures).toBe(8);
  });

  it('counts fusion networks of a shape from input pairs and operators', () => {
    // one cell, one node: 8 choose 2 input pairs × 6 operators
    expect(fusionNetworksOfShape(1, 1)).toBe(28 * 6);
    // the second cell may also read the first cell's output: 9 choose 2
    expect(fusionNetworksOfShape(2, 1)).toBe(28 * 6 * 36 * 6);
    expect(fusionNetworksOfShape(1, 2)).toBe(28 * 36);
    let sum = 0;
    for (let c = 1; c <= 4; c++) for (let n = 1; n <= 4; n++) sum += fusionNetworksOfShape(c, n);
    expect(fusionNetworksAllShapes()).toBe(sum);
  });
});
