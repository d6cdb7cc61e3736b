// Headless search: runs the SAME worker code as the page in headless Chromium and writes the
// archive and the Pareto front as JSON (the page's own "Export JSON" download) plus the run's
// facts (backend, adapter, wall time, tf.memory() samples).
//
//   npm run search -- --preset quick --seed 1 --device jetson-tx2 --out results.json [--record events.jsonl] [--baseline] [--export-models DIR]
//
// Serves the built app (dist/, from `vite build`) with `vite preview` on a free localhost port,
// opens `#view=search&preset=…&seed=…&run=1`, waits for [data-testid="run-status"] to read
// data-state="finished". Bad arguments: one line on stderr, exit 2. A failed run: exit 1.
// Past --timeout: the result after the last completed generation is written, marked
// `run.partial`, exit 3 (exit 1 when no generation completed). With --checkpoint FILE the run
// is resumable across sittings (FILE keeps the latest checkpoint and the events so far; the same
// command continues it); --sitting-generations N ends a sitting after N generations (exit 3).

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { preview } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { isMainModule, runCli } from './cli-args';
import { USAGE, parseSearchArgs, type SearchArgs } from './search-args';
import { recordingInfo } from './recording-info';

/** The sittings of this run so far (from the checkpoint file, then this one): when, and the app's build commit. */
const sittings: { date: string; commit: string }[] = [];
const buildCommitOf = (page: Page) => page.evaluate(() => (globalThis as unknown as { __harmonicNas?: { buildCommit(): string } }).__harmonicNas?.buildCommit() ?? 'unknown');
import type { SearchEvent } from '../src/core/search-events';
import { DEVICE_INDEX_FILE, DEVICE_TABLES_DIR, publicPath } from '../src/data/asset-paths';

export function knownDevices(): string[] | undefined {
  try {
    const index = JSON.parse(readFileSync(resolve(publicPath(DEVICE_TABLES_DIR), DEVICE_INDEX_FILE), 'utf8')) as { devices: { id: string }[] };
    return index.devices.map((d) => d.id);
  } catch {
    return undefined;
  }
}

/** Exports the page's result (front + archive) with the run's facts to args.out. */
async function writeResult(page: Page, args: SearchArgs, t0: number, errors: string[], partial: boolean, searchSeconds?: number) {
  const seconds = (Date.now() - t0) / 1000;
  if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const backend = await page.getByTestId('backend').textContent();
  const memory = await page.locator('[data-testid="memory"] [data-num-tensors]').evaluateAll((els) =>
    els.map((e) => ({ generation: Number(e.getAttribute('data-generation')), numTensors: Number(e.getAttribute('data-num-tensors')) })),
  );
  const generationsDone = Array.isArray(exported.history) ? exported.history.length : null;
  const hv = page.getByTestId('hv-chart');
  const hypervolume = (await hv.count()) > 0
    ? { evolution: JSON.parse((await hv.getAttribute('data-hv')) ?? '[]'), random: JSON.parse((await hv.getAttribute('data-hv-random')) ?? '[]'), reference: JSON.parse((await hv.getAttribute('data-hv-reference')) ?? 'null') }
    : null;
  // seconds: page load to result, baseline included; searchSeconds: page load to the search's end
  const run = { url: args.hash, hypervolume, backend: backend?.replace(/\s+/g, ' ').trim(), seconds, searchSeconds: searchSeconds ?? seconds, partial, generationsDone, memory, consoleErrors: errors };
  writeFileSync(args.out, JSON.stringify({ ...exported, run }, null, 2) + '\n');
  if (args.record) {
    // The run's event stream as the page received it (JSON lines), for replay into the views.
    const text = await page.evaluate(() => (globalThis as unknown as { __harmonicNas?: { recording(): string } }).__harmonicNas?.recording() ?? '');
    const base = recordingInfo(args.settings.preset, page.context().browser()?.version() ?? 'unknown', await buildCommitOf(page));
    const info: SearchEvent = { type: 'recording', info: { ...base, ...(sittings.length > 1 ? { sittings: [...sittings] } : {}) } };
    writeFileSync(args.record, `${JSON.stringify(info)}\n${text}`);
  }
  return exported as { front: unknown[]; archive: unknown[] };
}

