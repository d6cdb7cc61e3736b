// The split of an uploaded dataset without a split column: per class, a seeded shuffle cut into
// train / val / test by DEFAULT_SPLIT_SHARES (70 / 15 / 15), so every split keeps the class mix.

import { Rng } from '../rng';
import { DEFAULT_SPLIT_SHARES, type SplitName } from './limits';

/** The split of each id (same seed, same ids → same split). */
export function stratifiedSplit(rows: readonly { id: string; label: string }[], seed: number): Map<string, SplitName> {
  const byClass = new Map<string, string[]>();
  for (const r of rows) byClass.set(r.label, [...(byClass.get(r.label) ?? []), r.id]);
  const rng = new Rng(seed);
  const out = new Map<string, SplitName>();
  for (const label of [...byClass.keys()].sort()) {
    const ids = [...byClass.get(label)!].sort();
    rng.shuffle(ids);
    // Cut points rounded from the cumulative shares, so the counts add up to the class size.
    const trainEnd = Math.round(ids.length * DEFAULT_SPLIT_SHARES.train);
    const valEnd = Math.round(ids.length * (DEFAULT_SPLIT_SHARES.train + DEFAULT_SPLIT_SHARES.val));
    ids.forEach((id, i) => out.set(id, i < trainEnd ? 'train' : i < valEnd ? 'val' : 'test'));
  }
  return out;
}
