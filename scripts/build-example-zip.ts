// Builds the upload example, public/examples/avmnist-example.zip, in the format the Data view
// takes (README "Your own dataset"): a few samples per digit and split of the demo set AV-MNIST —
// its MNIST images as PNG and the FSDD recordings it pairs them with as WAV — with a split
// column that keeps the demo's splits. Byte-identical on every run with the same inputs.
//
//   npx tsx scripts/build-example-zip.ts [--fsdd ../shared/data/fsdd/recordings] [--out FILE] [--train 8 --val 2 --test 2]

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { loadAvmnist } from '../src/data/avmnist';
import { DATASET_DIR, EXAMPLE_UPLOAD_ZIP, publicPath } from '../src/data/asset-paths';
import { localFetch } from './script-io';
import { encodeGreyPng } from './png';
import { runCli } from './cli-args';
import { TOOL_USAGE, parseBuildExampleZipArgs } from './tool-args';

const MTIME = new Date('2026-01-01T00:00:00Z');

async function main(argv: string[]): Promise<void> {
  const a = parseBuildExampleZipArgs(argv);
  const fsddDir = resolve(a.fsdd ?? '../shared/data/fsdd/recordings');
  const out = resolve(a.out ?? publicPath(EXAMPLE_UPLOAD_ZIP));
  const data = await loadAvmnist('', localFetch(publicPath(DATASET_DIR)));
  const files: Zippable = {
    'manifest.json': [strToU8(JSON.stringify({ name: 'AV-MNIST example (from the demo set: MNIST digits, FSDD spoken digits)', modalities: [{ name: 'image', kind: 'image' }, { name: 'audio', kind: 'audio' }] }, null, 1)), { mtime: MTIME }],
  };
  const rows = ['id,label,split'];
  const per = { train: a.train, val: a.val, test: a.test } as const;
  for (const split of ['train', 'val', 'test'] as const) {
    const s = data[split];
    const taken = new Map<number, number>();
    for (let i = 0; i < s.count; i++) {
      const label = s.labels[i];
      if ((taken.get(label) ?? 0) >= per[split]) continue;
      taken.set(label, (taken.get(label) ?? 0) + 1);
      const id = `${split}-${label}-${taken.get(label)}`;
      const pixels = Uint8Array.from(s.images.subarray(i * 784, (i + 1) * 784), (x) => Math.round((x * 0.5 + 0.5) * 255));
      files[`image/${id}.png`] = [encodeGreyPng(pixels, 28, 28), { mtime: MTIME }];
      files[`audio/${id}.wav`] = [new Uint8Array(readFileSync(join(fsddDir, s.sources.fsdd[i]))), { mtime: MTIME, level: 0 }];
      rows.push(`${id},${label},${split}`);
    }
  }
  files['labels.csv'] = [strToU8(rows.join('\n') + '\n'), { mtime: MTIME }];
  const zip = zipSync(files, { level: 9 });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`${out}: ${rows.length - 1} samples, ${(zip.length / 1024).toFixed(0)} KiB`);
}

runCli('build-example-zip', main, { usage: TOOL_USAGE['build-example-zip'] });
