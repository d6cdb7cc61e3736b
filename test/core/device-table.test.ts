import { describe, expect, it } from 'vitest';
import { DeviceTableError, parseDeviceIndex, parseDeviceTable } from '../../src/core/device-table';

const valid = () => ({
  schema: 'harmonic-nas-device-table/1',
  id: 'test-board',
  name: 'Test board',
  source: { citation: 'Someone et al. 2024', url: 'https://example.org' },
  units: { latency: 'ms', energy: 'mJ' },
  entries: {
    'Sum-input:1_192_16-N:1-C:192-L:16': { latencyMs: 0.06, energyMj: 0.3, status: 'measured' },
    'SE1-input:1_192_16-N:1-C:192-L:16': { latencyMs: 0.4, energyMj: 0.7, status: 'estimated' },
  },
});

describe('device table schema', () => {
  it('parses a valid table from an object or its JSON text', () => {
    const t = parseDeviceTable(valid());
    expect(t.id).toBe('test-board');
    expect(t.entries['SE1-input:1_192_16-N:1-C:192-L:16']).toEqual({ latencyMs: 0.4, energyMj: 0.7, status: 'estimated' });
    expect(parseDeviceTable(JSON.stringify(valid()))).toEqual(t);
  });

  it('rejects malformed tables with clear errors', () => {
    const bad = (patch: (t: Record<string, any>) => void) => {
      const t: Record<string, any> = valid();
      patch(t);
      return () => parseDeviceTable(t);
    };
    expect(bad((t) => (t.schema = 'v0'))).toThrow('device table schema "v0": expected "harmonic-nas-device-table/1"');
    expect(bad((t) => delete t.source.citation)).toThrow(/source\.citation must be a non-empty string/);
    expect(bad((t) => (t.units.energy = 'J'))).toThrow(/units must be \{"latency": "ms", "energy": "mJ"\}/);
    expect(bad((t) => (t.id = 'Bad Id'))).toThrow(/lowercase letters/);
    expect(bad((t) => (t.entries['Sum-input:1_192_16-N:1-C:192-L:16'].status = 'guessed'))).toThrow(
      /entry "Sum-input:1_192_16-N:1-C:192-L:16" status "guessed": allowed "measured", "estimated"/,
    );
    expect(bad((t) => (t.entries['Sum-input:1_192_16-N:1-C:192-L:16'].latencyMs = -1))).toThrow(/latencyMs must be a finite number ≥ 0/);
    expect(bad((t) => (t.entries['Sum-input:1_192_16-N:1-C:192-L:16'].energyMj = '0.3'))).toThrow(/energyMj must be a finite number/);
    expect(bad((t) => (t.entries = {}))).toThrow(/has no entries/);
    expect(() => parseDeviceTable('{oops')).toThrow(DeviceTableError);
  });

  it('parses the device index', () => {
    const idx = parseDeviceIndex({ schema: 'harmonic-nas-device-index/1', devices: [{ id: 'a', name: 'A', file: 'a.json' }] });
    expect(idx.devices).toEqual([{ id: 'a', name: 'A', file: 'a.json' }]);
    expect(() => parseDeviceIndex({ devices: [] })).toThrow(DeviceTableError);
  });
});
