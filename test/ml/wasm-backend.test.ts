// The WebAssembly backend (chosen by `auto` on machines without a hardware GPU) computes what
// the JS cpu backend computes, for everything the search runs on it: a subnet's forward pass
// after BN recalibration, and the inner tier's DARTS architecture + weight steps (losses and
// updated weights). Also: it leaves no tensors behind.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng';
import { parseGenome } from '../../src/core/genome';
import { Supernet } from '../../src/ml/supernet/supernet';
import { recalibrateBn } from '../../src/ml/supernet/bn-recalibration';
import { createSearchNet, disposeSearchNet } from '../../src/ml/fusion/search-network';
import { type DartsOptions, archStep, makeArchOptimizer, opCosts, weightStep } from '../../src/ml/fusion/darts';
import { installFastCpuKernels } from '../../src/ml/cpu-kernels';
import { TINY, tinySplit } from './supernet/tiny';
import { randomTensor, tx2 } from './fusion/helpers';

type Backend = 'cpu' | 'wasm';

beforeAll(() => {
  setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  installFastCpuKernels();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

async function on<T>(backend: Backend, f: () => Promise<T> | T): Promise<T> {
  expect(await tf.setBackend(backend)).toBe(true);
  await tf.ready();
  const before = tf.memory().numTensors;
  const out = await f();
  expect(tf.memory().numTensors, `${backend} left tensors`).toBe(before);
  return out;
}

/** Logits of a recalibrated tiny subnet on a fixed batch. */
async function subnetLogits(): Promise<number[]> {
  const net = new Supernet(TINY, 31);
  const g = parseGenome('k5375e4364d3');
  await recalibrateBn(net, g, tinySplit(12, 4), { batchSize: 4 });
  const logits = tf.tidy(() => {
    const x = tf.tensor4d(tinySplit(6, 5).inputs, [6, TINY.inputSize, TINY.inputSize, 1]);
    return Array.from(net.forward(g, x, 'eval').logits.dataSync());
  });
  net.dispose();
  return logits;
}

/** Losses of two DARTS step pairs and the weights they leave (first and last variable). */
function dartsSteps(): { losses: number[]; weights: number[] } {
  const cfg = { featureChannels: [3, 3, 4, 4, 2, 2, 5, 5], c: 8, cells: 2, nodes: 2, numClasses: 4 };
  const net = createSearchNet(cfg, new Rng(7));
  const o: DartsOptions = { epochs: 1, batchSize: 6, lambda: 0.2, costs: opCosts(tx2()), rng: new Rng(8) };
  const wOpt = tf.train.adam(1e-2);
  const aOpt = makeArchOptimizer({ archLr: 1e-2 });
  const losses: number[] = [];
  for (let step = 0; step < 2; step++) {
    const pair = tf.tidy(() => {
      const x = cfg.featureChannels.map((c, k) => randomTensor([6, 16, c], 40 + k + step));
      const y = tf.tensor1d([0, 1, 2, 3, 0, 1], 'int32');
      return tf.stack([archStep(net, x, y, aOpt, o), weightStep(net, x, y, wOpt, o)]);
    });
    losses.push(...pair.dataSync());
    pair.dispose();
  }
  const weights = [net.store.weights[0], net.store.weights.at(-1)!, ...net.archVars].flatMap((v) => Array.from(v.dataSync()));
  wOpt.dispose();
  aOpt.dispose();
  disposeSearchNet(net);
  return { losses, weights };
}

function expectClose(actual: number[], expected: number[], tol: number) {
  expect(actual.length).toBe(expected.length);
  const worst = Math.max(...actual.map((a, i) => Math.abs(a - expected[i]) / Math.max(1, Math.abs(expected[i]))));
  expect(worst).toBeLessThan(tol);
}

describe('wasm backend', () => {
  it('gives the cpu backend’s subnet logits after BN recalibration', async () => {
    const cpu = await on('cpu', subnetLogits);
    const wasm = await on('wasm', subnetLogits);
    expect(tf.getBackend()).toBe('wasm');
    expectClose(wasm, cpu, 1e-4);
  });

  it('takes the same DARTS architecture and weight steps as the cpu backend', async () => {
    const cpu = await on('cpu', dartsSteps);
    const wasm = await on('wasm', dartsSteps);
    expect(cpu.losses.every(Number.isFinite)).toBe(true);
    expectClose(wasm.losses, cpu.losses, 1e-4);
    expectClose(wasm.weights, cpu.weights, 1e-3);
  });
});
