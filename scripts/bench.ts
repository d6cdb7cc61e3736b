// The benchmark: how close to the machine the search runs. Prints one JSON object.
//   1. The bench worker (workers/bench.worker.ts → src/ml/bench/) in headless Chromium, on the
//      backend the app would pick (or --backend): matmul peak, DARTS step and its GFLOP/s, a
//      fusion epoch with and without the feature cache, a training step through the supernet vs
//      the same network built static.
//   2. A headless search of the built app (scripts/search.ts: the page's own search worker) of
//      the `quick` preset, seed 1, with its random-search baseline: wall time, hypervolume
//      against random search at the same budget, tensors left behind per candidate.
//   3. The built main-thread JavaScript (dist/): gzip size, and whether it holds tfjs.
//
//   npm run bench [-- --tiny] [--backend auto|webgpu|webgl|wasm|cpu] [--device jetson-tx2]
// --tiny: a seconds-long version for tests (tiny sizes and a tiny search; its figures say nothing
// about speed). Needs a built app (npm run bench builds it first).

import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { defineFlags, isMainModule, parseFlags, runCli } from './cli-args';
import { parseSearchArgs } from './search-args';
import { knownDevices, runHeadlessSearch } from './search';
import { ceilingOf, comparison } from './compare-random';
import { BACKEND_CHOICES } from '../src/core/backends';
import { benchReportProblems, mainThreadChunks, tensorsLeakedPerCandidate } from '../src/core/bench/bench-report';
import type { WorkerBenchReport } from '../src/ml/bench/bench-session';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const FLAGS = defineFlags({
  tiny: { type: 'boolean' },
  backend: { type: 'choice', choices: BACKEND_CHOICES, default: 'auto' },
  device: { type: 'string', default: 'jetson-tx2', value: 'ID' },
  dist: { type: 'string', default: 'dist', value: 'DIR' },
});

/** The worker half, in headless Chromium through a programmatic Vite server. */
async function workerBench(tiny: boolean, backend: string, device: string): Promise<WorkerBenchReport & { chromium: string }> {
  const server = await createServer({ root, configFile: false, logLevel: 'error', server: { port: 0, host: '127.0.0.1', hmr: false } });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('bench server has no port');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`[bench page error] ${e.message}`));
    await page.exposeFunction('reportProgress', (line: string) => console.error(`[bench] ${line}`));
    await page.goto(`http://127.0.0.1:${address.port}/scripts/bench-page/index.html`);
    await page.waitForFunction(() => typeof (globalThis as unknown as { runBench?: unknown }).runBench === 'function', undefined, { timeout: 120_000 });
    const report = await page.evaluate(
      (req) => (globalThis as unknown as { runBench(r: unknown): Promise<WorkerBenchReport> }).runBench(req),
      { tiny, backend, baseUrl: '/', device },
    );
    return { ...report, chromium: browser.version() };
  } finally {
    await browser.close();
    await server.close();
  }
}

const TINY_SEARCH = ['--population-size', '2', '--offspring', '2', '--generations', '2', '--fusion-epochs', '1', '--retrain-epochs', '1', '--train-subset', '120'];

/** The search half: the built app's own worker, quick preset (or tiny), with its baseline. */
async function searchBench(tiny: boolean, backend: string, device: string, dist: string) {
  const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'result.json');
  const argv = ['--preset', 'quick', '--seed', '1', '--device', device, '--backend', backend, '--dist', dist, '--out', out, ...(tiny ? TINY_SEARCH : [])];
  const code = await runHeadlessSearch({ ...parseSearchArgs(argv, knownDevices()), baseline: true });
  if (code !== 0) throw new Error(`the headless search failed (exit ${code})`);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const c = comparison(r, ceilingOf(r.device, r.reference));
  const perGeneration = (r.history as { backboneEvaluations: number; fusionSearches: number }[]).map((h) => h.backboneEvaluations + h.fusionSearches);
  return {
    searchPreset: tiny ? 'quick, tiny budget' : 'quick',
    quickSearchSeconds: r.run.searchSeconds as number,
    hypervolume: c.hypervolume,
    hypervolumeRandom: c.hypervolumeRandom,
    hypervolumeVsRandom: c.ratio,
    hypervolumeCeiling: c.hypervolumeCeiling,
    fusionSearches: c.evaluations,
    tensorsLeakedPerCandidate: tensorsLeakedPerCandidate(r.run.memory, perGeneration),
  };
}

/** Gzip size (KiB) of the JavaScript the page loads on the main thread, and whether tfjs is in it. */
export function mainBundle(dist: string) {
  const read = (p: string) => readFileSync(join(dist, p), 'utf8');
  const chunks = mainThreadChunks(read('index.html'), read);
  const bytes = chunks.reduce((n, p) => n + gzipSync(readFileSync(join(dist, p)), { level: 9 }).length, 0);
  return { mainBundleGzipKb: bytes / 1024, mainBundleChunks: chunks, mainBundleHasTfjs: chunks.some((p) => /registerKernel|registerBackend/.test(read(p))) };
}

async function main(argv: string[]): Promise<number> {
  const { values: a } = parseFlags(argv, FLAGS);
  const tiny = a.tiny === true;
  const t0 = Date.now();
  const worker = await workerBench(tiny, a.backend, a.device);
  const search = await searchBench(tiny, a.backend, a.device, a.dist);
  const bundle = mainBundle(resolve(root, a.dist));
  const cpu = cpus();
  const report = {
    tiny,
    ...worker,
    ...search,
    ...bundle,
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` },
    date: new Date().toISOString().slice(0, 10),
    benchSeconds: (Date.now() - t0) / 1000,
  };
  const problems = benchReportProblems(report);
  console.log(JSON.stringify(report));
  if (problems.length > 0) {
    console.error(`bench report incomplete: ${problems.join('; ')}`);
    return 1;
  }
  return 0;
}

if (isMainModule(import.meta.url)) runCli('bench', main, { exit: true, usage: 'usage: bench [--tiny] [--backend auto|webgpu|webgl|wasm|cpu] [--device ID] [--dist DIR]' });
