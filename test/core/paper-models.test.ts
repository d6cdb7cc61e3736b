// The paper presets: valid genomes, cells × nodes operators, and LUT sums that match the
// published TX2 figures when cut to two decimals (energy of "fastest" excepted, as stated).
import { describe, it, expect } from 'vitest';
import { PAPER_MODELS } from '../../src/core/paper-models';
import { parseGenome } from '../../src/core/genome';
import { networkCost } from '../../src/core/cost-model';
import type { FusionOp } from '../../src/core/types';
import { shippedTable } from './luts';

const cut2 = (x: number) => Math.floor(x * 100 + 1e-9) / 100;

describe('paper presets', () => {
  const tx2 = shippedTable('jetson-tx2');
  for (const model of PAPER_MODELS) {
    it(`${model.id}: genomes parse, ${model.cells}×${model.nodes} operators, published latency reproduced`, () => {
      expect(model.fusionOps).toHaveLength(model.cells * model.nodes);
      const cost = networkCost(tx2, {
        image: parseGenome(model.image),
        audio: parseGenome(model.audio),
        fusionOps: model.fusionOps as FusionOp[],
      });
      expect(cut2(cost.latencyMs)).toBe(model.published.latencyMs);
      if (model.id === 'fastest') {
        expect(model.reconstruction).toMatch(/no set of operators/);
        expect(Math.abs(cost.energyMj - model.published.energyMj)).toBeLessThan(0.02);
      } else {
        expect(cut2(cost.energyMj)).toBe(model.published.energyMj);
      }
    });
  }
});
