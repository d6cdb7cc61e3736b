// labels.csv of an uploaded dataset: a header `id,label[,split]`, then one row per sample. Ids
// are unique file stems, labels non-empty strings, split one of train|val|test when the column
// is there. Every problem names its CSV row (1-based, the header is row 1).

import { SPLITS, type SplitName } from './limits';

export interface LabelRow {
  id: string;
  label: string;
  split: SplitName | null;
  /** Row number in labels.csv (header = 1). */
  row: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** One CSV line's fields (double-quoted fields may hold commas and doubled quotes). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

export function parseLabels(text: string | null): { rows: LabelRow[]; hasSplit: boolean; problems: string[] } {
  if (text === null) return { rows: [], hasSplit: false, problems: ['labels.csv is missing (it must sit at the top of the zip).'] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = fields(lines[0] ?? '').map((h) => h.toLowerCase());
  const problems: string[] = [];
  if (header[0] !== 'id' || header[1] !== 'label' || (header.length > 2 && header[2] !== 'split') || header.length > 3) {
    return { rows: [], hasSplit: false, problems: [`labels.csv row 1: the header must be id,label or id,label,split, got ${JSON.stringify(lines[0] ?? '')}.`] };
  }
  const hasSplit = header.length === 3;
  const rows: LabelRow[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((line, i) => {
    const row = i + 2;
    if (line.trim() === '') return;
    const f = fields(line);
    if (f.length !== header.length) return void problems.push(`labels.csv row ${row}: ${f.length} fields, the header has ${header.length}.`);
    const [id, label, split] = f;
    if (!ID.test(id)) return void problems.push(`labels.csv row ${row}: id ${JSON.stringify(id)} must be a file name stem (letters, digits, . - _).`);
    if (seen.has(id)) return void problems.push(`labels.csv row ${row}: id ${id} repeats row ${seen.get(id)}.`);
    seen.set(id, row);
    if (label === '') return void problems.push(`labels.csv row ${row}: the label of ${id} is empty.`);
    if (hasSplit && !(SPLITS as readonly string[]).includes(split)) return void problems.push(`labels.csv row ${row}: split ${JSON.stringify(split)} of ${id} is not one of ${SPLITS.join(', ')}.`);
    rows.push({ id, label, split: hasSplit ? (split as SplitName) : null, row });
  });
  if (rows.length === 0 && problems.length === 0) problems.push('labels.csv has no samples.');
  return { rows, hasSplit, problems };
}
