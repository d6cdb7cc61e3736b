import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { FUSION_OPS } from '../../../src/core/types';
import { archWeights, createSearchNet, disposeSearchNet, searchForward } from '../../../src/ml/fusion/search-network';
import { bestDistinctPair, discretise, stepInputsOf } from '../../../src/ml/fusion/discretise';
import { createDiscreteNet, discreteForward, disposeDiscreteNet } from '../../../src/ml/fusion/discrete-network';
import { randomTensor, useCpu } from './helpers';

const cfg = { featureChannels: [3, 3, 4, 4, 2, 2, 5, 5], c: 8, cells: 3, nodes: 2, numClasses: 4 };
const train = { training: true, updateStats: true, nextSeed: () => 3 };
const evalCtx = { training: false, updateStats: false, nextSeed: () => 0 };
const inputs = (n: number) => cfg.featureChannels.map((c, k) => randomTensor([n, 4, 4, c], 10 + k));

beforeAll(useCpu);

describe('search network', () => {
  it('has α [2, 8+i], β [2, 2+t], γ [6] and its softmax weights sum to 1', () => {
    const before = tf.memory().numTensors;
    const net = createSearchNet(cfg, new Rng(1));
    expect(net.cells.map((c) => c.alpha.shape)).toEqual([[2, 8], [2, 9], [2, 10]]);
    expect(net.cells[0].betas.map((b) => b.shape)).toEqual([[2, 2], [2, 3]]);
    expect(net.archVars.length).toBe(3 * (1 + 2 + 2));
    const w = archWeights(net);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    for (const a of w.alphas) for (const slot of a) expect(sum(slot)).toBeCloseTo(1, 5);
    for (const cell of w.betas) for (const b of cell) for (const slot of b) expect(sum(slot)).toBeCloseTo(1, 5);
    for (const cell of w.gammas) for (const g of cell) {
      expect(g.length).toBe(FUSION_OPS.length);
      expect(sum(g)).toBeCloseTo(1, 5);
    }
    disposeSearchNet(net);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('forward gives logits [N, classes] with gradients on every α, β and γ', () => {
    const net = createSearchNet(cfg, new Rng(2));
    const before = tf.memory().numTensors;
    const norms = tf.tidy(() => {
      const x = inputs(5);
      const logits = searchForward(net, x, train);
      expect(logits.shape).toEqual([5, 4]);
      const { grads } = tf.variableGrads(() => searchForward(net, x, train).mul(randomTensor([5, 4], 1)).sum() as tf.Scalar, net.archVars);
      return net.archVars.map((v) => grads[v.name].abs().max().dataSync()[0]);
    });
    for (const n of norms) expect(n).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
    disposeSearchNet(net);
  });
});

describe('discretisation', () => {
  it('bestDistinctPair never picks the same input twice', () => {
    expect(bestDistinctPair([0.1, 0.7, 0.2], [0.1, 0.8, 0.1])).toEqual([2, 1]); // 0.2·0.8 beats 0.7·0.1 (the (1, 1) pair is not allowed)
    expect(bestDistinctPair([0.1, 0.7, 0.2], [0.1, 0.2, 0.7])).toEqual([1, 2]);
  });

  it('picks the hand-set inputs, operand pairs and operators', () => {
    const net = createSearchNet(cfg, new Rng(3));
    // cell 0: slot 0 → feature 2 (image), slot 1 → feature 6 (audio)
    const setRow = (v: tf.Variable, row: number, hot: number) => {
      const vals = v.arraySync() as number[][];
      vals[row] = vals[row].map((_, j) => (j === hot ? 5 : 0));
      v.assign(tf.tensor2d(vals));
    };
    setRow(net.cells[0].alpha, 0, 2);
    setRow(net.cells[0].alpha, 1, 6);
    // cell 2: both slots prefer cell-1 output (index 9); the runner-up of slot 1 is feature 4
    net.cells[2].alpha.assign(tf.tensor2d([
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 6],
      [0, 0, 0, 0, 3, 0, 0, 0, 0, 6],
    ]));
    // cell 1, step 1: operands (step 0, first input)
    net.cells[1].betas[1].assign(tf.tensor2d([[0, 0, 4], [4, 0, 0]]));
    net.cells[0].gammas[0].assign(tf.tensor1d([0, 0, 0, 0, 3, 0])); // SE1
    net.cells[0].gammas[1].assign(tf.tensor1d([0, 0, 0, 0, 0, 3])); // CatConvMish
    net.cells[1].gammas[1].assign(tf.tensor1d([3, 0, 0, 0, 0, 0])); // Sum
    net.cells[2].gammas[0].assign(tf.tensor1d([0, 0, 3, 0, 0, 0])); // LinearGLU
    const g = discretise(archWeights(net));
    expect(g.cells[0].inputs).toEqual([2, 6]);
    expect(g.cells[0].ops).toEqual(['SE1', 'CatConvMish']);
    expect(g.cells[1].ops[1]).toBe('Sum');
    expect(g.cells[1].stepInputs[1]).toEqual([2, 0]);
    expect(g.cells[2].inputs).toEqual([9, 4]);
    expect(g.cells[2].ops[0]).toBe('LinearGLU');
    for (const c of g.cells) {
      expect(c.inputs[0]).not.toBe(c.inputs[1]);
      for (const [a, b] of c.stepInputs) expect(a).not.toBe(b);
    }
    disposeSearchNet(net);
  });
});

describe('discrete network', () => {
  it('builds the genotype (default and searched step wiring), projects only the features it reads, and runs', () => {
    const before = tf.memory().numTensors;
    const genotype = {
      cells: [
        { inputs: [1, 5] as [number, number], ops: ['ConcatFC', 'ScaleDotAttn'] as const },
        { inputs: [8, 7] as [number, number], ops: ['SE1', 'Sum'] as const, stepInputs: [[1, 0], [0, 2]] as [number, number][] },
      ],
    };
    const g = { cells: genotype.cells.map((c) => ({ ...c, ops: [...c.ops] })) };
    const net = createDiscreteNet(g, cfg, new Rng(4));
    expect(net.used).toEqual([1, 5, 7]);
    expect(net.projections.map((p) => p.dense.w.shape)).toEqual([[3, 8], [2, 8], [5, 8]]);
    expect(net.cells.map((c) => c.steps.map((st) => st.inputs))).toEqual([[[0, 1], [2, 1]], [[1, 0], [0, 2]]]);
    expect(net.cells.map((c) => c.steps.map((st) => st.op.op))).toEqual([['ConcatFC', 'ScaleDotAttn'], ['SE1', 'Sum']]);
    expect(stepInputsOf(g.cells[0])).toEqual([[0, 1], [2, 1]]);
    tf.tidy(() => {
      const x = inputs(6);
      expect(discreteForward(net, x, train).shape).toEqual([6, 4]);
      expect(discreteForward(net, x, evalCtx).shape).toEqual([6, 4]);
    });
    disposeDiscreteNet(net);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects operands that repeat or point forward', () => {
    const bad = { cells: [{ inputs: [0, 4] as [number, number], ops: ['Sum' as const], stepInputs: [[1, 1]] as [number, number][] }] };
    expect(() => createDiscreteNet(bad, cfg, new Rng(5))).toThrow(/distinct/);
  });
});
