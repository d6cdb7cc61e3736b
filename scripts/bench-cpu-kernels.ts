// Benchmark of the fast cpu convolution kernels (src/ml/cpu-kernels) against the stock tfjs cpu
// kernels on the full-size supernet in Node: one forward+backward of the largest
// subnet and one sandwich step (largest + smallest + 2 random subnets, distillation), batch 64.
//
//   tsx scripts/bench-cpu-kernels.ts [--modality image|audio] [--batch 64] [--reps 2]
//        [--stock-sandwich]      (also time one sandwich step with the slow stock kernels)
//        [--profile]             (print the kernels that take the most time with the fast kernels)
// Flags: scripts/tool-args.ts. Bad arguments: one line on stderr, exit 2.

import * as tf from '@tensorflow/tfjs';
import { Supernet } from '../src/ml/supernet/supernet';
import { paperConfig } from '../src/ml/supernet/config';
import { sandwichStep } from '../src/ml/supernet/train';
import { LARGEST_GENOME, SMALLEST_GENOME, formatGenome, sampleGenome } from '../src/core/genome';
import { Rng } from '../src/core/rng';
import { installFastCpuKernels, uninstallFastCpuKernels } from '../src/ml/cpu-kernels';
import type { BackboneGenome } from '../src/core/types';
import { runCli } from './cli-args';
import { TOOL_USAGE, parseBenchCpuKernelsArgs } from './tool-args';

function batch(size: number, n: number, seed: number): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const rng = new Rng(seed);
  const x = tf.tensor4d(Float32Array.from({ length: n * size * size }, () => rng.normal()), [n, size, size, 1]);
  const y = tf.tensor1d(Int32Array.from({ length: n }, () => rng.int(10)), 'int32');
  return { x, y };
}

/** Seconds of one forward+backward (gradients of every trainable variable) of `genome`. */
async function fwdBwd(net: Supernet, genome: BackboneGenome, x: tf.Tensor4D, y: tf.Tensor1D): Promise<number> {
  const t0 = performance.now();
  const { value, grads } = tf.variableGrads(
    () => tf.losses.softmaxCrossEntropy(tf.oneHot(y, net.config.numClasses), net.forward(genome, x, 'train').logits) as tf.Scalar,
    net.trainableVariables(),
  );
  await value.data();
  const s = (performance.now() - t0) / 1000;
  tf.dispose([value, ...Object.values(grads)]);
  return s;
}

async function sandwich(net: Supernet, opt: tf.Optimizer, x: tf.Tensor4D, y: tf.Tensor1D, rng: Rng): Promise<number> {
  const genomes = [LARGEST_GENOME, SMALLEST_GENOME, sampleGenome(rng), sampleGenome(rng)];
  const t0 = performance.now();
  await sandwichStep(net, opt, x, y, genomes, 1);
  return (performance.now() - t0) / 1000;
}

async function main(argv: string[]) {
  const args = parseBenchCpuKernelsArgs(argv);
  const { modality, reps } = args;
  const size = modality === 'image' ? 28 : 20;
  const n = args.batch;
  await tf.setBackend('cpu');
  const net = new Supernet(paperConfig(size), 1);
  const opt = tf.train.adam(1e-3);
  const { x, y } = batch(size, n, 3);
  const fmt = (xs: number[]) => xs.map((s) => s.toFixed(2)).join(', ');
  const result: Record<string, unknown> = { modality, batch: n, largest: formatGenome(LARGEST_GENOME) };

  // stock first, in a fresh process state (measured: after the fast kernels had run, the stock
  // ones were up to 10× slower still)
  const stockFb = [await fwdBwd(net, LARGEST_GENOME, x, y)];
  console.log(`stock largest fwd+bwd: ${fmt(stockFb)} s`);
  const stockSw = args.stockSandwich ? [await sandwich(net, opt, x, y, new Rng(7))] : [];
  if (stockSw.length) console.log(`stock sandwich step:   ${fmt(stockSw)} s`);
  result.stock = { fwdBwdS: stockFb, sandwichStepS: stockSw };

  installFastCpuKernels();
  await fwdBwd(net, LARGEST_GENOME, x, y); // warm-up (JIT)
  const fastFb: number[] = [];
  for (let i = 0; i < reps; i++) fastFb.push(await fwdBwd(net, LARGEST_GENOME, x, y));
  console.log(`fast  largest fwd+bwd: ${fmt(fastFb)} s`);
  const fastSw: number[] = [];
  const rng = new Rng(7);
  for (let i = 0; i < reps; i++) fastSw.push(await sandwich(net, opt, x, y, rng));
  console.log(`fast  sandwich step:   ${fmt(fastSw)} s`);
  result.fast = { fwdBwdS: fastFb, sandwichStepS: fastSw };

  if (args.profile) {
    const info = await tf.profile(async () => {
      const genomes = [LARGEST_GENOME, SMALLEST_GENOME, sampleGenome(rng), sampleGenome(rng)];
      await sandwichStep(net, opt, x, y, genomes, 1);
    });
    const byName = new Map<string, number>();
    for (const k of info.kernels) byName.set(k.name, (byName.get(k.name) ?? 0) + Number(k.kernelTimeMs));
    const top = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log('fast sandwich step, kernel time (ms):', top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  result.speedupFwdBwd = mean(stockFb) / mean(fastFb);
  if (stockSw.length) result.speedupSandwich = mean(stockSw) / mean(fastSw);
  const stepsPerEpoch = Math.floor(900 / n);
  result.fastSecondsPerSandwichEpoch = mean(fastSw) * stepsPerEpoch;
  tf.dispose([x, y]);
  opt.dispose();
  net.dispose();
  console.log(JSON.stringify(result));
}

runCli('bench-cpu-kernels', main, { usage: TOOL_USAGE['bench-cpu-kernels'], stack: true });
