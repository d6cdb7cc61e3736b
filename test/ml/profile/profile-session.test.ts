// The profiling service on tfjs cpu: a tiny set of layers gives a valid table (same schema,
// latency measured, energy unknown), every layer kind of the space can be built alone, and the
// prediction check compares table sums with extracted networks — without leaking tensors.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { ProfileSession } from '../../../src/ml/profile/profile-session';
import { layerRunner } from '../../../src/ml/profile/layer-runner';
import { searchSpaceLayerKeys } from '../../../src/core/layer-keys';
import { parseDeviceTable } from '../../../src/core/device-table';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('layerRunner', () => {
  it('builds every layer the search space needs, with the output shape its key says', () => {
    for (const key of searchSpaceLayerKeys()) {
      const before = tf.memory().numTensors;
      const r = layerRunner(key);
      const y = r.forward();
      if (key.startsWith('ConvLayer-input:1_1_28_28')) expect(y.shape).toEqual([1, 14, 14, 16]);
      if (key.startsWith('MBConvLayer-input:1_16_14_14') && key.includes('stride:2')) expect(y.shape).toEqual([1, 7, 7, 24]);
      if (key.startsWith('LinearLayer')) expect(y.shape).toEqual([1, 10]);
      if (key.includes('-C:192-L:16')) expect(y.shape).toEqual([1, 16, 192]);
      y.dispose();
      r.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
    expect(() => layerRunner('SE2-input:1_192_16-N:1-C:192-L:16')).toThrow(/cannot build/);
  });
});

describe('ProfileSession', () => {
  it('times a tiny set of layers into a valid table with unknown energy', async () => {
    const s = new ProfileSession();
    await s.init('cpu');
    const keys = ['Sum-input:1_192_16-N:1-C:192-L:16', 'ConvLayer-input:1_1_20_20-in_ch:1-out_ch:16-kernel:3-stride:2-use_se:0-use_bn:1'];
    const seen: string[] = [];
    const r = await s.profile({ keys, warmup: 1, repeats: 3 }, { onLayer: (p) => seen.push(`${p.done}/${p.total}`) });
    expect(seen).toEqual(['1/2', '2/2']);
    const table = parseDeviceTable(JSON.parse(JSON.stringify(r.table)));
    expect(table.id).toBe('this-browser');
    expect(table.name).toBe('This browser (cpu)');
    expect(table.energyUnknown).toBe(true);
    expect(Object.keys(table.entries)).toEqual(keys);
    for (const e of Object.values(table.entries)) {
      expect(e.status).toBe('measured');
      expect(e.latencyMs).toBeGreaterThan(0);
      expect(e.energyMj).toBe(0);
    }
    expect(r.numTensorsAfter).toBe(r.numTensorsBefore);
  });

  it('checks table sums against extracted networks, and can be cancelled', async () => {
    const s = new ProfileSession();
    await s.init('cpu');
    const { table } = await s.profile({ warmup: 0, repeats: 1 });
    const before = tf.memory().numTensors;
    const check = await s.predictionCheck({ table, subnets: 4, seed: 2, warmup: 0, repeats: 1 });
    expect(tf.memory().numTensors).toBe(before);
    expect(check.points.map((p) => p.modality)).toEqual(['image', 'audio', 'image', 'audio']);
    for (const p of check.points) expect(p.predictedMs > 0 && p.measuredMs > 0).toBe(true);
    expect(check.kendallTau).toBeGreaterThanOrEqual(-1);
    expect(check.kendallTau).toBeLessThanOrEqual(1);
    expect(check.mapePct).toBeGreaterThanOrEqual(0);

    const cancelling = s.profile({ warmup: 0, repeats: 1 }, { onLayer: () => s.cancel() });
    await expect(cancelling).rejects.toThrow(/cancelled/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
