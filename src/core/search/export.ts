// Export of a search's Pareto front and archive as JSON and CSV.
// Genomes are written as canonical strings (`k5733e6433d2`), fusion operators comma-joined
// (inside quotes in CSV). Accuracies in %, latency in ms, energy in mJ. `parseCsv` reads a CSV
// back (for tests and scripts).

import { DEMO_DATASET_NAME } from './settings';
import type { FusionGenotype, FusionOp } from '../types';
import { genomeKey } from '../genome';
import { formatFusionOps } from '../fusion-genotype';
import type { ArchiveEntry, SearchResult } from './archive';
import { selectionAccuracy } from './evaluator';

export const EXPORT_SCHEMA = 'harmonic-nas-search-result/1';

/** One network as exported. */
export interface ExportRow {
  id: number;
  generation: number;
  image: string;
  audio: string;
  cells: number;
  nodes: number;
  /** Operators comma-joined, e.g. `ConcatFC,SE1`. */
  fusion: string;
  fusionOps: FusionOp[];
  genotype: FusionGenotype;
  /** Validation accuracy, %. */
  valAccuracy: number;
  /** Test accuracy, % (reported only, unless selectionSplit is test). */
  testAccuracy: number;
  /** The split whose accuracy drove the search ('test' only in paper-faithful mode). */
  selectionSplit: 'val' | 'test';
  /** That accuracy, %. */
  selectionAccuracy: number;
  latencyMs: number;
  energyMj: number;
  onFront: boolean;
}

export interface SearchExport {
  schema: typeof EXPORT_SCHEMA;
  kind: SearchResult['kind'];
  /** The dataset's name (the demo set: 'AV-MNIST demo'). */
  dataset: string;
  device: string;
  settings: SearchResult['settings'];
  reference: SearchResult['reference'];
  totals: SearchResult['totals'];
  history: SearchResult['history'];
  front: ExportRow[];
  archive: ExportRow[];
}

function toRow(e: ArchiveEntry, frontIds: ReadonlySet<number>): ExportRow {
  return {
    id: e.id,
    generation: e.generation,
    image: genomeKey(e.image),
    audio: genomeKey(e.audio),
    cells: e.macro.cells,
    nodes: e.macro.nodes,
    fusion: formatFusionOps(e.fusionOps),
    fusionOps: [...e.fusionOps],
    genotype: JSON.parse(JSON.stringify(e.genotype)) as FusionGenotype,
    valAccuracy: e.valAccuracy,
    testAccuracy: e.testAccuracy,
    selectionSplit: e.selectionSplit ?? 'val',
    selectionAccuracy: selectionAccuracy(e),
    latencyMs: e.latencyMs,
    energyMj: e.energyMj,
    onFront: frontIds.has(e.id),
  };
}

export function exportRows(result: SearchResult): { front: ExportRow[]; archive: ExportRow[] } {
  const frontIds = new Set(result.front.map((e) => e.id));
  return {
    front: result.front.map((e) => toRow(e, frontIds)),
    archive: result.archive.map((e) => toRow(e, frontIds)),
  };
}

export function toExport(result: SearchResult): SearchExport {
  const rows = exportRows(result);
  return {
    schema: EXPORT_SCHEMA,
    kind: result.kind,
    dataset: result.datasetName ?? DEMO_DATASET_NAME,
    device: result.device,
    settings: result.settings,
    reference: result.reference,
    totals: result.totals,
    history: result.history,
    ...rows,
  };
}

/** The whole result (settings, reference point, history, front, archive) as pretty JSON. */
export function exportJson(result: SearchResult): string {
  return JSON.stringify(toExport(result), null, 2);
}

export const CSV_COLUMNS = [
  'id',
  'generation',
  'image',
  'audio',
  'cells',
  'nodes',
  'fusion_ops',
  'val_accuracy_pct',
  'test_accuracy_pct',
  'selection_split',
  'latency_ms',
  'energy_mj',
  'on_front',
] as const;

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV of rows (header row first, `\n` line ends); fusion ops always quoted. */
export function rowsToCsv(rows: readonly ExportRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        String(r.id),
        String(r.generation),
        csvCell(r.image),
        csvCell(r.audio),
        String(r.cells),
        String(r.nodes),
        `"${r.fusion.replace(/"/g, '""')}"`,
        String(r.valAccuracy),
        String(r.testAccuracy),
        r.selectionSplit,
        String(r.latencyMs),
        String(r.energyMj),
        r.onFront ? '1' : '0',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export function frontCsv(result: SearchResult): string {
  return rowsToCsv(exportRows(result).front);
}

export function archiveCsv(result: SearchResult): string {
  return rowsToCsv(exportRows(result).archive);
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
