// Runs in headless Chromium: a tiny supernet trains for a few sandwich steps in the training
// worker on the WebGL backend; progress arrives per step, the loss goes down, the trained
// weights come back and load into a supernet on the main thread, the worker leaks no tensors,
// and cancel stops a run early.
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { TrainClient } from '../../../src/api/train-client';
import type { StepProgress } from '../../../src/ml/supernet/train';
import { Supernet } from '../../../src/ml/supernet/supernet';
import { deserializeSupernet } from '../../../src/ml/supernet/weights-io';
import { TINY, tinySplit } from '../../ml/supernet/tiny';

const settings = { seed: 1, warmupEpochs: 2, epochs: 3, batchSize: 8, lr: 1e-2, valRecalBatches: 1 };

describe('supernet training in a worker', () => {
  const client = new TrainClient('webgl');
  afterAll(() => client.terminate());

  it('trains a few steps on WebGL: per-step progress, loss goes down, weights come back', async () => {
    const backend = await client.backend();
    expect(backend.name).toBe('webgl');
    const steps: StepProgress[] = [];
    const out = await client.train(
      { config: TINY, initSeed: 3, train: tinySplit(24, 1), val: tinySplit(12, 2), settings },
      { onStep: (p) => steps.push(p) },
    );
    expect(out.cancelled).toBe(false);
    expect(out.steps).toBe(5 * 3); // 24 samples / batch 8 = 3 steps per epoch, 2 + 3 epochs
    expect(steps.length).toBe(out.steps);
    expect(out.reports.map((r) => r.phase)).toEqual(['warmup', 'warmup', 'sandwich', 'sandwich', 'sandwich']);
    const warmup = steps.filter((s) => s.phase === 'warmup').map((s) => s.loss);
    expect(warmup[warmup.length - 1]).toBeLessThan(warmup[0]);
    expect(out.reports[1].trainLoss).toBeLessThan(out.reports[0].trainLoss);
    expect(out.numTensorsAfter).toBe(out.numTensorsBefore);

    // the trained weights load on the main thread and differ from the same seed's initial ones
    await tf.setBackend('cpu');
    const trained = deserializeSupernet(out.manifest, out.weights);
    const initial = new Supernet(TINY, 3);
    const byName = (net: Supernet, name: string) => net.namedVariables().find(([n]) => n === name)![1];
    for (const name of ['classifier.w', 'stage.0.transform_7to5']) {
      const a = await byName(trained, name).data();
      const b = await byName(initial, name).data();
      expect(a.length).toBe(b.length);
      expect(Math.max(...a.map((v, i) => Math.abs(v - b[i])))).toBeGreaterThan(1e-4);
    }
    initial.dispose();
    trained.dispose();
  });

  it('cancel stops the run after the current step', async () => {
    let cancelled = false;
    const out = await client.train(
      { config: TINY, initSeed: 4, train: tinySplit(24, 5), val: tinySplit(12, 6), settings },
      {
        onStep: () => {
          if (!cancelled) client.cancel();
          cancelled = true;
        },
      },
    );
    expect(out.cancelled).toBe(true);
    expect(out.steps).toBeLessThan(15);
  });
});
