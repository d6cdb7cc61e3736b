// Provenance of a recorded run (the first line of `npm run search -- --record FILE`): when, on
// what machine and browser, from which build of the app (its commit, read from the page) and by
// which command. Backend, adapter and seed are in the recording's own events.

import { cpus, platform, release } from 'node:os';
import type { RecordingInfo } from '../src/core/search-events';

export function recordingInfo(preset: string, browserVersion: string, commit: string, argv: readonly string[] = process.argv.slice(2)): RecordingInfo {
  const cores = cpus();
  return {
    date: new Date().toISOString(),
    preset,
    machine: `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${platform()} ${release()}, Chromium ${browserVersion}`,
    commit,
    command: `npm run search -- ${argv.join(' ')}`,
  };
}
