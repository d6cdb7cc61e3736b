import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOARDS, buildLutFiles, CITATION, ESTIMATED_BOARDS } from '../../scripts/build-luts';
import { parseDeviceIndex, parseDeviceTable } from '../../src/core/device-table';
import { REFERENCE_LUTS, REPO_ROOT, referenceLut } from '../core/luts';

const shipped = (name: string) => readFileSync(resolve(REPO_ROOT, 'public/luts', name), 'utf8');

describe('build-luts', () => {
  const fresh = buildLutFiles(REFERENCE_LUTS);

  it('ships exactly what a fresh build from the reference produces', () => {
    expect(Object.keys(fresh).sort()).toEqual(['index.json', 'jetson-agx-xavier.json', 'jetson-nano.json', 'jetson-tx2.json', 'raspberry-pi-4.json']);
    for (const [name, content] of Object.entries(fresh)) expect(shipped(name)).toBe(content);
    expect(buildLutFiles(REFERENCE_LUTS)).toEqual(fresh);
  });

  it('writes valid, cited, all-measured tables with every reference value parsed to a number', () => {
    const index = parseDeviceIndex(shipped('index.json'));
    expect(index.devices.map((d) => d.id)).toEqual(['jetson-tx2', 'jetson-agx-xavier', 'jetson-nano', 'raspberry-pi-4']);
    for (const board of BOARDS) {
      const table = parseDeviceTable(shipped(`${board.id}.json`));
      expect(table.source.citation).toBe(CITATION);
      expect(table.source.citation).toContain('arXiv:2309.06612');
      expect(table.source.url).toContain('Mohamed-Imed-Eddine/Harmonic-NAS');
      const backbone = referenceLut(`lut_ofa_mnist_${board.suffix}.json`);
      const fusion = referenceLut(`lut_fusion_${board.suffix}.json`);
      expect(Object.keys(table.entries).length).toBe(44 + 7);
      for (const [key, v] of Object.entries({ ...backbone, ...fusion })) {
        expect(table.entries[key]).toEqual({ latencyMs: Number(v.lat), energyMj: Number(v.enrg), status: 'measured' });
      }
      expect(table.entries['SE2-input:1_192_16-N:1-C:192-L:16']).toBeDefined();
    }
  });

  it('labels the estimated boards as estimated everywhere: name, every entry, source, metadata', () => {
    for (const id of ESTIMATED_BOARDS) {
      const table = parseDeviceTable(shipped(`${id}.json`));
      expect(table.name).toMatch(/\(estimated\)$/);
      expect(Object.values(table.entries).every((e) => e.status === 'estimated')).toBe(true);
      expect(Object.keys(table.entries).sort()).toEqual(Object.keys(parseDeviceTable(shipped('jetson-tx2.json')).entries).sort());
      expect(table.source.citation).toMatch(/^Estimated/);
      expect(table.estimate!.fittedOn).toEqual(['jetson-tx2', 'jetson-agx-xavier']);
      expect(table.estimate!.leaveOneBoardOut.map((l) => l.board)).toEqual(['jetson-tx2', 'jetson-agx-xavier']);
      expect(table.estimate!.spec.sources.length).toBeGreaterThan(0);
    }
  });
});
