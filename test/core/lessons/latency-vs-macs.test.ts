import { describe, expect, it } from 'vitest';
import { mbconvMacs, secondBlockVariants } from '../../../src/core/lessons/latency-vs-macs';
import { loadTable } from '../search/fake-evaluator';

describe('latency vs MACs', () => {
  it('counts an MBConv block from its key', () => {
    // 7×7 input, 24→144→24, 3×3 depthwise, stride 1: 49·24·144 + 49·144·9 + 49·144·24
    const key = 'MBConvLayer-input:1_24_7_7-in_ch:24-out_ch:24-mid_ch:144-expand:6-kernel:3-stride:1-use_se:0';
    expect(mbconvMacs(key)).toBe(49 * 24 * 144 + 49 * 144 * 9 + 49 * 144 * 24);
    expect(() => mbconvMacs('ConvLayer-input:1_1_28_28')).toThrow(/not an MBConv/);
  });

  it('prices the nine variants of the second block from the table', () => {
    const table = loadTable('jetson-tx2');
    const v = secondBlockVariants(table);
    expect(v).toHaveLength(9);
    for (const x of v) {
      expect(table.entries[x.key].latencyMs).toBe(x.latencyMs);
      expect(x.macs).toBeGreaterThan(0);
    }
    // more kernel or expand means more MACs
    const macs = (k: number, e: number) => v.find((x) => x.kernel === k && x.expand === e)!.macs;
    expect(macs(7, 6)).toBeGreaterThan(macs(3, 6));
    expect(macs(3, 6)).toBeGreaterThan(macs(3, 3));
  });
});
