import { describe, expect, it } from 'vitest';
import { archiveHypervolume, costliestBackbone, hypervolumeReference, maxNetworkCost, type ArchiveEntry } from '../../../src/core/search/archive';
import { hypervolumeCeiling, minNetworkCost } from '../../../src/core/search/hypervolume-ceiling';
import { backboneCost, networkCost } from '../../../src/core/cost-model';
import { sampleGenome } from '../../../src/core/genome';
import { Rng } from '../../../src/core/rng';
import { loadTable } from './fake-evaluator';

describe('hypervolume reference point', () => {
  const table = loadTable('jetson-tx2');
  it('costliest backbone is attained by its genome and bounds random subnets', () => {
    const rng = new Rng(3);
    for (const modality of ['image', 'audio'] as const) {
      for (const metric of ['latencyMs', 'energyMj'] as const) {
        const best = costliestBackbone(table, modality, metric);
        expect(backboneCost(table, best.genome, modality)[metric]).toBeCloseTo(best.value, 9);
        for (let i = 0; i < 200; i++) expect(backboneCost(table, sampleGenome(rng), modality)[metric]).toBeLessThanOrEqual(best.value + 1e-9);
      }
    }
  });

  it('is fixed per device and contains every network of the space', () => {
    const ref = hypervolumeReference(table, ['error', 'latency', 'energy']);
    const max = maxNetworkCost(table);
    expect(ref.point).toEqual([100, 1.1 * max.latencyMs, 1.1 * max.energyMj]);
    const big = networkCost(table, { image: costliestBackbone(table, 'image', 'latencyMs').genome, audio: costliestBackbone(table, 'audio', 'latencyMs').genome, fusionOps: Array(16).fill('CatConvMish') });
    expect(big.latencyMs).toBeLessThanOrEqual(max.latencyMs + 1e-9);
    expect(hypervolumeReference(loadTable('jetson-agx-xavier'), ['latency']).point[0]).not.toBe(ref.point[1]);
  });
});

describe('hypervolume ceiling', () => {
  const table = loadTable('jetson-tx2');
  const ref = hypervolumeReference(table, ['error', 'latency', 'energy']);
  it('the cheapest backbone is attained by its genome and undercuts random subnets', () => {
    const rng = new Rng(5);
    for (const modality of ['image', 'audio'] as const) {
      const low = costliestBackbone(table, modality, 'latencyMs', 'min');
      expect(backboneCost(table, low.genome, modality).latencyMs).toBeCloseTo(low.value, 9);
      for (let i = 0; i < 200; i++) expect(backboneCost(table, sampleGenome(rng), modality).latencyMs).toBeGreaterThanOrEqual(low.value - 1e-9);
    }
  });
  it('bounds the hypervolume of any front, even of perfect networks', () => {
    const rng = new Rng(6);
    const ceiling = hypervolumeCeiling(table, ref);
    const min = minNetworkCost(table);
    const archive = Array.from({ length: 60 }, (_, id) => {
      const cost = networkCost(table, { image: sampleGenome(rng), audio: sampleGenome(rng), fusionOps: ['Sum'] });
      expect(cost.latencyMs).toBeGreaterThanOrEqual(min.latencyMs - 1e-9);
      expect(cost.energyMj).toBeGreaterThanOrEqual(min.energyMj - 1e-9);
      return { id, valAccuracy: 100, testAccuracy: 100, latencyMs: cost.latencyMs, energyMj: cost.energyMj } as unknown as ArchiveEntry;
    });
    const hv = archiveHypervolume(archive, ref).normalised;
    expect(hv).toBeGreaterThan(0.3);
    expect(hv).toBeLessThanOrEqual(ceiling);
    // the ideal point's box: (1 − 0) · (1 − min latency / ref) · (1 − min energy / ref)
    expect(ceiling).toBeCloseTo((1 - min.latencyMs / ref.point[1]) * (1 - min.energyMj / ref.point[2]), 12);
  });
});
