// A first visit (no hash) replays the shipped recording of a real demo run at once, labelled as
// a recording, into the live views; Run then starts a live search instead.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startApp, type AppHarness } from './harness';
import { FIRST_VISIT_RECORDING } from '../../src/data/asset-paths';

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
    await expect.poll(() => page.getByTestId('pareto-point').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="hv-chart"]').getAttribute('data-baseline')).toBe('finished');
    await page.getByTestId('run-button').click();
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-state'), { timeout: 60_000 }).toMatch(/loading|running/);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
