// Provenance of a recorded run (the first line of `npm run search -- --record FILE`): when,
// from which commit, on what machine and browser, by which command. Backend, adapter and seed
// are in the recording's own events.

import { execFileSync } from 'node:child_process';
import { cpus, platform, release } from 'node:os';
import type { RecordingInfo } from '../src/core/search-events';

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The checkout's commit, "-dirty" when tracked files had local changes (the page's build commit is preferred). */
export function currentCommit(): string {
  const head = git(['rev-parse', '--short=10', 'HEAD']);
  if (!head) return 'unknown (not a git checkout)';
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  return dirty ? `${head}-dirty` : head;
}

export function recordingInfo(preset: string, browserVersion: string, argv: readonly string[] = process.argv.slice(2)): RecordingInfo {
  const cores = cpus();
  return {
    date: new Date().toISOString(),
    preset,
    machine: `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${platform()} ${release()}, Chromium ${browserVersion}`,
    commit: currentCommit(),
    command: `npm run search -- ${argv.join(' ')}`,
  };
}
