// The built app's Data view: sample pairs render (digit + log-mel map), clips play from the
// same origin, class balance matches the manifest, and the sources are credited.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { startApp, type AppHarness } from './harness';

const manifest = JSON.parse(readFileSync('public/data/avmnist/manifest.json', 'utf8'));

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('Data view (built app)', () => {
  it('shows sample pairs, class balance and attribution without errors', async () => {
    const { page, consoleErrors, foreignRequests } = await app.open('#view=data');
    await page.getByTestId('data-view').waitFor();
    await page.getByTestId('sample-pair').first().waitFor({ timeout: 60_000 });
    const pairs = await page.getByTestId('sample-pair').count();
    expect(pairs).toBeGreaterThanOrEqual(10);
    // Each pair draws both modalities on canvases with non-blank pixels.
    const inked = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="sample-pair"] canvas')).map((c) => {
        const canvas = c as HTMLCanvasElement;
        const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        const distinct = new Set<number>();
        for (let i = 0; i < px.length; i += 4) distinct.add(px[i]);
        return distinct.size;
      }),
    );
    expect(inked.length).toBe(2 * pairs);
    expect(inked.every((n) => n > 2)).toBe(true);
    // Totals row of the class balance equals the manifest's split sizes.
    const totals = await page.getByTestId('class-balance').locator('tbody tr').last().locator('td').allTextContents();
    expect(totals.map(Number)).toEqual([manifest.splits.train, manifest.splits.val, manifest.splits.test]);
    const text = await page.getByTestId('data-view').textContent();
    expect(text).toContain('CC BY-SA 4.0');
    expect(text).toMatch(/MNIST/);
    expect(text).toMatch(/Free Spoken Digit Dataset/);
    // The audio figures are honest about speakers: same-speaker test beside leave-one-speaker-out.
    const honest = page.getByTestId('speaker-held-out');
    await expect.poll(() => honest.locator('[data-testid="speaker-held-out-table"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await honest.textContent()).toMatch(/test split holds other takes of the same three speakers/);
    const record = JSON.parse(readFileSync('public/models/avmnist-audio/leave-one-speaker-out.json', 'utf8'));
    const demoRows = await honest.locator('[data-testid="speaker-held-out-table"][data-features="demo"] tbody tr').count();
    expect(demoRows).toBe(record.results.filter((r: { features: string }) => r.features === 'demo').length);
    // It says how the shipped audio supernet was trained, with that pipeline's unseen-speaker figures from its training record.
    const training = JSON.parse(readFileSync('public/models/avmnist-audio/training.json', 'utf8'));
    const shipped = (await honest.getByTestId('shipped-pipeline').textContent())!.replace(/\s+/g, ' ');
    expect(shipped).toContain(training.leaveOneSpeakerOut.pipeline);
    for (const r of training.leaveOneSpeakerOut.results) expect(shipped).toContain(`${r.heldOut} ${r.largest.heldOutSpeaker.toFixed(1)} %`);
    // Exactly one table is marked as the shipped pipeline, and it holds that record's rows.
    const shippedTable = honest.locator('[data-testid="speaker-held-out-table"][data-shipped="true"]');
    expect(await shippedTable.count()).toBe(1);
    // and it comes first, before the pipelines measured on the way
    expect(await honest.locator('[data-testid="speaker-held-out-table"]').first().getAttribute('data-shipped')).toBe('true');
    expect(await honest.getByTestId('shipped-table-marker').count()).toBe(1);
    const shippedCells = (await shippedTable.locator('tbody tr').allTextContents()).join(' ');
    for (const r of training.leaveOneSpeakerOut.results) expect(shippedCells).toContain(`${r.largest.heldOutSpeaker.toFixed(1)} %`);
    // with the same rows' label-free adapted figures from the record (measured by the same runs)
    const adaptedCells = await shippedTable.getByTestId('adapted-cell').allTextContents();
    const shippedRows = record.results.filter((x: { command: string }) => training.leaveOneSpeakerOut.results.some((r: { command: string }) => r.command === x.command));
    expect(adaptedCells).toEqual(shippedRows.sort((a: { heldOut: string }, b: { heldOut: string }) => a.heldOut.localeCompare(b.heldOut)).map((x: { largest: { heldOutSpeakerAdapted: number } }) => `${x.largest.heldOutSpeakerAdapted.toFixed(1)} %`));
    // And the shipped supernet's own score on voices it never heard, from its record.
    const unheard = JSON.parse(readFileSync('public/models/avmnist-audio/unheard-voices.json', 'utf8'));
    const largest = unheard.results.find((r: { genome: string }) => r.genome === 'k7777e6666d4');
    const unheardText = (await honest.getByTestId('unheard-voices').textContent())!.replace(/\s+/g, ' ');
    expect(unheardText).toContain(`${largest.accuracy.toFixed(1)} % largest`);
    for (const [s, v] of Object.entries(largest.perSpeaker) as [string, { accuracy: number }][]) expect(unheardText).toContain(`${s} ${v.accuracy.toFixed(1)} %`);
    // and, beside it, the same clips scored after label-free adaptation to each voice (--adapt-bn)
    const adaptedText = (await honest.getByTestId('unheard-voices-adapted').textContent())!.replace(/\s+/g, ' ');
    expect(adaptedText).toContain(`${largest.speakerAdapted.accuracy.toFixed(1)} % largest`);
    for (const [s, v] of Object.entries(largest.speakerAdapted.perSpeaker) as [string, { accuracy: number }][]) expect(adaptedText).toContain(`${s} ${v.accuracy.toFixed(1)} %`);
    // A clip loads from the page's own origin.
    const play = page.getByRole('button', { name: /^Play spoken/ }).first();
    await play.click();
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
