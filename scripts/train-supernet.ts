// Trains one modality's elastic supernet on the demo dataset in headless Chromium (WebGPU on
// the software adapter by default — measured faster here than WebGL, and far faster than the
// stock tfjs cpu convs in Node; --backend webgl also works) and
// writes public/models/avmnist-<modality>/{supernet.json, supernet.bin, training.json}.
//
//   tsx scripts/train-supernet.ts --modality image [--epochs 8] [--warmup 2] [--seed 1]
//        [--batch 64] [--lr 3e-3] [--random-subnets 50] [--backend webgpu|webgl] [--out DIR]
//        [--budget-s 1200] (training stops early when the wall-clock budget runs out)
//   tsx scripts/train-supernet.ts --modality image --measure 3     (time sandwich steps only)
// Flags: scripts/tool-args.ts. Bad arguments: one line on stderr, exit 2.

import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { createServer as netServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { buildTrainingRecord } from '../src/core/training-record';
import { DATASET_DIR, SUPERNET_DIRS, TRAINING_RECORD_FILE, publicPath } from '../src/data/asset-paths';
import { runCli } from './cli-args';
import { TOOL_USAGE, parseTrainSupernetArgs } from './tool-args';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = netServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

async function main(argv: string[]) {
  const args = parseTrainSupernetArgs(argv);
  const { modality, backend } = args;
  const port = await freePort();
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    server: { port, strictPort: true, host: '127.0.0.1', hmr: false },
  });
  await server.listen();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.error(`[page ${m.type()}] ${m.text()}`);
    });
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await page.exposeFunction('reportProgress', (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`));
    await page.goto(`http://127.0.0.1:${port}/scripts/train-page/index.html`);
    await page.waitForFunction(() => (globalThis as unknown as { harness?: unknown }).harness !== undefined, undefined, { timeout: 120_000 });

    if (args.profile) {
      const r = await page.evaluate((o) => (globalThis as any).harness.profile(o), { modality, backend, batch: args.batch, reps: args.profile });
      console.log(JSON.stringify(r));
      return;
    }
    if (args.measure !== undefined) {
      const r = await page.evaluate(
        (o) => (globalThis as any).harness.measure(o),
        {
          modality,
          backend,
          batch: args.batch,
          steps: args.measure,
          fixed: args.fixed === '1',
          flags: args.flags,
        },
      );
      const stepsPerEpoch = Math.floor(r.trainCount / args.batch);
      console.log(JSON.stringify({ ...r, stepsPerEpoch, secondsPerSandwichEpoch: r.perStepS * stepsPerEpoch }));
      return;
    }

    const settings = {
      seed: args.seed,
      epochs: args.epochs,
      warmupEpochs: args.warmup,
      batchSize: args.batch,
      lr: args.lr,
      valRecalBatches: args.valRecalBatches,
    };
    const t0 = Date.now();
    const r = await page.evaluate((o) => (globalThis as any).harness.train(o), {
      modality,
      backend,
      settings,
      randomSubnets: args.randomSubnets,
      randomRecalBatches: args.randomRecalBatches,
      evalSeed: 2024,
      budgetS: args.budgetS,
      randomBudgetS: args.randomBudgetS,
    });
    const outDir = resolve(root, args.out || publicPath(SUPERNET_DIRS[modality]));
    mkdirSync(outDir, { recursive: true });
    const bin = Buffer.from(r.weightsBase64, 'base64');
    writeFileSync(join(outDir, 'supernet.bin'), bin);
    writeFileSync(join(outDir, 'supernet.json'), JSON.stringify(r.manifest, null, 1) + '\n');
    const training = buildTrainingRecord({
      script: 'scripts/train-supernet.ts',
      args: process.argv.slice(2),
      datasetDir: publicPath(DATASET_DIR),
      splits: r.splits,
      modality,
      backend: `${r.backend} in headless Chromium`,
      settings,
      trainSeconds: r.trainSeconds,
      trainBudgetSeconds: args.budgetS,
      stoppedEarlyByBudget: r.stoppedEarly,
      wallSeconds: (Date.now() - t0) / 1000,
      accuracyPercent: r.final,
      history: r.history,
      randomSubnets: r.randomSubnets,
      randomRecalBatches: args.randomRecalBatches,
      bytes: bin.length,
    });
    writeFileSync(join(outDir, TRAINING_RECORD_FILE), JSON.stringify(training, null, 1) + '\n');
    console.log(JSON.stringify({ outDir, bytes: bin.length, final: r.final, trainSeconds: r.trainSeconds, randomSubnets: training.randomSubnets.meanRecal }));
  } finally {
    await browser.close();
    await server.close();
  }
}

runCli('train-supernet', main, { usage: TOOL_USAGE['train-supernet'] });
