import { describe, expect, it } from 'vitest';
import { costliestBackbone, hypervolumeReference, maxNetworkCost } from '../../../src/core/search/archive';
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
