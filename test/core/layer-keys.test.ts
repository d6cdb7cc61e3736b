import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { searchSpaceLayerKeys } from '../../src/core/layer-keys';
import { parseDeviceTable } from '../../src/core/device-table';
import { networkCost } from '../../src/core/cost-model';
import { sampleGenome } from '../../src/core/genome';
import { Rng } from '../../src/core/rng';
import { FUSION_OPS } from '../../src/core/types';

describe('searchSpaceLayerKeys', () => {
  const keys = searchSpaceLayerKeys();
  it('are the measured tables\' keys (less SE2, which no genotype uses), without repeats', () => {
    const tx2 = Object.keys(parseDeviceTable(JSON.parse(readFileSync('public/luts/jetson-tx2.json', 'utf8'))).entries);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(tx2.filter((k) => !k.startsWith('SE2-')).sort());
  });

  it('price every random network of the space', () => {
    const entries = Object.fromEntries(keys.map((k) => [k, { latencyMs: 1, energyMj: 1, status: 'measured' as const }]));
    const table = parseDeviceTable({ schema: 'harmonic-nas-device-table/1', id: 'all-ones', name: 'ones', source: { citation: 'test' }, units: { latency: 'ms', energy: 'mJ' }, entries });
    const rng = new Rng(3);
    for (let i = 0; i < 300; i++) {
      const cost = networkCost(table, { image: sampleGenome(rng), audio: sampleGenome(rng), fusionOps: [rng.pick(FUSION_OPS), rng.pick(FUSION_OPS)] });
      expect(cost.latencyMs).toBeGreaterThan(0);
    }
  });
});
