// CLI: accuracy (%) of an exported model bundle (src/ml/bundle.ts; a folder, or the zip the app
// downloads) on a split of the demo dataset, in Node. Prints one JSON object {"accuracy", "n", …}.
//   npm run --silent predict -- --bundle DIR|FILE.zip [--split train|val|test] [--backend cpu|wasm]
// Bad arguments: one line on stderr, exit 2; an unreadable bundle: one line, exit 1.

import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { defineFlags, isMainModule, parseFlags, runCli, usageLine } from './cli-args';
import { localFetch, useNodeBackend } from './script-io';
import { DATASET_DIR, UNSEEN_SPEAKER_DATASET_DIR, publicPath } from '../src/data/asset-paths';

const FLAGS = defineFlags({
  bundle: { type: 'string', required: true, value: 'DIR|FILE.zip' },
  split: { type: 'choice', choices: ['train', 'val', 'test'], default: 'test' },
  backend: { type: 'choice', choices: ['cpu', 'wasm'], default: 'cpu' },
});
export const USAGE = usageLine('predict', FLAGS);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function filesUnder(dir: string): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  const walk = async (d: string) => {
    for (const name of await readdir(d)) {
      const p = join(d, name);
      if ((await stat(p)).isDirectory()) await walk(p);
      else out[relative(dir, p).split(sep).join('/')] = new Uint8Array(await readFile(p));
    }
  };
  await walk(dir);
  return out;
}

/** A bundle's files from a folder or a zip (path → bytes). */
export async function readBundleFiles(path: string): Promise<Record<string, Uint8Array>> {
  return (await stat(path)).isDirectory() ? filesUnder(path) : unzipSync(new Uint8Array(await readFile(path)));
}

async function main(argv: string[]) {
  const { values: a } = parseFlags(argv, FLAGS);
  const backend = await useNodeBackend(a.backend);
  const { loadBundle, bundleAccuracy } = await import('../src/ml/bundle');
  const { loadAvmnist } = await import('../src/data/avmnist');
  const bundle = await loadBundle(await readBundleFiles(resolve(a.bundle)));
  try {
    const dirs: Record<string, string> = { avmnist: DATASET_DIR, 'avmnist-unseen': UNSEEN_SPEAKER_DATASET_DIR };
    const dir = dirs[bundle.manifest.dataset];
    if (!dir) throw new Error(`the bundle was searched on "${bundle.manifest.dataset}", not on a shipped dataset (${Object.keys(dirs).join(', ')})`);
    const data = await loadAvmnist('', localFetch(join(root, publicPath(dir))));
    const t0 = Date.now();
    const r = await bundleAccuracy(bundle, data[a.split as 'train' | 'val' | 'test']);
    console.log(JSON.stringify({ accuracy: r.accuracy, n: r.n, split: a.split, reported: { valAccuracy: bundle.manifest.valAccuracy, testAccuracy: bundle.manifest.testAccuracy }, backend, seconds: (Date.now() - t0) / 1000 }));
  } finally {
    bundle.dispose();
  }
}

if (isMainModule(import.meta.url)) runCli('predict', main, { usage: USAGE });
