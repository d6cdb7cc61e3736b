import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { fastKernelCalls, installFastCpuKernels, uninstallFastCpuKernels } from '../../../src/ml/cpu-kernels';
import { Supernet } from '../../../src/ml/supernet/supernet';
import { sandwichStep } from '../../../src/ml/supernet/train';
import { toTensors } from '../../../src/ml/supernet/batches';
import { LARGEST_GENOME, SMALLEST_GENOME, parseGenome } from '../../../src/core/genome';
import { TINY, tinySplit } from '../supernet/tiny';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => uninstallFastCpuKernels());

const GENOMES = [LARGEST_GENOME, SMALLEST_GENOME, parseGenome('k5377e4364d3')];

/**
 * On a fresh tiny supernet: loss and gradient of every variable for each genome (batch
 * statistics, running statistics untouched), then two sandwich steps; returns the numbers and
 * the change of tf.memory().numTensors over the second step (the first creates Adam's moments).
 */
async function run(): Promise<{ losses: number[]; grads: Float32Array[]; stepLosses: number[]; leaked: number }> {
  const net = new Supernet(TINY, 21);
  const { x, y } = toTensors(tinySplit(6, 7), [0, 1, 2, 3, 4, 5]);
  const losses: number[] = [];
  const grads: Float32Array[] = [];
  for (const g of GENOMES) {
    const r = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(tf.oneHot(y, TINY.numClasses), net.forward(g, x, 'calibrate').logits) as tf.Scalar,
      net.trainableVariables(),
    );
    losses.push(r.value.dataSync()[0]);
    for (const v of net.trainableVariables()) if (r.grads[v.name]) grads.push(r.grads[v.name].dataSync() as Float32Array);
    tf.dispose([r.value, ...Object.values(r.grads)]);
  }
  const opt = tf.train.adam(0.01);
  const stepLosses = await sandwichStep(net, opt, x, y, GENOMES, 1);
  const before = tf.memory().numTensors;
  stepLosses.push(...(await sandwichStep(net, opt, x, y, GENOMES, 1)));
  const leaked = tf.memory().numTensors - before;
  tf.dispose([x, y]);
  opt.dispose();
  net.dispose();
  return { losses, grads, stepLosses, leaked };
}

describe('supernet training with the fast cpu kernels', () => {
  it('gives the stock losses and gradients, runs the fast loops and leaks no tensors', async () => {
    uninstallFastCpuKernels();
    const stock = await run();
    installFastCpuKernels();
    const fastBefore = fastKernelCalls()[tf.DepthwiseConv2dNativeBackpropFilter]?.fast ?? 0;
    const fast = await run();
    expect(fastKernelCalls()[tf.DepthwiseConv2dNativeBackpropFilter].fast).toBeGreaterThan(fastBefore);
    expect(stock.leaked).toBe(0);
    expect(fast.leaked).toBe(0);
    fast.losses.forEach((l, i) => expect(l).toBeCloseTo(stock.losses[i], 5));
    fast.stepLosses.forEach((l, i) => expect(l).toBeCloseTo(stock.stepLosses[i], 3));
    expect(fast.grads.length).toBe(stock.grads.length);
    stock.grads.forEach((g, i) => {
      const scale = Math.max(1e-3, ...g.map(Math.abs));
      g.forEach((v, j) => expect(Math.abs(v - fast.grads[i][j]) / scale).toBeLessThan(1e-4));
    });
  });
});
