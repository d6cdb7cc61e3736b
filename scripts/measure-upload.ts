// Measures "search your own data" as a person meets it, in headless Chromium on the built app:
// uploads a dataset zip (default: the shipped example), reads the expected training time the
// panel shows, trains both supernets at a budget (default: the default budget, from the demo
// supernets), then runs a search preset on the upload from its link. Prints one JSON object
// (expected and measured training seconds, each supernet's validation accuracy, search seconds
// and the front) and saves screenshots of the training panel (light, dark, 390 px wide).
//
//   npx vite build && npx tsx scripts/measure-upload.ts [--zip FILE] [--mode transfer|scratch]
//     [--budget tiny|default|long] [--preset quick] [--out /tmp/upload-shots]

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { defineFlags, parseFlags, runCli } from './cli-args';

const FLAGS = defineFlags({
  zip: { type: 'string', default: 'public/examples/avmnist-example.zip', value: 'FILE' },
  mode: { type: 'string', default: 'transfer', value: 'transfer|scratch' },
  budget: { type: 'string', default: 'default', value: 'tiny|default|long' },
  preset: { type: 'string', default: 'quick', value: 'NAME' },
  seed: { type: 'string', default: '1', value: 'N' },
  out: { type: 'string', default: '/tmp/upload-shots', value: 'DIR' },
});

async function main(argv: string[]): Promise<number> {
  const { values: a } = parseFlags(argv, FLAGS);
  mkdirSync(a.out, { recursive: true });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const base = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  const foreign: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
    });
    await page.goto(`${base}#view=data`);
    await page.getByTestId('dataset-upload').setInputFiles(a.zip);
    await page.getByTestId('upload-dataset').waitFor({ timeout: 120_000 });
    await page.getByTestId(`training-mode-${a.mode}`).check();
    await page.getByTestId('training-budget').selectOption(a.budget);
    const expectedText = page.getByTestId('training-expected');
    await page.waitForFunction(() => /Expected: about/.test(document.querySelector('[data-testid="training-expected"]')?.textContent ?? ''), null, { timeout: 180_000 });
    const expected = (await expectedText.textContent())!.replace(/\s+/g, ' ').trim();
    const t0 = Date.now();
    await page.getByTestId('training-start').click();
    await page.waitForTimeout(20_000);
    await page.getByTestId('upload-training').screenshot({ path: join(a.out, 'training-progress-light.png') });
    await page.waitForFunction(() => document.querySelector('[data-testid="training-done"]') || document.querySelector('[data-testid="training-message"]'), null, { timeout: 3_600_000, polling: 2000 });
    const trainSeconds = (Date.now() - t0) / 1000;
    const message = await page.getByTestId('training-message').allTextContents();
    if (message.length > 0) throw new Error(message.join(' '));
    const done = page.getByTestId('training-done');
    const doneText = (await done.textContent())!.replace(/\s+/g, ' ').trim();
    for (const theme of ['light', 'dark']) {
      if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.getByTestId('theme-toggle').click();
      await page.waitForTimeout(300);
      await page.getByTestId('upload-panel').screenshot({ path: join(a.out, `upload-trained-${theme}.png`) });
    }
    await page.setViewportSize({ width: 390, height: 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(a.out, 'upload-trained-390.png'), fullPage: true });
    const width390 = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.setViewportSize({ width: 1300, height: 900 });
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== 'light') await page.getByTestId('theme-toggle').click();

    await page.goto(`${base}#preset=${a.preset}&seed=${a.seed}&dataset=upload&run=1`);
    await page.reload();
    const s0 = Date.now();
    await page.waitForFunction(() => /finished|error/.test(document.querySelector('[data-testid="run-status"]')?.getAttribute('data-state') ?? ''), null, { timeout: 3_600_000, polling: 2000 });
    const searchSeconds = (Date.now() - s0) / 1000;
    const state = await page.getByTestId('run-status').getAttribute('data-state');
    if (state !== 'finished') throw new Error((await page.getByTestId('run-error').allTextContents()).join(' '));
    await page.screenshot({ path: join(a.out, 'upload-search-finished.png'), fullPage: true });
    const front = await page.getByTestId('pareto-row').evaluateAll((rows) =>
      rows.map((e) => ({
        image: e.getAttribute('data-image'),
        audio: e.getAttribute('data-audio'),
        fusion: e.getAttribute('data-fusion'),
        valAccuracy: Number(e.getAttribute('data-val-accuracy')),
        testAccuracy: Number(e.getAttribute('data-accuracy')),
        latencyMs: Number(e.getAttribute('data-latency-ms')),
        energyMj: Number(e.getAttribute('data-energy-mj')),
      })),
    );
    const backend = (await page.getByTestId('backend').textContent())?.trim();
    console.log(JSON.stringify({ zip: a.zip, mode: a.mode, budget: a.budget, expected, trainSeconds, trained: doneText, width390, preset: a.preset, seed: Number(a.seed), searchBackend: backend, searchSeconds, front, foreignRequests: foreign }, null, 2));
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return 0;
}

runCli('measure-upload', main, { usage: 'npx tsx scripts/measure-upload.ts [--zip FILE] [--mode transfer|scratch] [--budget tiny|default|long] [--preset NAME] [--seed N] [--out DIR]' });
