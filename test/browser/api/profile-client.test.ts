// Runs in headless Chromium: the profiling worker times a tiny set of layer shapes on wasm and
// returns a valid device table (the Jetson schema, latency measured, energy unknown), which the
// IndexedDB store keeps and the device index then offers as "this browser"; the prediction
// check on it returns finite statistics.
import { afterAll, describe, expect, it } from 'vitest';
import { ProfileClient } from '../../../src/api/profile-client';
import { parseDeviceTable } from '../../../src/core/device-table';
import { BROWSER_DEVICE_ID, deleteBrowserTable, loadBrowserTable, saveBrowserTable } from '../../../src/data/browser-table';
import { loadDeviceIndex, loadDeviceTable } from '../../../src/data/device-tables';

const KEYS = [
  'Sum-input:1_192_16-N:1-C:192-L:16',
  'ConvLayer-input:1_1_20_20-in_ch:1-out_ch:16-kernel:3-stride:2-use_se:0-use_bn:1',
  'MBConvLayer-input:1_24_5_5-in_ch:24-out_ch:24-mid_ch:72-expand:3-kernel:5-stride:1-use_se:0',
];

describe('the profiling worker', () => {
  const client = new ProfileClient('wasm');
  afterAll(async () => {
    client.terminate();
    await deleteBrowserTable();
  });

  it('profiles a tiny set of shapes into a valid table that becomes a device', async () => {
    expect((await client.backend()).name).toBe('wasm');
    const progress: number[] = [];
    const { table } = await client.profile({ keys: KEYS, warmup: 1, repeats: 3 }, (p) => progress.push(p.done));
    expect(progress).toEqual([1, 2, 3]);
    const checked = parseDeviceTable(table);
    expect(checked.name).toMatch(/^This browser \(wasm/);
    expect(checked.energyUnknown).toBe(true);
    expect(Object.keys(checked.entries)).toEqual(KEYS);
    expect(Object.values(checked.entries).every((e) => e.latencyMs > 0 && e.energyMj === 0 && e.status === 'measured')).toBe(true);

    await saveBrowserTable(checked);
    expect(await loadBrowserTable()).toEqual(checked);
    const devices = await loadDeviceIndex();
    const entry = devices.find((d) => d.id === BROWSER_DEVICE_ID);
    expect(entry?.name).toBe(checked.name);
    expect(await loadDeviceTable(entry!)).toEqual(checked);
    await deleteBrowserTable();
    expect((await loadDeviceIndex()).some((d) => d.id === BROWSER_DEVICE_ID)).toBe(false);
  });

  it('runs the prediction check on a full table', async () => {
    const { table } = await client.profile({ warmup: 1, repeats: 2 });
    const done: number[] = [];
    const check = await client.predictionCheck(table, 4, 1, (d) => done.push(d));
    expect(done).toEqual([1, 2, 3, 4]);
    expect(check.points).toHaveLength(4);
    expect(Number.isFinite(check.kendallTau)).toBe(true);
    expect(check.mapePct).toBeGreaterThanOrEqual(0);
  });
});
