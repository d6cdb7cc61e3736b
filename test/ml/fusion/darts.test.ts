import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { FUSION_OPS } from '../../../src/core/types';
import { createSearchNet, disposeSearchNet, archWeights } from '../../../src/ml/fusion/search-network';
import { type DartsOptions, archStep, expectedFusionCost, makeArchOptimizer, opCosts } from '../../../src/ml/fusion/darts';
import { tx2, useCpu } from './helpers';

beforeAll(useCpu);

const cfg = { featureChannels: new Array(8).fill(3), c: 8, cells: 1, nodes: 1, numClasses: 3 };
const SUM = FUSION_OPS.indexOf('Sum');
const MISH = FUSION_OPS.indexOf('CatConvMish');

describe('hardware term', () => {
  it('reads operator latency and energy from the device table', () => {
    const c = opCosts(tx2());
    expect(c.latencyMs.length).toBe(6);
    expect(c.latencyMs[SUM]).toBeCloseTo(0.0596, 3);
    expect(Math.min(...c.latencyMs)).toBe(c.latencyMs[SUM]);
    expect(Math.max(...c.latencyMs)).toBe(c.latencyMs[MISH]);
  });

  it('E[latency] under softmax(γ) has the analytic gradient p_o·(c_o − E[c]), non-zero', () => {
    const cost = opCosts(tx2()).latencyMs;
    const g1 = tf.variable(tf.tensor1d([0.3, -0.2, 0.1, 0, 0.5, -0.4]));
    const g2 = tf.variable(tf.tensor1d([0, 0, 0, 0, 0, 0]));
    const before = tf.memory().numTensors;
    const { value, grads } = tf.variableGrads(() => expectedFusionCost([g1, g2], cost), [g1, g2]);
    const p = tf.tidy(() => tf.softmax(g1).arraySync() as number[]);
    const mean = p.reduce((s, pi, i) => s + pi * cost[i], 0);
    const uniformMean = cost.reduce((a, b) => a + b, 0) / 6;
    expect(value.dataSync()[0]).toBeCloseTo(mean + uniformMean, 5);
    const got = grads[g1.name].arraySync() as number[];
    got.forEach((gi, i) => expect(gi).toBeCloseTo(p[i] * (cost[i] - mean), 5));
    expect(Math.max(...got.map(Math.abs))).toBeGreaterThan(1e-3);
    tf.dispose([value, grads[g1.name], grads[g2.name]]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([g1, g2]);
  });
});

/** `steps` arch steps on all-zero features: every state is 0, so CE does not depend on γ. */
function archStepsOnZeros(opts: Partial<DartsOptions>, steps: number): { before: number[]; after: number[] } {
  const net = createSearchNet(cfg, new Rng(11));
  const o: DartsOptions = { epochs: 1, batchSize: 8, lambda: 0, costs: opCosts(tx2()), rng: new Rng(2), ...opts };
  const opt = makeArchOptimizer(o);
  const before = archWeights(net).gammas[0][0];
  tf.tidy(() => {
    const x = cfg.featureChannels.map((c) => tf.zeros([8, 4, 4, c]));
    const y = tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32');
    for (let i = 0; i < steps; i++) archStep(net, x, y, opt, o);
  });
  const after = archWeights(net).gammas[0][0];
  opt.dispose();
  disposeSearchNet(net);
  return { before, after };
}

describe('architecture steps', () => {
  it('with zero CE signal, λ > 0 moves γ toward the cheapest operator; λ = 0 leaves it', () => {
    const n0 = tf.memory().numTensors;
    const hw = archStepsOnZeros({ lambda: 1 }, 10);
    expect(hw.after[SUM]).toBeGreaterThan(hw.before[SUM] + 2e-4);
    expect(hw.after[MISH]).toBeLessThan(hw.before[MISH] - 2e-4);
    expect(hw.after.indexOf(Math.max(...hw.after))).toBe(SUM);
    // control: without the hardware term (and without weight decay, which Adam would turn into
    // lr-sized steps toward 0) nothing moves γ — the CE signal really is zero here
    const none = archStepsOnZeros({ lambda: 0, archWeightDecay: 0 }, 10);
    for (let i = 0; i < 6; i++) expect(Math.abs(none.after[i] - none.before[i])).toBeLessThan(1e-7);
    const energy = archStepsOnZeros({ lambda: 0, energyLambda: 1 }, 10);
    expect(energy.after[SUM]).toBeGreaterThan(energy.before[SUM] + 2e-4);
    expect(tf.memory().numTensors).toBe(n0);
  });
});
