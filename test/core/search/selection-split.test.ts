// The split a run chose on is recorded and drives the objectives: by default validation; in the
// opt-in paper-faithful mode test (as the reference code does), which the entry, the front and
// the export then say — the validation figure stays the real validation accuracy.
import { describe, expect, it } from 'vitest';
import { archiveFront, makeEntry, objectiveVector } from '../../../src/core/search/archive';
import { checkAccuracies, selectionAccuracy } from '../../../src/core/search/evaluator';
import { parseCsv, archiveCsv, exportJson } from '../../../src/core/search/export';
import { parseGenome } from '../../../src/core/genome';
import { presetSettings } from '../../../src/core/search/settings';
import { hypervolumeReference } from '../../../src/core/search/archive';
import { loadTable } from './fake-evaluator';

const table = loadTable('jetson-tx2');
const image = parseGenome('k5557e3643d2');
const audio = parseGenome('k3375e3336d2');
const macro = { cells: 1, nodes: 1 };
const genotype = { cells: [{ inputs: [0, 4] as [number, number], ops: ['ConcatFC' as const] }] };

describe('selection split', () => {
  it('defaults to validation and drives the error objective from the chosen split', () => {
    const v = makeEntry(table, 0, 0, image, audio, macro, { genotype, fusionOps: ['ConcatFC'], valAccuracy: 90, testAccuracy: 80 });
    const t = makeEntry(table, 1, 0, image, audio, macro, { genotype, fusionOps: ['ConcatFC'], valAccuracy: 90, testAccuracy: 80, selectionSplit: 'test' });
    expect(v.selectionSplit).toBe('val');
    expect(t.selectionSplit).toBe('test');
    expect(objectiveVector(v, ['error'])).toEqual([10]);
    expect(objectiveVector(t, ['error'])).toEqual([20]);
    expect(selectionAccuracy(t)).toBe(80);
    expect(t.valAccuracy).toBe(90);
    // an old checkpoint's entry without the field chooses on validation
    const { selectionSplit: _gone, ...old } = v;
    expect(objectiveVector(old, ['error'])).toEqual([10]);
    expect(() => checkAccuracies('x', { valAccuracy: 1, testAccuracy: 1, selectionSplit: 'train' as never })).toThrow(/selectionSplit/);
  });

  it('the front and the export follow the chosen split', () => {
    const a = makeEntry(table, 0, 0, image, audio, macro, { genotype, fusionOps: ['ConcatFC'], valAccuracy: 95, testAccuracy: 80, selectionSplit: 'test' });
    const b = makeEntry(table, 1, 0, image, audio, macro, { genotype, fusionOps: ['ConcatFC'], valAccuracy: 85, testAccuracy: 90, selectionSplit: 'test' });
    expect(archiveFront([a, b], ['error', 'latency', 'energy']).map((e) => e.id)).toEqual([1]);
    const settings = { ...presetSettings('quick'), paperFaithful: true };
    const result = { kind: 'evolution' as const, settings, device: 'jetson-tx2', reference: hypervolumeReference(table, settings.objectives), archive: [a, b], front: [b], history: [], totals: { backboneEvaluations: 0, fusionSearches: 2, cacheHits: 0 } };
    const json = JSON.parse(exportJson(result));
    expect(json.front[0]).toMatchObject({ selectionSplit: 'test', selectionAccuracy: 90, valAccuracy: 85, testAccuracy: 90 });
    const rows = parseCsv(archiveCsv(result));
    const col = rows[0].indexOf('selection_split');
    expect(rows.slice(1).map((r) => r[col])).toEqual(['test', 'test']);
  });
});
