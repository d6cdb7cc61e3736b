// The state classes behind the Data view, the supernet provenance and the run-time estimate,
// on the shipped files served by the test server: the dataset's class balance per split adds up
// to the manifest's split sizes; a missing dataset gives an error and no data; the provenance
// reads both training records (accuracies above the targets, the recorded command) and the
// split sizes, and names a missing record; the estimate holds only for its backend and device.
import { describe, expect, it } from 'vitest';
import { DatasetState } from '../../../src/state/dataset.svelte';
import { SupernetProvenanceState } from '../../../src/state/supernet-provenance.svelte';
import { RunEstimateState, trainSamplesOf } from '../../../src/state/run-estimate.svelte';
import { presetSettings } from '../../../src/core/search/settings';
import type { SearchClient } from '../../../src/api/search-client';

describe('DatasetState', () => {
  it('loads the demo set and tabulates its classes per split', async () => {
    const s = new DatasetState('/data/avmnist/');
    await s.load();
    expect(s.error).toBeNull();
    const m = s.data!.manifest;
    expect(s.balance).toHaveLength(m.classes);
    for (const [i, split] of (['train', 'val', 'test'] as const).entries()) {
      expect(s.balance.reduce((n, c) => n + c.counts[i], 0)).toBe(m.splits[split]);
    }
    expect(s.perClass!.train).toBe(m.splits.train / m.classes);
    expect(s.fileUrl('clips/x.wav')).toContain('/data/avmnist/clips/x.wav');
  });

  it('reports a missing dataset and keeps no data', async () => {
    const s = new DatasetState('/nowhere/');
    await s.load((async () => new Response(null, { status: 404 })) as typeof fetch);
    expect(s.data).toBeNull();
    expect(s.error).toMatch(/manifest\.json.*404/);
    expect(s.balance).toEqual([]);
  });
});

describe('SupernetProvenanceState', () => {
  it('summarises both shipped training records and the split sizes', async () => {
    const s = new SupernetProvenanceState();
    await s.load('/');
    for (const m of ['image', 'audio'] as const) {
      const e = s.entry(m);
      expect(e && 'record' in e).toBe(true);
      if (!e || !('record' in e)) continue;
      expect(e.underTrained).toBe(false);
      // the test figures are the record's own for the largest and smallest genomes (either may be the higher)
      expect(e.largest).toBe(e.record.accuracyPercent['k7777e6666d4'].test);
      expect(e.smallest).toBe(e.record.accuracyPercent['k3333e3333d2'].test);
      expect(e.command).toMatch(/^npm run train-supernet-node -- /);
    }
    expect(s.splits).toEqual({ train: 900, val: 150, test: 450 });
  });

  it('names a record it cannot read', async () => {
    const fake = (async (url: RequestInfo | URL) =>
      String(url).includes('avmnist-audio') ? new Response(null, { status: 404 }) : fetch(url)) as typeof fetch;
    const s = new SupernetProvenanceState();
    await s.load('/', fake);
    const audio = s.entry('audio');
    expect(audio && 'error' in audio && audio.error).toMatch(/avmnist-audio.*404/);
    expect(s.entry('image') && 'record' in s.entry('image')!).toBe(true);
  });
});

describe('RunEstimateState', () => {
  const units = { backboneS: 0.4, searchEpochS: 0.7, retrainEpochS: 0.1, pairOverheadS: 1, measuredTrainSamples: 96 };
  const client = (fail = false) =>
    ({ calibrate: async () => { if (fail) throw new Error('no backend'); return { units, seconds: 1.5, trainSamples: 900, backend: 'wasm' }; } }) as unknown as SearchClient;

  it('estimates only for the backend choice and device it measured', async () => {
    const s = new RunEstimateState();
    const quick = presetSettings('quick');
    expect(s.for(quick, 'auto')).toBeNull();
    await s.calibrate(quick, 'auto', client());
    const e = s.for(quick, 'auto')!;
    expect(e.lowS).toBeGreaterThan(0);
    expect(e.highS).toBeGreaterThan(e.lowS);
    expect(s.for(quick, 'cpu')).toBeNull();
    expect(s.for({ ...quick, device: 'jetson-agx-xavier' }, 'auto')).toBeNull();
    expect(s.for(presetSettings('demo'), 'auto')!.highS).toBeGreaterThan(e.highS);
    expect(trainSamplesOf({ ...quick, trainSubset: 0 }, 900)).toBe(900);
    expect(trainSamplesOf({ ...quick, trainSubset: 450 }, 900)).toBe(450);
  });

  it('says when the calibration failed', async () => {
    const s = new RunEstimateState();
    await s.calibrate(presetSettings('quick'), 'auto', client(true));
    expect(s.error).toBe('The calibration failed: no backend');
    expect(s.calibrating).toBe(false);
    expect(s.for(presetSettings('quick'), 'auto')).toBeNull();
  });
});
