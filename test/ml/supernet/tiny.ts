// Shared tiny configuration and data for the supernet tests (fast on the tfjs cpu backend).
import type { SupernetConfig } from '../../../src/ml/supernet/config';
import type { Split } from '../../../src/ml/supernet/batches';
import { Rng } from '../../../src/core/rng';

export const TINY: SupernetConfig = {
  inputSize: 8,
  stemChannels: 4,
  stageChannels: 6,
  headChannels: 8,
  mixChannels: 8,
  numClasses: 3,
  stageBlocks: 4,
  bnEps: 1e-5,
  bnMomentum: 0.1,
};

/** A learnable toy task: class c has a bright c-th third of the map plus noise. */
export function tinySplit(n: number, seed: number, size = TINY.inputSize, classes = TINY.numClasses): Split {
  const rng = new Rng(seed);
  const inputs = new Float32Array(n * size * size);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    labels[i] = c;
    for (let r = 0; r < size; r++) {
      for (let q = 0; q < size; q++) {
        const band = Math.floor((q * classes) / size);
        inputs[i * size * size + r * size + q] = (band === c ? 1 : -1) * 0.5 + 0.5 * rng.normal();
      }
    }
  }
  return { inputs, labels, size };
}
