// The table loader fetches the index and each table, validates them, and names the file that failed.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDeviceIndex, loadDeviceTable } from '../../src/data/device-tables';

function fakeFetch(files: Record<string, string>): typeof fetch {
  return (async (url: string) => {
    const name = String(url).replace(/^\.\/luts\//, '');
    if (!(name in files)) return new Response('not found', { status: 404 });
    return new Response(files[name], { status: 200 });
  }) as typeof fetch;
}

const shipped = (f: string) => readFileSync(`public/luts/${f}`, 'utf8');

describe('device table loader', () => {
  it('loads the shipped index and tables', async () => {
    const fetchFn = fakeFetch({ 'index.json': shipped('index.json'), 'jetson-tx2.json': shipped('jetson-tx2.json') });
    const index = await loadDeviceIndex('./luts/', fetchFn);
    const tx2 = index.find((d) => d.id === 'jetson-tx2')!;
    const table = await loadDeviceTable(tx2, './luts/', fetchFn);
    expect(table.id).toBe('jetson-tx2');
    expect(Object.keys(table.entries).length).toBe(51);
  });

  it('names a missing or corrupt file', async () => {
    const fetchFn = fakeFetch({ 'index.json': shipped('index.json'), 'jetson-tx2.json': '{"schema": "nope"' });
    await expect(loadDeviceTable({ id: 'x', name: 'X', file: 'missing.json' }, './luts/', fetchFn)).rejects.toThrow(
      /missing\.json: HTTP 404/,
    );
    await expect(loadDeviceTable({ id: 'jetson-tx2', name: 'TX2', file: 'jetson-tx2.json' }, './luts/', fetchFn)).rejects.toThrow(
      /jetson-tx2\.json is not valid JSON/,
    );
    await expect(loadDeviceIndex('./luts/', fakeFetch({ 'index.json': '{}' }))).rejects.toThrow(/no "devices" list/);
  });
});