/** The model bundle of each front network, from the page's worker, into dir/network-<id>/. */
async function exportModels(page: Page, dir: string, front: readonly { id: number }[]): Promise<void> {
  for (const { id } of front) {
    const files = await page.evaluate(async (entryId) => {
      const hook = (globalThis as unknown as { __harmonicNas: { exportBundle(id: number): Promise<Record<string, Uint8Array>> } }).__harmonicNas;
      const out: Record<string, string> = {};
      for (const [path, bytes] of Object.entries(await hook.exportBundle(entryId))) {
        let text = '';
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        out[path] = btoa(text);
      }
      return out;
    }, id);
    for (const [path, b64] of Object.entries(files)) {
      const target = resolve(dir, `network-${id}`, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, Buffer.from(b64, 'base64'));
    }
    console.error(`model bundle of network #${id} → ${resolve(dir, `network-${id}`)}`);
  }
}

const CHECKPOINT_FORMAT = 'harmonic-nas-headless-checkpoint/1';
type Hook = {
  lastCheckpoint(): { history: unknown[] } | null;
  recording(): string;
  resume(state: unknown, events: string): Promise<void>;
};

/** Opens the run: a fresh one (run=1), or one continued from the checkpoint file of an earlier sitting. */
async function startSitting(page: Page, base: string, args: SearchArgs): Promise<{ generationsSaved: number; generationsHere: number }> {
  const date = new Date().toISOString();
  if (!args.checkpoint || !existsSync(args.checkpoint)) {
    await page.goto(base + args.hash);
    await page.getByTestId('run-status').waitFor();
    sittings.push({ date, commit: await buildCommitOf(page) });
    return { generationsSaved: 0, generationsHere: 0 };
  }
  const saved = JSON.parse(readFileSync(args.checkpoint, 'utf8')) as { format: string; state: { history: unknown[] }; events: string; sittings?: { date: string; commit: string }[] };
  if (saved.format !== CHECKPOINT_FORMAT) throw new Error(`${args.checkpoint} is not a ${CHECKPOINT_FORMAT} file`);
  await page.goto(base + args.hash.replace(/&run=1(?=&|$)/, ''));
  await page.getByTestId('run-button').waitFor();
  sittings.push(...(saved.sittings ?? []), { date, commit: await buildCommitOf(page) });
  await page.evaluate(({ state, events }) => (globalThis as unknown as { __harmonicNas: Hook }).__harmonicNas.resume(state, events), saved);
  console.error(`continuing from ${args.checkpoint}: ${saved.state.history.length} generation(s) done in earlier sittings`);
  return { generationsSaved: saved.state.history.length, generationsHere: 0 };
}

/** Writes the checkpoint file when a generation completed since the last write; says whether it did. */
async function keepCheckpoint(page: Page, file: string, sitting: { generationsSaved: number; generationsHere: number }): Promise<boolean> {
  const latest = await page.evaluate(() => {
    const hook = (globalThis as unknown as { __harmonicNas: Hook }).__harmonicNas;
    const state = hook.lastCheckpoint();
    return state ? { state, events: hook.recording() } : null;
  });
  if (!latest || latest.state.history.length <= sitting.generationsSaved) return false;
  sitting.generationsHere += latest.state.history.length - sitting.generationsSaved;
  sitting.generationsSaved = latest.state.history.length;
  writeFileSync(`${file}.tmp`, JSON.stringify({ format: CHECKPOINT_FORMAT, savedAt: new Date().toISOString(), sittings, state: latest.state, events: latest.events }));
  renameSync(`${file}.tmp`, file);
  console.error(`checkpoint after generation ${latest.state.history.length} → ${file}`);
  return true;
}

