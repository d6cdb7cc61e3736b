// Random-search baseline for the hypervolume comparison: the same inner fusion search
// on uniformly random (image genome, audio genome, cells, nodes) candidates, with the SAME
// evaluation budget as the evolutionary run — the same number of inner fusion searches in each
// generation (the expensive unit; backbones alone are not scored, random search needs no
// per-modality selection). Same archive / front / hypervolume outputs, for the comparison chart.

import type { DeviceTable } from '../device-table';
import { Rng } from '../rng';
import { sampleGenome } from '../genome';
import { sampleFusionMacro } from '../fusion-genotype';
import { checkSettings, pairsPerGeneration, type SearchSettings } from './settings';
import { EvaluationAborted, type AbortFlag, type SearchEvaluator } from './evaluator';
import type { FusionEpochEvent } from '../search-events';
import {
  archiveFront,
  generationRecord,
  hypervolumeReference,
  makeEntry,
  networkKey,
  type ArchiveEntry,
  type GenerationRecord,
  type SearchResult,
} from './archive';

export interface RandomSearchOptions {
  /**
   * Fusion searches per generation; default: the evolutionary run's history
   * (`result.history.map(h => h.fusionSearches)`) should be passed for a fair comparison, else
   * pairsPerGeneration(settings) for each of settings.generations.
   */
  budget?: readonly number[];
  signal?: AbortFlag;
  onGeneration?(record: GenerationRecord): void;
  onFusionEpoch?(epoch: FusionEpochEvent): unknown;
}

/** Budget of an evolutionary run, generation by generation, for `runRandomSearch`. */
export function budgetOf(result: Pick<SearchResult, 'history'>): number[] {
  return result.history.map((h) => h.fusionSearches);
}

/**
 * Runs the baseline to the end (or until `signal.aborted`, returning what was done so far).
 * Seeded by settings.seed with its own generator stream, so it is reproducible.
 */
export async function runRandomSearch(
  settings: SearchSettings,
  evaluator: SearchEvaluator,
  table: DeviceTable,
  options: RandomSearchOptions = {},
): Promise<SearchResult & { complete: boolean }> {
  const s = checkSettings(settings);
  if (s.device !== table.id) throw new Error(`settings.device "${s.device}" but the cost table is "${table.id}"`);
  const budget = options.budget ? [...options.budget] : Array.from({ length: s.generations }, () => pairsPerGeneration(s));
  if (budget.some((b) => !Number.isInteger(b) || b < 0)) throw new Error('random search budget must be non-negative integers');
  const reference = hypervolumeReference(table, s.objectives);
  // A distinct stream from the evolutionary run's (same seed must not mean same candidates).
  const rng = new Rng((s.seed ^ 0x5eed5eed) >>> 0);
  const archive: ArchiveEntry[] = [];
  const seen = new Set<string>();
  const history: GenerationRecord[] = [];
  let complete = true;

  outer: for (let generation = 0; generation < budget.length; generation++) {
    let done = 0;
    let attempts = 0;
    while (done < budget[generation]) {
      if (options.signal?.aborted) {
        complete = false;
        break outer;
      }
      if (++attempts > 1000 * Math.max(1, budget[generation])) throw new Error('random search: no new candidates left');
      const image = sampleGenome(rng);
      const audio = sampleGenome(rng);
      const macro = sampleFusionMacro(rng);
      const seed = rng.nextUint32();
      const key = networkKey(image, audio, macro);
      if (seen.has(key)) continue;
      let result;
      try {
        result = await evaluator.searchFusion(image, audio, macro, { seed, signal: options.signal, onEpoch: options.onFusionEpoch });
      } catch (err) {
        if (err instanceof EvaluationAborted) {
          complete = false;
          break outer;
        }
        throw err;
      }
      seen.add(key);
      archive.push(makeEntry(table, archive.length, generation, image, audio, macro, result));
      done++;
    }
    const record = generationRecord(generation, archive, reference, { backboneEvaluations: 0, fusionSearches: done, cacheHits: 0 });
    history.push(record);
    options.onGeneration?.(record);
  }
  const totals = { backboneEvaluations: 0, fusionSearches: archive.length, cacheHits: 0 };
  return {
    kind: 'random',
    settings: s,
    device: s.device,
    reference,
    archive,
    front: archiveFront(archive, s.objectives),
    history,
    totals,
    complete,
  };
}
