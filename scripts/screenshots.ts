// Screenshots of the Search view for the README, taken from a real run in headless Chromium:
// the built app (dist/) is served with `vite preview`, the measured run-time estimate is taken
// first (the "Estimate" button), then the `quick` preset runs live; the page is shot mid-run
// (once the inner search view shows heat maps) and finished, light and dark, and finished at
// 390 px. Also prints each view's page width at 390 px (it must not exceed 390) and how the
// estimate compared with the run's wall time.
//
//   npx vite build && npx tsx scripts/screenshots.ts [--out docs/screenshots]

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { defineFlags, parseFlags, runCli, usageLine } from './cli-args';

const FLAGS = defineFlags({
  out: { type: 'string', default: 'docs/screenshots', value: 'DIR' },
  dist: { type: 'string', default: 'dist', value: 'DIR' },
  'lessons-only': { type: 'boolean', default: false },
});

/** Switches the theme as a user does (the toggle), so that the d3 charts redraw in its colours. */
async function setTheme(page: Page, theme: 'light' | 'dark') {
  if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.getByTestId('theme-toggle').click();
  await page.waitForTimeout(400);
}

async function shoot(page: Page, out: string, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.screenshot({ path: join(out, `${name}-${theme}.png`), fullPage: true });
  }
  await setTheme(page, 'light');
}

async function main(argv: string[]): Promise<number> {
  const { values: a } = parseFlags(argv, FLAGS);
  mkdirSync(a.out, { recursive: true });
  const server = await preview({ build: { outDir: a.dist }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const base = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  try {
    for (const view of ['search', 'data', 'devices']) {
      const narrow = await browser.newPage({ viewport: { width: 390, height: 900 } });
      await narrow.goto(`${base}#view=${view}&replay=recordings/quick-seed1-tx2.jsonl`);
      await narrow.waitForTimeout(3000);
      const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
      console.log(`${view} view at 390 px: page width ${width} px`);
      await narrow.close();
    }

    // The Learn panel beside the live views (on the shipped recording), and at 390 px.
    const wide = await browser.newPage({ viewport: { width: 1400, height: 950 } });
    for (const n of [6, 9]) {
      await wide.goto(`${base}#lesson=${n}`);
      await wide.getByTestId('replay-banner').waitFor({ timeout: 30_000 });
      await wide.waitForTimeout(1500);
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(wide, theme);
        await wide.screenshot({ path: join(a.out, `lesson-${n}-${theme}.png`) });
      }
      await setTheme(wide, 'light');
    }
    await wide.close();
    const phone = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await phone.goto(`${base}#lesson=7`);
    await phone.getByTestId('replay-banner').waitFor({ timeout: 30_000 });
    await phone.waitForTimeout(1500);
    console.log(`lesson 7 at 390 px: page width ${await phone.evaluate(() => document.documentElement.scrollWidth)} px`);
    await phone.screenshot({ path: join(a.out, 'lesson-7-390.png') });
    await phone.close();
    if (a['lessons-only']) return 0;

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${base}#view=search&preset=quick&seed=1`);
    const t0 = Date.now();
    await page.getByTestId('calibrate-button').click();
    await page.getByTestId('estimate-text').waitFor({ timeout: 300_000 });
    const estimate = (await page.getByTestId('estimate-text').textContent())?.replace(/\s+/g, ' ').trim();
    console.log(`calibration: ${((Date.now() - t0) / 1000).toFixed(1)} s of waiting; ${estimate}`);
    const t1 = Date.now();
    await page.getByTestId('run-button').click();
    await page.locator('[data-testid="alpha-heatmap"]').waitFor({ timeout: 300_000 });
    await page.waitForTimeout(1500);
    await shoot(page, a.out, 'search-mid-run');
    await page.locator('[data-testid="run-status"][data-state="finished"]').waitFor({ timeout: 600_000 });
    console.log(`quick run: ${((Date.now() - t1) / 1000).toFixed(1)} s wall time`);
    await page.getByTestId('run-baseline').click();
    await page.locator('[data-testid="hv-chart"][data-baseline="finished"]').waitFor({ timeout: 600_000 });
    await page.locator('[data-testid="pareto-point"]').first().click();
    await page.waitForTimeout(500);
    await shoot(page, a.out, 'search-finished');
    await page.setViewportSize({ width: 390, height: 900 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(a.out, 'search-finished-390.png'), fullPage: true });
    console.log(`screenshots in ${a.out}/`);
    return 0;
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
}

runCli('screenshots', main, { usage: usageLine('screenshots', FLAGS) });
