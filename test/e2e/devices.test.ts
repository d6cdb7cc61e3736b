// The built app in Chromium: the Devices view prices the paper's presets exactly as the cost
// CLI does, and reacts to gene edits.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { startApp, type AppHarness } from './harness';
import { PAPER_MODELS } from '../../src/core/paper-models';
import { seriousViolations } from './axe';

function cliCost(device: string, image: string, audio: string, fusion: string[]): { latencyMs: number; energyMj: number } {
  const out = execFileSync('npx', ['tsx', 'scripts/cost.ts', '--device', device, '--image', image, '--audio', audio, '--fusion', fusion.join(',')], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('Devices view (built app)', () => {
  it('shows the CLI latency and energy for each paper preset, with no console errors or foreign requests', async () => {
    const { page, consoleErrors, foreignRequests } = await app.open('#view=devices');
    await page.getByTestId('devices-view').waitFor();
    await page.getByTestId('table-source').waitFor();
    for (const model of PAPER_MODELS) {
      await page.getByTestId(`preset-${model.id}`).click();
      await expect.poll(() => page.getByTestId(`preset-${model.id}`).getAttribute('aria-pressed')).toBe('true');
      const total = page.getByTestId('cost-total');
      const shownLatency = Number(await total.getAttribute('data-latency-ms'));
      const shownEnergy = Number(await total.getAttribute('data-energy-mj'));
      const cli = cliCost('jetson-tx2', model.image, model.audio, model.fusionOps);
      expect(shownLatency).toBe(cli.latencyMs);
      expect(shownEnergy).toBe(cli.energyMj);
      // The published figures are ours cut to two decimals.
      expect(Math.floor(shownLatency * 100) / 100).toBeCloseTo(model.published.latencyMs, 5);
      await expect.poll(() => page.getByTestId('paper-figures').textContent()).toContain(String(model.published.latencyMs));
    }
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('updates the total when a gene or the device changes', async () => {
    const { page } = await app.open('#view=devices');
    await page.getByTestId('preset-most-frugal').click();
    const total = page.getByTestId('cost-total');
    await expect.poll(() => total.getAttribute('data-latency-ms')).toBe('9.117');
    await page.getByRole('button', { name: 'Image depth 4' }).click();
    const deeper = Number(await total.getAttribute('data-latency-ms'));
    expect(deeper).toBeGreaterThan(9.117);
    const cli = cliCost('jetson-tx2', 'k5557e3643d4', 'k3375e3336d2', ['ConcatFC', 'CatConvMish']);
    expect(deeper).toBe(cli.latencyMs);
    await page.getByTestId('device-select').selectOption('jetson-agx-xavier');
    const agx = cliCost('jetson-agx-xavier', 'k5557e3643d4', 'k3375e3336d2', ['ConcatFC', 'CatConvMish']);
    await expect.poll(async () => Number(await total.getAttribute('data-latency-ms'))).toBe(agx.latencyMs);

    // The network and the board are in the address: the same link in a new page prices the same network.
    await expect.poll(() => page.url()).toContain('image=k5557e3643d4');
    const url = new URL(page.url());
    expect(url.hash).toContain('device=jetson-agx-xavier');
    expect(url.hash).toMatch(/cells=2&nodes=1/);
    const again = await app.open(url.hash);
    const total2 = again.page.getByTestId('cost-total');
    await expect.poll(async () => Number(await total2.getAttribute('data-latency-ms'))).toBe(agx.latencyMs);
    await again.page.close();
  });

  it('labels an estimated board as estimated, with its model and its measured error, and prices with it', async () => {
    const { page, consoleErrors } = await app.open('#view=devices');
    await page.getByTestId('preset-most-frugal').click();
    expect(await page.getByTestId('table-estimate').count()).toBe(0);
    await page.getByTestId('device-select').selectOption('jetson-nano');
    const note = page.getByTestId('table-estimate');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/Estimated, not measured/);
    expect(await page.getByTestId('device-select').locator('option:checked').textContent()).toBe('NVIDIA Jetson Nano (estimated)');
    expect(await page.getByTestId('table-source').textContent()).toMatch(/0 measured,\s+51 estimated entries/);
    expect(await page.getByTestId('estimate-errors').locator('tbody tr').count()).toBe(4);
    const nano = cliCost('jetson-nano', 'k5557e3643d2', 'k3375e3336d2', ['ConcatFC', 'CatConvMish']);
    await expect.poll(async () => Number(await page.getByTestId('cost-total').getAttribute('data-latency-ms'))).toBe(Number(nano.latencyMs.toFixed(3)));
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
