import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../src/core/search/archive';
import { SearchEngine } from '../../../src/core/search/engine';
import { presetSettings } from '../../../src/core/search/settings';
import { CSV_COLUMNS, archiveCsv, exportJson, frontCsv, parseCsv } from '../../../src/core/search/export';
import { genomeKey, parseGenome } from '../../../src/core/genome';
import { parseFusionOps } from '../../../src/core/fusion-genotype';
import { FakeEvaluator, loadTable } from './fake-evaluator';

describe('export of front and archive', () => {
  let result: SearchResult;
  beforeAll(async () => {
    const engine = new SearchEngine(presetSettings('quick', { generations: 2, seed: 3 }), new FakeEvaluator(), loadTable('jetson-tx2'));
    await engine.run();
    result = engine.result();
  });

  it('JSON parses back to the same networks', () => {
    const json = JSON.parse(exportJson(result));
    expect(json.schema).toBe('harmonic-nas-search-result/1');
    expect(json.archive).toHaveLength(result.archive.length);
    expect(json.front.map((r: { id: number }) => r.id)).toEqual(result.front.map((e) => e.id));
    json.archive.forEach((row: Record<string, unknown>, i: number) => {
      const e = result.archive[i];
      expect(row.image).toBe(genomeKey(e.image));
      expect(parseGenome(row.audio as string)).toEqual(e.audio);
      expect(row.fusion).toBe(e.fusionOps.join(','));
      expect(row).toMatchObject({ valAccuracy: e.valAccuracy, testAccuracy: e.testAccuracy, latencyMs: e.latencyMs, energyMj: e.energyMj });
    });
    expect(json.reference.point).toEqual(result.reference.point);
  });

  it('CSV has a header row, quoted fusion ops, and parses back', () => {
    const text = archiveCsv(result);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(result.archive.length + 1);
    const multi = result.archive.find((e) => e.fusionOps.length > 1)!;
    expect(text).toContain(`"${multi.fusionOps.join(',')}"`);
    rows.slice(1).forEach((r, i) => {
      const e = result.archive[i];
      const rec = Object.fromEntries(CSV_COLUMNS.map((c, j) => [c, r[j]]));
      expect(rec.image).toBe(genomeKey(e.image));
      expect(parseFusionOps(rec.fusion_ops)).toEqual(e.fusionOps);
      expect(Number(rec.val_accuracy_pct)).toBe(e.valAccuracy);
      expect(Number(rec.latency_ms)).toBe(e.latencyMs);
      expect(Number(rec.energy_mj)).toBe(e.energyMj);
      expect(rec.on_front).toBe(result.front.some((f) => f.id === e.id) ? '1' : '0');
    });
    expect(parseCsv(frontCsv(result))).toHaveLength(result.front.length + 1);
    expect(parseCsv('a,"b ""q"", c"\r\n1,2\n')).toEqual([['a', 'b "q", c'], ['1', '2']]);
  });
});
