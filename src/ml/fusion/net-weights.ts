// The weights of a discrete fusion network as plain typed arrays (variables in creation order:
// the trainable weights, then the BatchNorm running statistics), and back into a network
// rebuilt from the same genotype and configuration — what a model bundle stores.

import * as tf from '@tensorflow/tfjs';
import type { DiscreteNet } from './discrete-network';

export interface WeightArray {
  shape: number[];
  data: Float32Array;
}

export interface NetWeights {
  weights: WeightArray[];
  stats: WeightArray[];
}

const read = async (vs: readonly tf.Variable[]): Promise<WeightArray[]> =>
  Promise.all(vs.map(async (v) => ({ shape: [...v.shape], data: (await v.data()) as Float32Array })));

export async function exportNetWeights(net: DiscreteNet): Promise<NetWeights> {
  return { weights: await read(net.store.weights), stats: await read(net.store.stats) };
}

/** Bytes the weights take (4 per float). */
export const netWeightBytes = (w: NetWeights) => [...w.weights, ...w.stats].reduce((a, x) => a + x.data.byteLength, 0);

/** Assigns `w` to a network built for the same genotype and configuration; throws on any mismatch. */
export function importNetWeights(net: DiscreteNet, w: NetWeights): void {
  const pairs: [tf.Variable[], WeightArray[], string][] = [
    [net.store.weights, w.weights, 'weights'],
    [net.store.stats, w.stats, 'statistics'],
  ];
  for (const [vars, arrays, what] of pairs) {
    if (vars.length !== arrays.length) throw new Error(`the fusion network has ${vars.length} ${what} but the bundle ${arrays.length}`);
    vars.forEach((v, i) => {
      if (v.shape.join('x') !== arrays[i].shape.join('x')) throw new Error(`fusion ${what} ${i}: shape [${v.shape}] in the network, [${arrays[i].shape}] in the bundle`);
    });
  }
  for (const [vars, arrays] of pairs) vars.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(arrays[i].data, arrays[i].shape))));
}
