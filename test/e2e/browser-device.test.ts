// This browser as a device, end to end in the built app: the Devices view profiles every layer
// of the search space on wasm into a table (kept across a reload), the prediction check gives
// Kendall τ and the mean absolute error over 30 subnets with its scatter, the table prices a
// network (energy shown as unknown), and a `quick` search targets it with the error and latency
// objectives to `finished` — no request leaving the page's origin.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startApp, type AppHarness } from './harness';
import { searchSpaceLayerKeys } from '../../src/core/layer-keys';
import { seriousViolations } from './axe';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('this browser as a device (built app)', () => {
  it('profiles, checks the table against whole networks, and searches for it', async () => {
    const { page, consoleErrors, foreignRequests } = await app.open('#view=devices');
    await page.getByTestId('profile-backend').selectOption('wasm');
    await page.getByTestId('profile-start').click();
    const table = page.getByTestId('browser-table');
    await table.waitFor({ timeout: 300_000 });
    expect(Number(await table.getAttribute('data-entries'))).toBe(searchSpaceLayerKeys().length);
    expect(await table.textContent()).toMatch(/This browser \(wasm/);

    await page.getByTestId('check-start').click();
    const result = page.getByTestId('check-result');
    await result.waitFor({ timeout: 300_000 });
    const tau = Number(await result.getAttribute('data-tau'));
    const mape = Number(await result.getAttribute('data-mape'));
    expect(tau >= -1 && tau <= 1).toBe(true);
    expect(mape).toBeGreaterThanOrEqual(0);
    console.log(`prediction check on wasm: Kendall τ ${tau.toFixed(3)}, MAPE ${mape.toFixed(1)} %`);
    expect(await page.getByTestId('prediction-point').count()).toBe(30);
    expect(await page.getByTestId('identity-line').count()).toBe(1);

    // the table is a device now: it prices the network, with energy unknown
    await page.getByTestId('device-select').selectOption('this-browser');
    await expect.poll(() => page.getByTestId('cost-total').textContent()).toMatch(/unknown mJ energy/);
    expect(await seriousViolations(page)).toEqual([]);

    // a search for this browser, from a reloaded link: error and latency only
    await page.goto(`${app.baseUrl}#preset=quick&seed=1&device=this-browser&objectives=error%2Clatency&run=1`);
    await page.reload();
    const status = page.getByTestId('run-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 900_000, interval: 2000 }).toMatch(/finished|error/);
    expect(await status.getAttribute('data-state'), (await page.getByTestId('run-error').allTextContents()).join(' ')).toBe('finished');
    expect(await page.getByTestId('pareto-row').count()).toBeGreaterThan(0);
    const header = await page.locator('table:has([data-testid="pareto-row"]) thead').first().textContent();
    expect(header).toContain('latency (ms)');
    expect(header).not.toContain('energy');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('refuses the energy objective on a table without energy, in words', async () => {
    const { page } = await app.open('#view=devices');
    await page.getByTestId('profile-backend').selectOption('wasm');
    await page.getByTestId('profile-start').click();
    await page.getByTestId('browser-table').waitFor({ timeout: 300_000 });
    await page.goto(`${app.baseUrl}#preset=quick&seed=1&device=this-browser&run=1`);
    await page.reload();
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-state'), { timeout: 120_000 }).toBe('error');
    expect((await page.getByTestId('run-error').allTextContents()).join(' ')).toMatch(/has no energy figures .* error and latency objectives only/);
  });
});
