import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Supernet } from '../../../src/ml/supernet/supernet';
import { sandwichStep, trainSupernet, cosineLr } from '../../../src/ml/supernet/train';
import { toTensors } from '../../../src/ml/supernet/batches';
import { LARGEST_GENOME, SMALLEST_GENOME, parseGenome } from '../../../src/core/genome';
import { TINY, tinySplit } from './tiny';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('sandwich training', () => {
  it('a few sandwich steps lower the loss of every subnet on the batch', async () => {
    const net = new Supernet(TINY, 11);
    const data = tinySplit(9, 3);
    const { x, y } = toTensors(data, [...Array(9).keys()]);
    const genomes = [LARGEST_GENOME, SMALLEST_GENOME, parseGenome('k5377e4364d3'), parseGenome('k3757e6343d2')];
    // cross-entropy of each subnet with batch statistics (no running-stat update)
    const ce = () =>
      genomes.map((g) =>
        tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(y, TINY.numClasses), net.forward(g, x, 'calibrate').logits).dataSync()[0]),
      );
    const first = ce();
    const opt = tf.train.adam(0.02);
    for (let i = 0; i < 4; i++) expect(await sandwichStep(net, opt, x, y, genomes, 1)).toHaveLength(4);
    const last = ce();
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(last)).toBeLessThan(mean(first) * 0.8);
    last.forEach((l, i) => expect(l).toBeLessThan(first[i]));
    tf.dispose([x, y]);
    opt.dispose();
    net.dispose();
  });

  it('a training step leaves tf.memory().numTensors unchanged', async () => {
    const net = new Supernet(TINY, 12);
    const data = tinySplit(6, 4);
    const { x, y } = toTensors(data, [0, 1, 2, 3, 4, 5]);
    const opt = tf.train.adam(0.01);
    const genomes = [LARGEST_GENOME, SMALLEST_GENOME];
    await sandwichStep(net, opt, x, y, genomes, 1); // creates the optimiser's moment variables
    const before = tf.memory().numTensors;
    await sandwichStep(net, opt, x, y, genomes, 1);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    opt.dispose();
    net.dispose();
  });

  it('trainSupernet runs warm-up + sandwich epochs, reports validation accuracy and is seeded', async () => {
    const train = tinySplit(16, 5);
    const val = tinySplit(6, 6);
    const run = async () => {
      const net = new Supernet(TINY, 13);
      const steps: number[] = [];
      const reports = await trainSupernet(
        net,
        train,
        val,
        { seed: 3, epochs: 1, warmupEpochs: 1, batchSize: 8, augment: 'image', valRecalBatches: 1, lr: 0.01 },
        { onStep: (p) => steps.push(p.loss) },
      );
      const w = net.params.stage[0].expand.dataSync().slice(0, 8);
      net.dispose();
      return { reports, steps, w };
    };
    const a = await run();
    expect(a.reports.map((r) => r.phase)).toEqual(['warmup', 'sandwich']);
    expect(a.reports[1].valSmallest).toBeGreaterThanOrEqual(0);
    expect(a.reports[1].valLargest).toBeLessThanOrEqual(100);
    expect(a.steps.length).toBe(4);
    const b = await run();
    expect(Array.from(b.w)).toEqual(Array.from(a.w));
    expect(b.steps).toEqual(a.steps);
  });

  it('a step on target distributions (mixup) equals a step on labels when the targets are one-hot, and leaks no tensors', async () => {
    const data = tinySplit(6, 4);
    const { x, y } = toTensors(data, [0, 1, 2, 3, 4, 5]);
    const onehot = tf.oneHot(y, TINY.numClasses) as tf.Tensor2D;
    const genomes = [LARGEST_GENOME, SMALLEST_GENOME];
    const step = async (targets: tf.Tensor1D | tf.Tensor2D) => {
      const net = new Supernet(TINY, 14);
      const opt = tf.train.adam(0.01);
      const losses = await sandwichStep(net, opt, x, targets, genomes, 1);
      const before = tf.memory().numTensors;
      await sandwichStep(net, opt, x, targets, genomes, 1);
      expect(tf.memory().numTensors).toBe(before);
      const w = Array.from(net.params.stage[0].expand.dataSync().slice(0, 8));
      opt.dispose();
      net.dispose();
      return { losses, w };
    };
    const fromLabels = await step(y);
    const fromTargets = await step(onehot);
    expect(fromTargets.losses).toEqual(fromLabels.losses);
    expect(fromTargets.w).toEqual(fromLabels.w);
    tf.dispose([x, y, onehot]);
  });

  it('trainSupernet with mixup trains (loss falls over the steps) and is seeded', async () => {
    const train = tinySplit(32, 5);
    const val = tinySplit(6, 6);
    const run = async (mixupAlpha: number) => {
      const net = new Supernet(TINY, 13);
      const steps: number[] = [];
      await trainSupernet(net, train, val, { seed: 3, epochs: 0, warmupEpochs: 4, batchSize: 8, valRecalBatches: 1, lr: 0.02, mixupAlpha }, { onStep: (p) => steps.push(p.loss) });
      const w = Array.from(net.params.stage[0].expand.dataSync().slice(0, 8));
      net.dispose();
      return { steps, w };
    };
    const a = await run(0.4);
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(mean(a.steps.slice(-4))).toBeLessThan(mean(a.steps.slice(0, 4)));
    expect((await run(0.4)).w).toEqual(a.w);
    expect((await run(0)).w).not.toEqual(a.w);
  });

  it('cosine learning rate goes from lr to minLr', () => {
    expect(cosineLr(0, 10, 1, 0.1)).toBeCloseTo(1);
    expect(cosineLr(9, 10, 1, 0.1)).toBeCloseTo(0.1);
    expect(cosineLr(4.5, 10, 1, 0)).toBeCloseTo(0.5);
  });
});
