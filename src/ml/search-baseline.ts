// The random-search baseline of a finished two-tier run, as worker events: the same inner tier
// (the run's evaluator) on uniformly random backbone pairs and macros, with exactly the run's
// number of fusion searches per generation, its seed (own generator stream) and its hypervolume
// reference point — so the two hypervolume curves compare search quality at equal budget.

import type { DeviceTable } from '../core/device-table';
import type { AbortFlag, SearchEvaluator } from '../core/search/evaluator';
import type { SearchResult } from '../core/search/archive';
import { budgetOf, runRandomSearch } from '../core/search/random-search';
import type { BaselineEvent } from '../core/search-events';

export async function runBaseline(
  result: SearchResult,
  evaluator: SearchEvaluator,
  table: DeviceTable,
  emit: (event: BaselineEvent) => void,
  signal?: AbortFlag,
): Promise<void> {
  const budget = budgetOf(result);
  const evaluations = budget.reduce((a, b) => a + b, 0);
  emit({ type: 'baseline-start', evaluations });
  let evaluation = 0;
  const r = await runRandomSearch(result.settings, evaluator, table, {
    budget,
    signal,
    onFusionEpoch: (epoch) => {
      if (epoch.stage === 'search' && epoch.epoch === 1) emit({ type: 'baseline-progress', evaluation: ++evaluation, evaluations });
    },
    onGeneration: (record) => emit({ type: 'baseline-generation', record }),
  });
  emit({ type: 'baseline-finished', complete: r.complete, archive: r.archive });
}
