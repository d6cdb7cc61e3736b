// The cost CLI's report: totals and per-part, per-layer breakdowns from the shipped tables.
import { describe, expect, it } from 'vitest';
import { costReport, round3 } from '../../src/core/cost-report';
import { MissingLayerError } from '../../src/core/cost-model';
import { parseGenome } from '../../src/core/genome';
import type { DeviceTable } from '../../src/core/device-table';
import { shippedTable } from './luts';

const frugal = { image: parseGenome('k5557e3643d2'), audio: parseGenome('k3375e3336d2') };

describe('cost report', () => {
  it('prices the "most frugal" network with totals and per-part, per-layer breakdowns', () => {
    const out = costReport(shippedTable('jetson-tx2'), { ...frugal, fusionOps: ['ConcatFC', 'CatConvMish'] });
    expect(out.device).toBe('jetson-tx2');
    expect(out.deviceName).toBe('NVIDIA Jetson TX2');
    expect(out.units).toEqual({ latency: 'ms', energy: 'mJ' });
    expect([out.latencyMs, out.energyMj]).toEqual([9.117, 13.886]);
    expect(out.image.genome).toBe('k5557e3643d2');
    expect(out.image.layers).toHaveLength(7);
    expect(out.audio.layers[0].key).toContain('1_1_20_20');
    expect(out.fusion.ops).toEqual(['ConcatFC', 'CatConvMish']);
    expect(out.fusion.layers.map((l) => l.latencyMs)).toEqual([0.522, 0.617]);
    expect(out.image.latencyMs + out.audio.latencyMs + out.fusion.latencyMs).toBeCloseTo(out.latencyMs, 2);
    expect(out.source).toContain('arXiv:2309.06612');
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('handles no fusion, repeated operators and the AGX table', () => {
    const tx2 = shippedTable('jetson-tx2');
    const none = costReport(tx2, { ...frugal, fusionOps: [] });
    expect(none.fusion).toEqual({ ops: [], latencyMs: 0, energyMj: 0, layers: [] });
    expect(none.latencyMs).toBe(7.978);
    const rep = costReport(tx2, { ...frugal, fusionOps: ['Sum', 'Sum'] });
    expect(rep.fusion.layers).toHaveLength(2);
    expect(rep.fusion.latencyMs).toBe(0.119);
    const agx = costReport(shippedTable('jetson-agx-xavier'), { ...frugal, fusionOps: [] });
    expect(agx.device).toBe('jetson-agx-xavier');
    expect(agx.latencyMs).not.toBe(none.latencyMs);
  });

  it('throws for a layer the table lacks', () => {
    const tx2 = shippedTable('jetson-tx2');
    const broken: DeviceTable = { ...tx2, entries: {} };
    expect(() => costReport(broken, { ...frugal, fusionOps: [] })).toThrow(MissingLayerError);
  });

  it('rounds to 3 decimals', () => {
    expect(round3(1.23456)).toBe(1.235);
    expect(round3(0.0004)).toBe(0);
  });
});
