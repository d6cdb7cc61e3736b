// CLI: accuracy (%) of one subnet of a shipped pretrained supernet, after BN recalibration on
// the training split, on tfjs cpu in Node. Prints one JSON object.
//   npm run --silent eval-subnet -- --modality image --genome k7777e6666d4 --split test [--bn-batches N]
//   npm run --silent eval-subnet -- --modality audio --genome G --wav-dir DIR [--adapt-bn] [--record FILE --about TEXT]
// With --wav-dir: every `<digit>_<speaker>_<take>.wav` in DIR (any rate, mono or stereo) goes through
// the demo audio pipeline (src/core/audio/demo-features.ts) and is scored; the JSON holds the
// accuracy, n, per-speaker figures and how many files were skipped (each named on stderr);
// --adapt-bn adds `speakerAdapted`: the same clips scored with each speaker's BN statistics taken from
// the other half of that speaker's clips, labels unused (src/ml/supernet/speaker-adaptation.ts);
// --record FILE keeps it in an unheard-voices record (src/core/unheard-voices.ts) that the Data view shows.
// Bad arguments: one line on stderr, exit status 2.

import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli-args';
import { USAGE, parseEvalArgs } from './eval-subnet-args';
import { DATASET_DIR, MODELS_DIR, publicPath, supernetDirName } from '../src/data/asset-paths';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** fetch over local files: URL path relative to `dir`. */
const fileFetch = (dir: string) => async (input: string | URL) => {
  const name = String(input);
  try {
    return new Response(await readFile(join(dir, name)));
  } catch {
    return new Response(null, { status: 404 });
  }
};

async function main(argv: string[]) {
  const args = parseEvalArgs(argv);
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const { loadAvmnist } = await import('../src/data/avmnist');
  const { fetchSupernet } = await import('../src/ml/supernet/weights-io');
  const { evaluateSubnet } = await import('../src/ml/supernet/evaluate');
  const { formatGenome } = await import('../src/core/genome');
  const modelDir = resolve(root, args.modelsDir ?? publicPath(MODELS_DIR), supernetDirName(args.modality));
  const net = await fetchSupernet('', fileFetch(modelDir) as typeof fetch);
  const data = await loadAvmnist('', fileFetch(join(root, publicPath(DATASET_DIR))) as typeof fetch);
  const pick = (s: (typeof data)['train']) =>
    args.modality === 'image' ? { inputs: s.images, labels: s.labels, size: 28 } : { inputs: s.audio, labels: s.labels, size: 20 };
  if (args.wavDir) {
    const out = await scoreWavDir(net, args.genome, pick(data.train), resolve(args.wavDir), args.bnBatches, args.adaptBn);
    net.dispose();
    console.log(JSON.stringify({ ...out, genome: formatGenome(args.genome), modality: 'audio', wavDir: args.wavDir, backend: tf.getBackend() }));
    if (args.record) await keepResult(args.record, args.about!, modelDir, { ...out, genome: formatGenome(args.genome) }, argv);
    return;
  }
  const t0 = Date.now();
  const r = await evaluateSubnet(net, args.genome, pick(data.train), pick(data[args.split]), { batches: args.bnBatches, batchSize: 64 });
  net.dispose();
  console.log(
    JSON.stringify({
      accuracy: r.accuracy,
      genome: formatGenome(args.genome),
      modality: args.modality,
      split: args.split,
      samples: data[args.split].count,
      bnRecalibrationSamples: r.recalibrationSamples,
      backend: tf.getBackend(),
      seconds: (Date.now() - t0) / 1000,
    }),
  );
}

