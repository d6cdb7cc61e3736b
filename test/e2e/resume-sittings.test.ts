// The headless search across sittings (--checkpoint FILE): a quick run stopped after its first
// generation and continued by the same command ends with exactly the front and archive of an
// uninterrupted run with the same seed, its recording holds both sittings, and the checkpoint
// file is gone once the run has finished.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRecording } from '../../src/core/search/recording';
import { replayEvents, resultOfRun } from '../../src/core/search/run-view';

const search = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/search.ts', '--preset', 'quick', '--seed', '3', ...args], { encoding: 'utf8', timeout: 900_000 });

describe('npm run search -- --checkpoint FILE', () => {
  it('continues a run in a second sitting to the same result as one sitting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hnas-sittings-'));
    try {
      const ck = join(dir, 'run.checkpoint.json');
      const first = search('--out', join(dir, 'a.json'), '--checkpoint', ck, '--sitting-generations', '1');
      expect(first.status, first.stderr).toBe(3);
      expect(JSON.parse(readFileSync(ck, 'utf8')).state.history).toHaveLength(1);
      const second = search('--out', join(dir, 'b.json'), '--checkpoint', ck, '--record', join(dir, 'b.jsonl'));
      expect(second.status, second.stderr).toBe(0);
      expect(second.stderr).toMatch(/continuing from .*1 generation\(s\) done/);
      expect(existsSync(ck)).toBe(false);
      const whole = search('--out', join(dir, 'c.json'));
      expect(whole.status, whole.stderr).toBe(0);
      const resumed = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
      const single = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8'));
      expect(resumed.history).toHaveLength(2);
      expect(resumed.archive).toEqual(single.archive);
      expect(resumed.front).toEqual(single.front);
      // the recording holds both sittings and replays to the same front
      const events = parseRecording(readFileSync(join(dir, 'b.jsonl'), 'utf8')).events;
      expect(events.filter((e) => e.type === 'start')).toHaveLength(2);
      expect(resultOfRun(replayEvents(events))!.front.map((e) => e.id)).toEqual(single.front.map((e: { id: number }) => e.id));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 1_500_000);
});
