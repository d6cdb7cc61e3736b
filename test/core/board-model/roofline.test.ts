// The estimated-board model: workloads read from layer keys, a fit that recovers known
// coefficients, and the shipped estimated tables reproduced from the measured ones, with the
// model's stated error — on the tables it was fitted on and leaving each board out — true.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { layerWorkload } from '../../../src/core/board-model/layer-workload';
import { fitLatency, fitRoofline, latencyTerms, predictLatencyMs, samplesOf, tableError, estimatedEntries } from '../../../src/core/board-model/roofline';
import { BOARD_SPECS } from '../../../src/core/board-model/board-specs';
import { estimatedTable } from '../../../src/core/board-model/estimated-table';
import { mbconvMacs } from '../../../src/core/lessons/latency-vs-macs';
import { parseDeviceTable } from '../../../src/core/device-table';

const table = (id: string) => parseDeviceTable(JSON.parse(readFileSync(`public/luts/${id}.json`, 'utf8')));
const measured = ['jetson-tx2', 'jetson-agx-xavier'].map((id) => ({ table: table(id), spec: BOARD_SPECS[id] }));

describe('layerWorkload', () => {
  it('counts an MBConv block as twice its multiply-accumulates, and its kernels', () => {
    const key = 'MBConvLayer-input:1_24_7_7-in_ch:24-out_ch:24-mid_ch:96-expand:4-kernel:5-stride:1-use_se:0';
    const w = layerWorkload(key);
    expect(w.flops).toBe(2 * mbconvMacs(key));
    expect(w.kernels).toBe(9); // expand ×3, depthwise ×3, project ×2, residual add
    expect(layerWorkload('MBConvLayer-input:1_16_14_14-in_ch:16-out_ch:24-mid_ch:48-expand:3-kernel:3-stride:2-use_se:0').kernels).toBe(8);
  });

  it('reads convolutions, the linear head and the fusion operators', () => {
    const stem = layerWorkload('ConvLayer-input:1_1_28_28-in_ch:1-out_ch:16-kernel:3-stride:2-use_se:0-use_bn:1');
    expect(stem.flops).toBe(2 * 14 * 14 * 1 * 16 * 9);
    expect(stem.kernels).toBe(3);
    expect(layerWorkload('LinearLayer-input:80-in_ch:80-out_ch:10')).toEqual({ flops: 1600, bytes: 4 * (80 + 10 + 800), kernels: 1 });
    expect(layerWorkload('Sum-input:1_192_16-N:1-C:192-L:16')).toEqual({ flops: 3072, bytes: 4 * 3 * 3072, kernels: 1 });
    expect(layerWorkload('ScaleDotAttn-input:1_192_16-N:1-C:192-L:16').kernels).toBe(6);
    expect(() => layerWorkload('Foo-input:1_192_16-N:1-C:192-L:16')).toThrow(/unknown fusion operator/);
    for (const key of Object.keys(measured[0].table.entries)) {
      const w = layerWorkload(key);
      expect(w.flops > 0 && w.bytes > 0 && w.kernels >= 1).toBe(true);
    }
  });
});

describe('fitting', () => {
  it('recovers the coefficients of noiseless data', () => {
    const truth = [0.2, 3, 7] as const;
    const rows = Array.from({ length: 12 }, (_, i) => {
      const terms: [number, number, number] = [1 + (i % 3), 0.1 * (i + 1), 0.05 * ((i * 7) % 5) + 0.01];
      return { terms, y: truth[0] * terms[0] + truth[1] * terms[1] + truth[2] * terms[2] };
    });
    const x = fitLatency(rows);
    x.forEach((v, i) => expect(v).toBeCloseTo(truth[i], 9));
  });

  it('keeps every coefficient non-negative', () => {
    const c = fitRoofline(measured.flatMap((m) => samplesOf(m.table, m.spec)));
    expect(Object.values(c).every((v) => v >= 0)).toBe(true);
    // the launch term carries most of a batch-1 layer's latency on these boards
    const w = layerWorkload('MBConvLayer-input:1_24_7_7-in_ch:24-out_ch:24-mid_ch:96-expand:4-kernel:5-stride:1-use_se:0');
    const [l] = latencyTerms(w, BOARD_SPECS['jetson-tx2']);
    expect(c.launch * l).toBeGreaterThan(0.5 * predictLatencyMs(w, BOARD_SPECS['jetson-tx2'], c));
  });
});

describe('the shipped estimated tables', () => {
  for (const id of ['jetson-nano', 'raspberry-pi-4']) {
    it(`${id}: rebuilt from the measured tables, and its stated errors hold`, () => {
      const shipped = table(id);
      const rebuilt = estimatedTable(BOARD_SPECS[id], measured);
      expect(rebuilt).toEqual(shipped);
      const e = shipped.estimate!;
      // on the tables it was fitted on, the model is within its stated error
      for (const m of measured) {
        const err = tableError({ ...m.table, entries: estimatedEntries(Object.keys(m.table.entries), m.spec, e.coefficients) }, m.table);
        const stated = e.fitError.find((f) => f.board === m.spec.id)!;
        expect(err.networkLatencyMape).toBeLessThanOrEqual(stated.networkLatencyMape + 1e-9);
        expect(err.entryLatencyMape).toBeLessThanOrEqual(stated.entryLatencyMape + 1e-9);
      }
      // leave one board out: each measured board predicted from the other
      expect(e.leaveOneBoardOut.map((l) => [l.board, l.fittedOn])).toEqual([
        ['jetson-tx2', ['jetson-agx-xavier']],
        ['jetson-agx-xavier', ['jetson-tx2']],
      ]);
      for (const l of e.leaveOneBoardOut) expect(Number.isFinite(l.networkLatencyMape) && l.networkLatencyMape > 0).toBe(true);
    });
  }
});