/** Runs one headless search; 0 finished, 1 failed, 3 partial (see the header). */
export async function runHeadlessSearch(args: SearchArgs): Promise<number> {
  if (!existsSync(resolve(args.dist, 'index.html'))) {
    console.error(`${args.dist}/index.html is missing: run \`npx vite build\` first`);
    return 1;
  }
  const server = await preview({ build: { outDir: args.dist }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const base = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  const t0 = Date.now();
  try {
    const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1200, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const sitting = await startSitting(page, base, args);
    const status = page.getByTestId('run-status');
    const deadline = t0 + args.timeoutS * 1000;
    let lastLine = '';
    for (;;) {
      const state = await status.getAttribute('data-state');
      if (state === 'finished') break;
      if (state === 'error') {
        const msg = (await page.getByTestId('run-error').allTextContents()).join(' | ') || (await status.textContent());
        console.error(`search failed: ${msg}`);
        return 1;
      }
      if (Date.now() > deadline) {
        if ((await page.getByTestId('export-json').count()) === 0) {
          console.error(`search did not finish within ${args.timeoutS} s (no generation completed: nothing written)`);
          return 1;
        }
        await writeResult(page, args, t0, errors, true);
        console.error(`search did not finish within ${args.timeoutS} s: wrote the result after the last completed generation (partial) → ${args.out}`);
        return 3;
      }
      if (args.checkpoint && (await keepCheckpoint(page, args.checkpoint, sitting)) && args.sittingGenerations !== undefined && sitting.generationsHere >= args.sittingGenerations) {
        await writeResult(page, args, t0, errors, true);
        console.error(`sitting over after ${sitting.generationsHere} generation(s): checkpoint kept in ${args.checkpoint}; run the same command again to continue (partial result → ${args.out})`);
        return 3;
      }
      const phase = (await page.getByTestId('phase').textContent({ timeout: 200 }).catch(() => '')) ?? '';
      const line = `[${((Date.now() - t0) / 1000).toFixed(0)} s] ${state}: ${phase.replace(/\s+/g, ' ').trim()}`;
      if (line.replace(/^\[\d+ s\] /, '') !== lastLine) {
        console.error(line);
        lastLine = line.replace(/^\[\d+ s\] /, '');
      }
      await page.waitForTimeout(1000);
    }
    const searchSeconds = (Date.now() - t0) / 1000;
    if (args.baseline) {
      const t1 = Date.now();
      await page.getByTestId('run-baseline').click();
      const hv = page.getByTestId('hv-chart');
      while ((await hv.getAttribute('data-baseline')) !== 'finished') {
        if (Date.now() > deadline) throw new Error(`the random-search baseline did not finish within ${args.timeoutS} s`);
        console.error(`[${((Date.now() - t0) / 1000).toFixed(0)} s] baseline: ${(await page.getByTestId('baseline-progress').textContent({ timeout: 200 }).catch(() => '')) ?? ''}`);
        await page.waitForTimeout(2000);
      }
      console.error(`random-search baseline: ${((Date.now() - t1) / 1000).toFixed(1)} s; hypervolume ${await hv.getAttribute('data-hv')} vs random ${await hv.getAttribute('data-hv-random')}`);
    }
    const exported = await writeResult(page, args, t0, errors, false, searchSeconds);
    if (args.checkpoint && existsSync(args.checkpoint)) rmSync(args.checkpoint);
    if (args.exportModels) await exportModels(page, args.exportModels, exported.front as { id: number }[]);
    console.error(`finished in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${exported.front.length} networks on the front, ${exported.archive.length} evaluated → ${args.out}`);
    return 0;
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
}

if (isMainModule(import.meta.url)) runCli('search', (argv) => runHeadlessSearch(parseSearchArgs(argv, knownDevices())), { usage: USAGE, exit: true });
