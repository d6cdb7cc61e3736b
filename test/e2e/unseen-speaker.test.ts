// The second demo dataset, end to end in the built app: "AV-MNIST, unseen speaker" is offered in
// the Dataset menu with a note saying whose voice the test split holds, a tiny search on it runs
// to `finished` with results naming the dataset (its own audio supernet, trained on the two
// other speakers), and the supernet provenance shows that supernet's figure on the unseen voice.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startApp, type AppHarness } from './harness';
import { UNSEEN_SPEAKER_DATASET_NAME } from '../../src/core/search/settings';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('AV-MNIST, unseen speaker (built app)', () => {
  it('is in the Dataset menu, says whose voice is held out, and a search runs on it', async () => {
    const tiny = 'preset=quick&seed=2&populationSize=2&offspring=2&generations=1&fusionEpochs=1&retrainEpochs=1&trainSubset=120';
    const { page, consoleErrors, foreignRequests } = await app.open(`#view=search&${tiny}`);
    await page.getByTestId('dataset-select').selectOption('avmnist-unseen');
    expect(await page.getByTestId('dataset-note').textContent()).toMatch(/jackson.*never heard/s);
    expect(await page.evaluate(() => location.hash)).toContain('dataset=avmnist-unseen');
    await page.getByTestId('run-button').click();
    const status = page.getByTestId('run-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 600_000, interval: 2000 }).toMatch(/finished|error/);
    expect(await status.getAttribute('data-state'), (await page.getByTestId('run-error').allTextContents()).join(' ')).toBe('finished');
    expect(await page.getByTestId('results-title').getAttribute('data-dataset')).toBe(UNSEEN_SPEAKER_DATASET_NAME);
    expect(await page.getByTestId('pareto-row').count()).toBeGreaterThan(0);
    await page.getByTestId('supernet-provenance').locator('summary').click();
    await expect.poll(() => page.getByTestId('provenance-unseen-audio').textContent(), { timeout: 30_000 }).toMatch(/on jackson's voice, which it never heard, largest subnet \d+\.\d %/);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
