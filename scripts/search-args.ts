// Argument parsing of scripts/search.ts (pure, tested in Node): the headless search takes the
// URL contract's settings as flags, validated by the same codec the page uses. Errors are
// one-line ArgErrors; runCli prints them on stderr and exits with status 2.

import { TUNED_NUMBER_KEYS, formatUrlState, parseUrlState, type UrlSettings } from '../src/core/search/url-state';
import { PRESET_NAMES } from '../src/core/search/settings';
import { ArgError, defineFlags, flagName, parseFlags, usageLine } from './cli-args';

export { ArgError };

export interface SearchArgs {
  settings: UrlSettings;
  /** Where the JSON (export + run facts) is written. */
  out: string;
  /** Give up after this many seconds (default 1800). */
  timeoutS: number;
  /** Built app to serve (default dist/). */
  dist: string;
  /** The page hash that starts the run. */
  hash: string;
  /** Optional PNG of the finished page. */
  screenshot?: string;
  /** Optional file for the run's event stream (JSON lines, one SearchEvent per line) for replay. */
  record?: string;
  /** After the run: also run the random-search baseline at the same budget (in the result file and the recording). */
  baseline: boolean;
  /** After the run: the model bundle of every front network into DIR/network-<id>/ (src/ml/bundle.ts). */
  exportModels?: string;
  /**
   * Resumable across sittings: the latest checkpoint (and the events so far) is kept in FILE after
   * every generation; a run started with an existing FILE continues from it; FILE is removed when
   * the run finishes.
   */
  checkpoint?: string;
  /** End this sitting (exit 3, checkpoint kept) after this many generations completed in it. */
  sittingGenerations?: number;
}

/** The URL contract's keys that are also flags, in the order the contract writes them. */
const URL_FLAGS = ['preset', 'seed', 'device', 'lambda', 'backend', ...TUNED_NUMBER_KEYS, 'objectives', 'paperFaithful'] as const;

/** Settings flags are plain strings here: the URL codec checks them, as on the page. */
export const SEARCH_FLAGS = defineFlags({
  out: { type: 'string', required: true, value: 'FILE' },
  preset: { type: 'string', value: PRESET_NAMES.join('|') },
  seed: { type: 'string', value: 'N' },
  device: { type: 'string', value: 'ID' },
  lambda: { type: 'string', value: 'X' },
  backend: { type: 'string', value: 'BACKEND' },
  // A preset number, the objectives (error,latency) or paper-faithful (1|0), as in the URL.
  ...Object.fromEntries(TUNED_NUMBER_KEYS.map((k) => [k, { type: 'string', value: 'X' } as const])) as Record<(typeof TUNED_NUMBER_KEYS)[number], { type: 'string'; value: string }>,
  objectives: { type: 'string', value: 'LIST' },
  paperFaithful: { type: 'string', value: '1|0' },
  timeout: { type: 'int', min: 1, default: 1800, value: 'S' },
  dist: { type: 'string', default: 'dist', value: 'DIR' },
  screenshot: { type: 'string', value: 'PNG' },
  record: { type: 'string', value: 'FILE' },
  baseline: { type: 'boolean' },
  exportModels: { type: 'string', value: 'DIR' },
  checkpoint: { type: 'string', value: 'FILE' },
  sittingGenerations: { type: 'int', min: 1, value: 'N' },
});

export const USAGE = usageLine('search', SEARCH_FLAGS);

/** Parses argv (without node and script). `knownDevices`: ids that have a cost table. */
export function parseSearchArgs(argv: readonly string[], knownDevices?: readonly string[]): SearchArgs {
  const { values: a } = parseFlags(argv, SEARCH_FLAGS);
  const pairs: string[] = [];
  for (const key of URL_FLAGS) {
    const v = a[key];
    if (v !== undefined) pairs.push(`${key}=${encodeURIComponent(v)}`);
  }
  const parsed = parseUrlState(pairs.join('&'), { knownDevices });
  if (parsed.errors.length > 0) throw new ArgError(parsed.errors[0].replace(/; using .*$/, '').replace(/^(\w+) /, (_, key: string) => `${flagName(key)} `));
  const settings = { ...parsed.settings, run: true };
  return {
    settings,
    out: a.out,
    timeoutS: a.timeout,
    dist: a.dist,
    hash: `#view=search&${formatUrlState(settings)}`,
    screenshot: a.screenshot,
    record: a.record,
    baseline: a.baseline,
    exportModels: a.exportModels,
    checkpoint: a.checkpoint,
    sittingGenerations: a.sittingGenerations,
  };
}
