// Argument parsing of scripts/search.ts (pure, tested in Node): the headless search takes the
// URL contract's settings as flags, validated by the same codec the page uses. Errors are
// one-line messages; the CLI prints them on stderr and exits with status 2.

import { formatUrlState, parseUrlState, type UrlSettings } from '../src/core/search/url-state';

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
}

export class ArgError extends Error {}

export const USAGE =
  'usage: search --out FILE [--preset quick|demo|paper] [--seed N] [--device ID] [--lambda X] [--backend auto|webgpu|webgl|cpu] [--timeout S] [--dist DIR] [--screenshot PNG]';

const FLAGS = ['--preset', '--seed', '--device', '--lambda', '--backend', '--out', '--timeout', '--dist', '--screenshot'];

export function parseSearchArgs(argv: readonly string[], knownDevices?: readonly string[]): SearchArgs {
  const seen = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!FLAGS.includes(flag)) throw new ArgError(`unknown argument "${flag}"; ${USAGE}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new ArgError(`${flag} needs a value; ${USAGE}`);
    if (seen.has(flag)) throw new ArgError(`${flag} given twice`);
    seen.set(flag, value);
    i++;
  }
  const out = seen.get('--out');
  if (!out) throw new ArgError(`--out is required; ${USAGE}`);
  const pairs: string[] = [];
  for (const key of ['preset', 'seed', 'device', 'lambda', 'backend']) {
    const v = seen.get(`--${key}`);
    if (v !== undefined) pairs.push(`${key}=${encodeURIComponent(v)}`);
  }
  const parsed = parseUrlState(pairs.join('&'), { knownDevices });
  if (parsed.errors.length > 0) throw new ArgError(parsed.errors[0].replace(/; using .*$/, '').replace(/^(\w+) /, '--$1 '));
  const timeoutText = seen.get('--timeout') ?? '1800';
  const timeoutS = Number(timeoutText);
  if (!/^\d+$/.test(timeoutText) || timeoutS < 1) throw new ArgError(`--timeout must be a positive whole number of seconds, got "${timeoutText}"`);
  const settings = { ...parsed.settings, run: true };
  return { settings, out, timeoutS, dist: seen.get('--dist') ?? 'dist', hash: `#view=search&${formatUrlState(settings)}`, screenshot: seen.get('--screenshot') };
}
