// CLI: the evolutionary search against random search at the same budget. Runs the headless
// search (the page's own worker code in headless Chromium, scripts/search.ts) with the
// random-search baseline, then prints one JSON object: both final hypervolumes (normalised to
// the reference box), the reference point, the number of fusion searches N and the ratio.
//
//   npm run --silent compare-random -- --preset quick --seed 1 --device jetson-tx2
//   npm run --silent compare-random -- --preset quick --population-size 2 --offspring 2 --generations 2 --fusion-epochs 1 --retrain-epochs 1 --train-subset 120   (tiny: seconds)

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isMainModule, runCli } from './cli-args';
import { parseSearchArgs } from './search-args';
import { knownDevices, runHeadlessSearch } from './search';
import { parseDeviceTable } from '../src/core/device-table';
import { hypervolumeCeiling } from '../src/core/search/hypervolume-ceiling';
import type { HypervolumeReference } from '../src/core/search/archive';
import { DEVICE_TABLES_DIR, publicPath } from '../src/data/asset-paths';

export const USAGE =
  'usage: compare-random [--preset quick|demo|paper] [--seed N] [--device ID] [--lambda X] [--backend B] [--timeout S] [--dist DIR] [--out FILE] [any preset number as in npm run search, e.g. --generations 1 --population-size 2]';

/** The hypervolume ceiling of the run's device table (public/luts/<device>.json) and reference point. */
export function ceilingOf(device: string, reference: HypervolumeReference): number {
  const table = parseDeviceTable(readFileSync(resolve(publicPath(DEVICE_TABLES_DIR), `${device}.json`), 'utf8'));
  return hypervolumeCeiling(table, reference);
}

interface ResultFile {
  history: { fusionSearches: number }[];
  reference: { objectives: string[]; point: number[] };
  run: { hypervolume: { evolution: number[]; random: number[] } | null; seconds: number; backend?: string };
}

/**
 * The comparison from a headless search's result file (with its baseline). With the device's
 * hypervolume ceiling (src/core/search/hypervolume-ceiling.ts): the largest ratio any search could
 * reach against this baseline under the same reference point, and the share of the gap between
 * the baseline and the ceiling that the evolutionary run closes.
 */
export function comparison(r: ResultFile, hypervolumeCeiling?: number) {
  const hv = r.run.hypervolume;
  if (!hv || hv.random.length === 0) throw new Error('the result has no random-search baseline');
  const evaluations = r.history.reduce((n, h) => n + h.fusionSearches, 0);
  const hypervolume = hv.evolution[hv.evolution.length - 1];
  const hypervolumeRandom = hv.random[hv.random.length - 1];
  return {
    evaluations,
    hypervolume,
    hypervolumeRandom,
    ratio: hypervolume / hypervolumeRandom,
    ...(hypervolumeCeiling === undefined
      ? {}
      : {
          hypervolumeCeiling,
          maxPossibleRatio: hypervolumeCeiling / hypervolumeRandom,
          // The share of the gap random search leaves below the ceiling that evolution closes
          // (1 = it reached the ceiling, 0 = no better than random, negative = worse).
          gapClosed: (hypervolume - hypervolumeRandom) / (hypervolumeCeiling - hypervolumeRandom),
        }),
    reference: r.reference,
    perGeneration: { evolution: hv.evolution, random: hv.random },
    seconds: r.run.seconds,
    backend: r.run.backend,
  };
}

async function main(argv: string[]): Promise<number> {
  // `--out FILE` keeps the whole result file (both archives' fronts, history); else a temporary one.
  const withOut = argv.some((x) => x === '--out' || x.startsWith('--out='))
    ? argv
    : ['--out', join(mkdtempSync(join(tmpdir(), 'compare-random-')), 'result.json'), ...argv];
  const args = { ...parseSearchArgs(withOut, knownDevices()), baseline: true };
  const code = await runHeadlessSearch(args);
  if (code !== 0) return code;
  const result = JSON.parse(readFileSync(args.out, 'utf8'));
  console.log(JSON.stringify(comparison(result, ceilingOf(result.device, result.reference))));
  return 0;
}

if (isMainModule(import.meta.url)) runCli('compare-random', main, { usage: USAGE, exit: true });
