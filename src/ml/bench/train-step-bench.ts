// Cost of weight sharing: one training step (forward, backward, Adam update) of a subnet taken
// through the elastic supernet (slicing, kernel transforms, gradients for every supernet
// variable — what supernet training pays), against the same network built static by subnet
// extraction (its own copies of the active weights; src/ml/supernet/extract.ts).
import * as tf from '@tensorflow/tfjs';
import type { BackboneGenome } from '../../core/types';
import { Rng } from '../../core/rng';
import type { Supernet } from '../supernet/supernet';
import { extractSubnet } from '../supernet/extract';
import { profileFlops, timeStepMs } from './timing';

export interface TrainStepTiming {
  supernetStepMs: number;
  staticStepMs: number;
  /** Operations of one static step (src/core/bench/kernel-flops.ts). */
  staticStepFlops: number;
}

function stepFn(vars: tf.Variable[], opt: tf.Optimizer, logits: () => tf.Tensor, y: tf.Tensor, classes: number) {
  return () =>
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(tf.oneHot(y as tf.Tensor1D, classes), logits()) as tf.Scalar, vars);
      opt.applyGradients(grads);
      return value;
    });
}

export async function timeTrainSteps(net: Supernet, genome: BackboneGenome, batch: number, warmup: number, repeats: number): Promise<TrainStepTiming> {
  const side = net.config.inputSize;
  const classes = net.config.numClasses;
  const rng = new Rng(7);
  const x = tf.tensor4d(Float32Array.from({ length: batch * side * side }, () => rng.normal()), [batch, side, side, 1]);
  const y = tf.tensor1d(Int32Array.from({ length: batch }, () => rng.int(classes)), 'int32');
  const model = extractSubnet(net, genome);
  const staticVars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const optA = tf.train.adam(1e-4);
  const optB = tf.train.adam(1e-4);
  try {
    const supernetStep = stepFn(net.trainableVariables(), optA, () => net.forward(genome, x, 'train').logits, y, classes);
    const staticStep = stepFn(staticVars, optB, () => (model.apply(x, { training: true }) as tf.Tensor[])[0], y, classes);
    const supernetStepMs = await timeStepMs(supernetStep, warmup, repeats);
    const staticStepMs = await timeStepMs(staticStep, warmup, repeats);
    const { flops } = await profileFlops(staticStep);
    return { supernetStepMs, staticStepMs, staticStepFlops: flops };
  } finally {
    optA.dispose();
    optB.dispose();
    model.dispose();
    tf.dispose([x, y]);
  }
}
