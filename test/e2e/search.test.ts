// The built app runs a whole `quick` search from its URL in headless Chromium (the search's
// acceptance check): Pareto rows exist and are mutually non-dominated, their costs are the cost
// model's for their genomes, the exported JSON parses and matches the rows, no console errors, the
// worker's tensor count is flat across generations, and no request leaves the page's origin.
// Needs the shipped pretrained supernets (public/models/avmnist-{image,audio}/) and the dataset
// (public/data/avmnist/); fails, naming them, when they are missing — it never skips.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { startApp, type AppHarness } from './harness';
import { parseDeviceTable } from '../../src/core/device-table';
import { networkCost } from '../../src/core/cost-model';
import { parseGenome } from '../../src/core/genome';
import { dominates } from '../../src/core/pareto';
import type { FusionGenotype, FusionOp } from '../../src/core/types';
import { formatCellInputs, readsBothModalities } from '../../src/core/fusion-modalities';

const ASSETS = ['public/models/avmnist-image/supernet.json', 'public/models/avmnist-audio/supernet.json', 'public/data/avmnist/manifest.json'];

/** The network a table row or chart point describes, from its data attributes (runs in the page). */
function readNetworks(els: Element[]) {
  return els.map((e) => ({
    image: e.getAttribute('data-image')!,
    audio: e.getAttribute('data-audio')!,
    fusion: e.getAttribute('data-fusion')!,
    accuracy: Number(e.getAttribute('data-accuracy')),
    valAccuracy: Number(e.getAttribute('data-val-accuracy')),
    latencyMs: Number(e.getAttribute('data-latency-ms')),
    energyMj: Number(e.getAttribute('data-energy-mj')),
  }));
}

