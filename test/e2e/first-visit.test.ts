// A first visit (no hash) replays the shipped recording of a real demo run at once, labelled as
// a recording, into the live views; Run then starts a live search instead.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startApp, type AppHarness } from './harness';
import { readFileSync } from 'node:fs';
import { FIRST_VISIT_RECORDING } from '../../src/data/asset-paths';
import { parseRecording } from '../../src/core/search/recording';
import { replayEvents, resultOfRun } from '../../src/core/search/run-view';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('first visit', () => {
  it('replays the recorded run, says so, and Run goes live', async () => {
    const { page, consoleErrors, foreignRequests } = await app.open('');
    const banner = page.getByTestId('replay-banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toMatch(new RegExp(`recording of a real run.*${FIRST_VISIT_RECORDING.replace('.', '\\.')}.*preset demo.*from commit [0-9a-f]{10}`, 's'));
    // the replay reaches the recorded front: the same networks as the recording's own result
    const recorded = resultOfRun(replayEvents(parseRecording(readFileSync(`public/${FIRST_VISIT_RECORDING}`, 'utf8')).events))!;
    await expect.poll(() => page.getByTestId('pareto-row').count(), { timeout: 30_000 }).toBe(recorded.front.length);
    const shown = await page.getByTestId('pareto-row').evaluateAll((els) => els.map((e) => [e.getAttribute('data-image'), e.getAttribute('data-audio'), Number(e.getAttribute('data-latency-ms'))]));
    expect(shown.map((r) => r[2]).sort()).toEqual(recorded.front.map((e) => e.latencyMs).sort());
    expect(await page.getByTestId('pareto-point').count()).toBe(recorded.archive.length);
    expect(await page.locator('[data-testid="hv-chart"]').getAttribute('data-baseline')).toBe('finished');
    await page.getByTestId('run-button').click();
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-state'), { timeout: 60_000 }).toMatch(/loading|running/);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('replays the longer run recorded in two sittings to its recorded front', async () => {
    const path = 'recordings/demo10-seed1-tx2.jsonl';
    const { page, consoleErrors } = await app.open(`#replay=${path}`);
    const banner = page.getByTestId('replay-banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toMatch(/--record on .*in 2 sittings/s);
    const recorded = resultOfRun(replayEvents(parseRecording(readFileSync(`public/${path}`, 'utf8')).events))!;
    expect(recorded.history).toHaveLength(10);
    await expect.poll(() => page.getByTestId('pareto-row').count(), { timeout: 30_000 }).toBe(recorded.front.length);
    expect(consoleErrors).toEqual([]);
  });
});
