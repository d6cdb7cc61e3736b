/// <reference lib="dom" />
// Browser side of scripts/train-supernet.ts: trains one modality's supernet on the demo
// dataset with the WebGL backend and returns the weights (base64) and measured accuracies.
// Not part of the app; served by a programmatic Vite server.

import * as tf from '@tensorflow/tfjs';
import { loadAvmnist, type AvmnistSplit } from '../../src/data/avmnist';
import { DATASET_DIR } from '../../src/data/asset-paths';
import { Supernet } from '../../src/ml/supernet/supernet';
import { paperConfig } from '../../src/ml/supernet/config';
import type { Split } from '../../src/ml/supernet/batches';
import { trainSupernet, sandwichStep, type TrainSettings } from '../../src/ml/supernet/train';
import { measureTrainedSupernet } from '../../src/ml/supernet/trained-report';
import { recalibrateBn } from '../../src/ml/supernet/bn-recalibration';
import { serializeSupernet } from '../../src/ml/supernet/weights-io';
import { toTensors } from '../../src/ml/supernet/batches';
import { LARGEST_GENOME, SMALLEST_GENOME, sampleGenome } from '../../src/core/genome';
import { Rng } from '../../src/core/rng';
import type { Modality } from '../../src/core/types';

declare global {
  interface Window {
    reportProgress?: (line: string) => Promise<void>;
    harness: typeof harness;
  }
}

const log = (line: string) => void window.reportProgress?.(line);

function toSplit(s: AvmnistSplit, modality: Modality): Split {
  return modality === 'image' ? { inputs: s.images, labels: s.labels, size: 28 } : { inputs: s.audio, labels: s.labels, size: 20 };
}