let app: AppHarness;
beforeAll(async () => {
  const missing = ASSETS.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`the search needs ${missing.join(', ')}`);
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('Search view: a quick run from the URL (built app)', () => {
  it('finishes with a valid, priced, exportable Pareto front', async () => {
    // The issue's own URL: default view and device, `auto` backend (here: WebAssembly, as both GPU
    // adapters are software renderers).
    const { page, consoleErrors, foreignRequests } = await app.open('#preset=quick&seed=1&run=1');
    const status = page.getByTestId('run-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 1_200_000, interval: 2000 }).toMatch(/finished|error/);
    expect(await status.getAttribute('data-state'), (await page.getByTestId('run-error').allTextContents()).join(' ')).toBe('finished');
    expect((await page.getByTestId('backend').textContent())?.trim()).toMatch(/webgpu|webgl|wasm|cpu/);

    const rows = await page.getByTestId('pareto-row').evaluateAll(readNetworks);
    expect(rows.length).toBeGreaterThan(0);
    const objs = rows.map((r) => [100 - r.valAccuracy, r.latencyMs, r.energyMj]);
    for (let i = 0; i < objs.length; i++) for (let j = 0; j < objs.length; j++) if (i !== j) expect(dominates(objs[i], objs[j])).toBe(false);

    const device = await page.getByTestId('search-device').inputValue();
    const table = parseDeviceTable(JSON.parse(readFileSync(`public/luts/${device}.json`, 'utf8')));
    for (const r of rows) {
      const cost = networkCost(table, { image: parseGenome(r.image), audio: parseGenome(r.audio), fusionOps: r.fusion.split(',') as FusionOp[] });
      expect(r.latencyMs).toBeCloseTo(cost.latencyMs, 9);
      expect(r.energyMj).toBeCloseTo(cost.energyMj, 9);
      for (const a of [r.accuracy, r.valAccuracy]) expect(a >= 0 && a <= 100).toBe(true);
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.front.map((e: { image: string; audio: string; fusion: string; valAccuracy: number; testAccuracy: number; latencyMs: number; energyMj: number }) => ({
      image: e.image, audio: e.audio, fusion: e.fusion, accuracy: e.testAccuracy, valAccuracy: e.valAccuracy, latencyMs: e.latencyMs, energyMj: e.energyMj,
    })).sort((a: { latencyMs: number }, b: { latencyMs: number }) => a.latencyMs - b.latencyMs)).toEqual([...rows].sort((a, b) => a.latencyMs - b.latencyMs));
    expect(exported.archive.length).toBeGreaterThanOrEqual(rows.length);
    // every searched fusion reads both modalities, and the table says what each cell fuses
    for (const e of exported.archive as { genotype: FusionGenotype }[]) expect(readsBothModalities(e.genotype)).toBe(true);
    const shownInputs = await page.locator('[data-testid="pareto-row"] [data-testid="cell-inputs"]').allTextContents();
    expect(shownInputs.sort()).toEqual(exported.front.map((e: { genotype: FusionGenotype }) => formatCellInputs(e.genotype)).sort());

    const tensors = await page.locator('[data-testid="memory"] [data-num-tensors]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-num-tensors'))));
    expect(tensors.length).toBe(exported.settings.generations);
    expect(new Set(tensors).size, `tensors per generation: ${tensors.join(', ')}`).toBe(1);

    // The live views' contract, fed by the same run's event stream.
    await expect.poll(() => page.getByTestId('timeline').count()).toBe(1);
    for (const modality of ['image', 'audio']) {
      const points = await page.locator(`[data-testid="unimodal-scatter"][data-modality="${modality}"] [data-testid="backbone-point"]`).evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-genome'), Number(e.getAttribute('data-val-accuracy')), Number(e.getAttribute('data-latency-ms'))] as const),
      );
      expect(points.length, modality).toBeGreaterThan(0);
      for (const [genome, acc, ms] of points) {
        expect(() => parseGenome(genome!)).not.toThrow();
        expect(acc >= 0 && acc <= 100 && ms > 0).toBe(true);
      }
    }
    for (const id of ['alpha-heatmap', 'gamma-heatmap']) expect(Number(await page.getByTestId(id).getAttribute('data-epoch'))).toBeGreaterThan(0);
    const pointLocator = page.getByTestId('pareto-point');
    const onFrontFlags = await pointLocator.evaluateAll((els) => els.map((e) => e.getAttribute('data-on-front')));
    const points = (await pointLocator.evaluateAll(readNetworks)).map((p, i) => ({ ...p, onFront: onFrontFlags[i] }));
    expect(points).toHaveLength(exported.archive.length);
    const onFront = points.filter((p) => p.onFront === 'true').map(({ onFront: _, ...rest }) => rest);
    const byLatency = (a: { latencyMs: number }, b: { latencyMs: number }) => a.latencyMs - b.latencyMs;
    expect(onFront.sort(byLatency)).toEqual([...rows].sort(byLatency));
    const diagram = page.getByTestId('arch-diagram');
    const shown = { image: await diagram.getAttribute('data-image'), audio: await diagram.getAttribute('data-audio'), fusion: await diagram.getAttribute('data-fusion') };
    expect(rows.some((r) => r.image === shown.image && r.audio === shown.audio && r.fusion === shown.fusion)).toBe(true);
    // The shown network's model bundle, downloaded as a zip and scored by `npm run predict`,
    // gets the test accuracy the page shows for it.
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-bundle').click()]);
    const shownRow = rows.find((r) => r.image === shown.image && r.audio === shown.audio && r.fusion === shown.fusion)!;
    const predicted = JSON.parse(execFileSync('npx', ['tsx', 'scripts/predict.ts', '--bundle', (await zip.path())!, '--split', 'test'], { encoding: 'utf8' }));
    expect(Math.abs(predicted.accuracy - shownRow.accuracy)).toBeLessThan(0.01);
    expect(predicted.reported.testAccuracy).toBe(shownRow.accuracy);
    expect(predicted.n).toBeGreaterThan(0);

    // The random-search baseline at the same budget draws its own curve.
    const hv = page.getByTestId('hv-chart');
    expect(JSON.parse((await hv.getAttribute('data-hv'))!)).toHaveLength(exported.settings.generations);
    await page.getByTestId('run-baseline').click();
    await expect.poll(() => hv.getAttribute('data-baseline'), { timeout: 600_000, interval: 2000 }).toBe('finished');
    const random = JSON.parse((await hv.getAttribute('data-hv-random'))!) as number[];
    expect(random).toHaveLength(exported.settings.generations);
    for (const v of random) expect(v > 0 && v <= 1).toBe(true);
    expect(JSON.parse((await hv.getAttribute('data-hv-reference'))!).point).toEqual(exported.reference.point);

    // The finished run is in this browser's history (with its baseline); the same run=1 link,
    // reloaded, shows it again instead of starting a new search.
    await expect.poll(() => page.getByTestId('history-row').count(), { timeout: 10_000 }).toBe(1);
    expect(page.url()).toContain('run=1');
    await page.reload();
    const banner = page.getByTestId('history-banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.getAttribute('data-from-link')).toBe('true');
    await expect.poll(() => page.getByTestId('pareto-row').count(), { timeout: 30_000 }).toBe(rows.length);
    expect(await page.getByTestId('pareto-row').evaluateAll(readNetworks)).toEqual(rows);
    expect(await hv.getAttribute('data-baseline')).toBe('finished');
    expect(JSON.parse((await hv.getAttribute('data-hv-random'))!)).toEqual(random);
    expect(await status.getAttribute('data-state')).not.toMatch(/loading|running/);

    // Copy link: the address with every setting
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('copy-link').click();
    await expect.poll(() => page.getByTestId('copy-link-status').textContent()).toBe('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());

    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