/** Writes the result into the unheard-voices record at `file` (one result per genome), with the weights' SHA-256 and the command. */
async function keepResult(file: string, about: string, modelDir: string, out: { genome: string; accuracy: number; n: number; perSpeaker: Record<string, { accuracy: number; n: number }>; skipped: number }, argv: string[]) {
  const { createHash } = await import('node:crypto');
  const { existsSync, readFileSync, writeFileSync } = await import('node:fs');
  const { parseUnheardVoices, withResult } = await import('../src/core/unheard-voices');
  const weightsSha256 = createHash('sha256').update(readFileSync(join(modelDir, 'supernet.bin'))).digest('hex');
  const path = resolve(file);
  const before = existsSync(path) ? parseUnheardVoices(JSON.parse(readFileSync(path, 'utf8')), file) : { script: 'scripts/eval-subnet.ts', about, results: [] };
  const keep = argv.filter((x, i) => !['--record', '--about'].includes(x) && !['--record', '--about'].includes(argv[i - 1] ?? ''));
  const result = { ...out, weightsSha256, command: `npm run --silent eval-subnet -- ${keep.join(' ')}`, date: new Date().toISOString().slice(0, 10) };
  writeFileSync(path, JSON.stringify(withResult({ ...before, about }, result), null, 1) + '\n');
}

/** Scores every FSDD-named WAV of `dir`; files it cannot use are named on stderr and counted. */
async function scoreWavDir(
  net: import('../src/ml/supernet/supernet').Supernet,
  genome: import('../src/core/types').BackboneGenome,
  train: { inputs: Float32Array; labels: Uint8Array; size: number },
  dir: string,
  bnBatches: number | undefined,
  adaptBn: boolean,
) {
  const { decodeWav } = await import('../src/data/wav');
  const { demoAudioFeatures, parseFsddName } = await import('../src/core/audio/demo-features');
  const { recalibrateBn } = await import('../src/ml/supernet/bn-recalibration');
  const { MIN_ADAPTATION_CLIPS, speakerFolds } = await import('../src/core/audio/speaker-folds');
  const { accuracyBySpeaker } = await import('../src/core/prediction-tally');
  const { predictedClasses } = await import('../src/ml/supernet/evaluate');
  const { speakerAdaptedPredictions } = await import('../src/ml/supernet/speaker-adaptation');
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.wav')).sort();
  const maps: Float32Array[] = [];
  const meta: { digit: number; speaker: string }[] = [];
  let skipped = 0;
  for (const name of names) {
    const parsed = parseFsddName(name);
    if (!parsed) {
      process.stderr.write(`${name}: skipped (the name must be <digit>_<speaker>_<take>.wav)\n`);
      skipped++;
      continue;
    }
    try {
      const w = decodeWav(await readFile(join(dir, name)), name);
      maps.push(demoAudioFeatures(w.samples, w.sampleRate));
      meta.push(parsed);
    } catch (err) {
      process.stderr.write(`${name}: skipped (${(err as Error).message})\n`);
      skipped++;
    }
  }
  if (maps.length === 0) throw new Error(`no readable <digit>_<speaker>_<take>.wav file in ${dir}`);
  const labels = meta.map((m) => m.digit);
  const speakers = meta.map((m) => m.speaker);
  const inputs = new Float32Array(maps.length * 400);
  maps.forEach((m, i) => inputs.set(m, i * 400));
  const clips = { inputs, labels: Uint8Array.from(labels), size: 20 };
  await recalibrateBn(net, genome, train, { batchSize: 64, ...(bnBatches ? { batches: bnBatches } : {}) });
  const plain = accuracyBySpeaker(await predictedClasses(net, genome, clips, 64), labels, speakers);
  if (!adaptBn) return { ...plain, skipped };
  const folds = speakerFolds(speakers);
  for (const u of folds.unadapted) process.stderr.write(`${u.speaker}: not adapted (${u.rows.length} clips; adapting needs at least ${2 * MIN_ADAPTATION_CLIPS})\n`);
  const adapted = accuracyBySpeaker(await speakerAdaptedPredictions(net, genome, clips, folds, train, 64), labels, speakers);
  const speakerAdapted = { accuracy: adapted.accuracy, perSpeaker: adapted.perSpeaker, unadaptedSpeakers: folds.unadapted.map((u) => u.speaker) };
  return { ...plain, skipped, speakerAdapted };
}

runCli('eval-subnet', main, { usage: USAGE });