async function setup(modality: Modality, backend: string, flags: Record<string, boolean> = {}) {
  // Shape-agnostic WebGL shaders: the elastic subnets have many distinct layer shapes, and
  // compiling one program per shape on the software GPU costs more than the training itself.
  if (backend === 'webgl') tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
  for (const [k, v] of Object.entries(flags)) tf.env().set(k, v);
  if (backend === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  await tf.setBackend(backend);
  await tf.ready();
  const data = await loadAvmnist(`/${DATASET_DIR}`);
  return { train: toSplit(data.train, modality), val: toSplit(data.val, modality), test: toSplit(data.test, modality) };
}

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const harness = {
  /** Seconds per sandwich step (largest + smallest + 2 random) at batch `batch`, full-size model. */
  async measure(opts: { modality: Modality; backend: string; batch: number; steps: number; fixed: boolean; flags?: Record<string, boolean> }) {
    const { train } = await setup(opts.modality, opts.backend, opts.flags);
    const net = new Supernet(paperConfig(train.size), 1);
    const opt = tf.train.adam(1e-3);
    const rng = new Rng(1);
    const idx = Array.from({ length: opts.batch }, (_, i) => i);
    const times: number[] = [];
    for (let s = 0; s < opts.steps + 1; s++) {
      const { x, y } = toTensors(train, idx);
      const t0 = performance.now();
      const r = opts.fixed ? new Rng(7) : rng;
      await sandwichStep(net, opt, x, y, [LARGEST_GENOME, SMALLEST_GENOME, sampleGenome(r), sampleGenome(r)], 1);
      times.push((performance.now() - t0) / 1000);
      tf.dispose([x, y]);
      log(`step ${s}: ${times[s].toFixed(2)} s`);
    }
    const t0 = performance.now();
    await recalibrateBn(net, LARGEST_GENOME, train, { batchSize: 64 });
    const recalS = (performance.now() - t0) / 1000;
    const warm = times.slice(1);
    const perStep = warm.reduce((a, b) => a + b, 0) / warm.length;
    opt.dispose();
    net.dispose();
    return { backend: tf.getBackend(), perStepS: perStep, firstStepS: times[0], recalFullTrainS: recalS, trainCount: train.labels.length };
  },

  /** Wall seconds of the parts of one training step of the largest subnet (synchronised). */
  async profile(opts: { modality: Modality; backend: string; batch: number; reps: number }) {
    const { train } = await setup(opts.modality, opts.backend);
    const net = new Supernet(paperConfig(train.size), 1);
    const opt = tf.train.adam(1e-3);
    const { x, y } = toTensors(train, Array.from({ length: opts.batch }, (_, i) => i));
    const onehot = tf.oneHot(y, 10);
    const out: Record<string, number[]> = { fwdEval: [], fwdTrain: [], fwdBwd: [], apply: [] };
    const time = async (key: string, f: () => tf.Tensor | tf.Tensor[] | void) => {
      const t0 = performance.now();
      const r = f();
      const ts = r instanceof tf.Tensor ? [r] : (r ?? []);
      for (const t of ts) await t.data();
      out[key].push((performance.now() - t0) / 1000);
      tf.dispose(ts);
    };
    for (let i = 0; i < opts.reps; i++) {
      await time('fwdEval', () => tf.tidy(() => net.forward(LARGEST_GENOME, x, 'eval').logits));
      await time('fwdTrain', () => tf.tidy(() => net.forward(LARGEST_GENOME, x, 'train').logits));
      let grads: tf.NamedTensorMap = {};
      await time('fwdBwd', () => {
        const r = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(onehot, net.forward(LARGEST_GENOME, x, 'train').logits) as tf.Scalar);
        grads = r.grads;
        return [r.value, ...Object.values(r.grads).map((g) => g.clone())];
      });
      await time('apply', () => {
        opt.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
        tf.dispose(Object.values(grads));
        return [net.params.classifierB.clone()];
      });
      log(JSON.stringify(out));
    }
    tf.dispose([x, y, onehot]);
    opt.dispose();
    net.dispose();
    return out;
  },

  /**
   * Trains, then measures. `budgetS`: wall-clock budget of the training loop; when it runs out
   * training stops early (the history says how far it got). `randomBudgetS` bounds the
   * random-subnet comparison, whose recalibration uses `randomRecalBatches` batches.
   */
  async train(opts: {
    modality: Modality;
    backend: string;
    settings: Partial<TrainSettings>;
    randomSubnets: number;
    randomRecalBatches: number;
    evalSeed: number;
    budgetS: number;
    randomBudgetS: number;
  }) {
    const { train, val, test } = await setup(opts.modality, opts.backend);
    const net = new Supernet(paperConfig(train.size), opts.settings.seed ?? 1);
    const t0 = performance.now();
    const history = await trainSupernet(net, train, val, { ...opts.settings, augment: opts.modality }, {
      onStep: (p) => {
        if (p.step % 5 === 0 || p.step === p.stepsPerEpoch)
          log(`${p.phase} epoch ${p.epoch + 1}/${p.epochs} step ${p.step}/${p.stepsPerEpoch} loss ${p.loss.toFixed(4)} lr ${p.lr.toExponential(2)} t ${(p.elapsedMs / 1000).toFixed(0)} s`);
      },
      onEpoch: (r) => log(`EPOCH ${JSON.stringify(r)}`),
      shouldStop: () => performance.now() - t0 > opts.budgetS * 1000,
    });
    const stoppedEarly = performance.now() - t0 > opts.budgetS * 1000;
    const trainSeconds = (performance.now() - t0) / 1000;
    const { final, randomSubnets } = await measureTrainedSupernet(net, { train, val, test }, {
      randomSubnets: opts.randomSubnets,
      randomRecalBatches: opts.randomRecalBatches,
      randomBudgetS: opts.randomBudgetS,
      seed: opts.evalSeed,
      log,
    });
    // Ship the weights with the largest subnet's recalibrated statistics.
    await recalibrateBn(net, LARGEST_GENOME, train);
    const { manifest, data } = await serializeSupernet(net, 'supernet.bin');
    net.dispose();
    const splits = { train: train.labels.length, val: val.labels.length, test: test.labels.length };
    return { backend: tf.getBackend(), splits, trainSeconds, stoppedEarly, history, final, randomSubnets, manifest, weightsBase64: toBase64(data) };
  },
};

window.harness = harness;
