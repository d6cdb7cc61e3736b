// Search your own data, end to end in the built app: the example zip goes in through the file
// input, the preview and class balance appear, both supernets train in the worker on a tiny
// budget (from the demo supernets) with an expected time shown first, the trained upload is kept
// across a reload and chosen in the Dataset menu, and a `quick` search on it runs to `finished`
// with results naming the dataset — no request leaving the page's origin. A bad zip lists its
// problems and leaves the demo set working.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { startApp, type AppHarness } from './harness';
import { seriousViolations } from './axe';

const EXAMPLE = 'public/examples/avmnist-example.zip';
const EXAMPLE_NAME = 'AV-MNIST example (from the demo set: MNIST digits, FSDD spoken digits)';

let app: AppHarness;
beforeAll(async () => {
  if (!existsSync(EXAMPLE)) throw new Error(`${EXAMPLE} is missing (npm run build-example makes it)`);
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('upload → train → search (built app)', () => {
  it('trains both supernets on the example zip and runs a quick search on it', async () => {
    const { page, consoleErrors, foreignRequests } = await app.open('#view=data');
    await page.getByTestId('dataset-upload').setInputFiles(EXAMPLE);
    const ready = page.getByTestId('upload-dataset');
    await expect.poll(() => ready.getAttribute('data-name'), { timeout: 60_000 }).toBe(EXAMPLE_NAME);
    expect(await page.getByTestId('upload-sample').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('upload-balance').locator('tbody tr').count()).toBe(10);

    await page.getByTestId('training-budget').selectOption('tiny');
    await expect.poll(() => page.getByTestId('training-expected').textContent(), { timeout: 120_000 }).toMatch(/Expected: about .+ for both supernets/);
    await page.getByTestId('training-start').click();
    const done = page.getByTestId('training-done');
    await expect.poll(async () => (await done.count()) + (await page.getByTestId('training-message').count()), { timeout: 600_000, interval: 1000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('training-message').allTextContents()).toEqual([]);
    for (const attr of ['data-image-largest', 'data-audio-largest']) {
      const acc = Number(await done.getAttribute(attr));
      // one epoch from the demo supernets with a fresh 10-way classifier: well above chance (10 %)
      expect(acc).toBeGreaterThan(30);
      expect(acc).toBeLessThanOrEqual(100);
    }
    expect(await page.getByTestId('training-epochs').locator('tbody tr').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('training-search').click();
    await expect.poll(() => page.getByTestId('dataset-select').inputValue()).toBe('upload');
    expect(await page.getByTestId('dataset-note').textContent()).toContain(EXAMPLE_NAME);
    expect(await seriousViolations(page)).toEqual([]);

    // a fresh page load: the trained upload comes back from IndexedDB, and the link runs on it
    await page.goto(`${app.baseUrl}#preset=quick&seed=1&dataset=upload&run=1`);
    await page.reload();
    const status = page.getByTestId('run-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 900_000, interval: 2000 }).toMatch(/finished|error/);
    expect(await status.getAttribute('data-state'), (await page.getByTestId('run-error').allTextContents()).join(' ')).toBe('finished');
    expect(await page.getByTestId('results-title').getAttribute('data-dataset')).toBe(EXAMPLE_NAME);
    expect(await page.getByTestId('pareto-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('history-dataset').first().textContent(), { timeout: 10_000 }).toContain(EXAMPLE_NAME);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('lists every problem of a bad zip, and the demo set still works', async () => {
    const { page, consoleErrors, foreignRequests } = await app.open('#view=data');
    await page.getByTestId('sample-pair').first().waitFor({ timeout: 60_000 });
    const bad = zipSync({
      'manifest.json': strToU8('{"name": "broken", "modalities": [{"name": "image", "kind": "video"}]}'),
      'labels.csv': strToU8('id,label\na,x\na,y\n'),
    });
    await page.getByTestId('dataset-upload').setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from(bad) });
    await expect.poll(() => page.getByTestId('upload-error').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const errors = await page.getByTestId('upload-error').allTextContents();
    expect(errors.join('\n')).toMatch(/video/);
    expect(errors.join('\n')).toMatch(/labels\.csv/);
    // the demo set is untouched: its pairs and balance are still shown, and the search offers it
    expect(await page.getByTestId('sample-pair').count()).toBeGreaterThan(0);
    await page.getByTestId('nav-search').click();
    await expect.poll(() => page.getByTestId('dataset-select').inputValue()).toBe('avmnist');
    expect(await page.getByTestId('run-button').isEnabled()).toBe(true);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('reads a dataset folder picked with the folder input as it reads the zip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hnas-folder-'));
    try {
      const root = join(dir, 'avmnist-example');
      for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(EXAMPLE))))) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), bytes);
      }
      const { page, consoleErrors } = await app.open('#view=data');
      await page.getByTestId('dataset-upload-folder').setInputFiles(root);
      await expect.poll(() => page.getByTestId('upload-dataset').getAttribute('data-name'), { timeout: 60_000 }).toBe(EXAMPLE_NAME);
      expect(await page.getByTestId('upload-dataset').textContent()).toContain('(avmnist-example/)');
      expect(await page.getByTestId('upload-error').count()).toBe(0);
      expect(consoleErrors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
