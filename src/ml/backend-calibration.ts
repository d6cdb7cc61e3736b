// Times the search's typical work on the active tfjs backend, for `auto`'s choice between a
// hardware GPU and WebAssembly (src/core/backend-order.ts orderByTiming): the inner tier's DARTS
// architecture + weight step pairs on a small mixed fusion network (C 16, 2 cells × 2 nodes,
// batch 32, random features with the shipped backbones' channel counts). Many small kernels, as
// in a real search — where a GPU's per-kernel overhead can make it slower than the CPU.
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../core/rng';
import { createSearchNet, disposeSearchNet } from './fusion/search-network';
import { type DartsOptions, archStep, makeArchOptimizer, weightStep } from './fusion/darts';

const CHANNELS = [16, 24, 40, 96, 16, 24, 40, 96];
const BATCH = 32;

/** Mean ms of one DARTS step pair on the current backend, after one untimed warm-up (compiles). */
export async function timeDartsStepMs(timedSteps = 2): Promise<number> {
  const net = createSearchNet({ featureChannels: CHANNELS, c: 16, cells: 2, nodes: 2, numClasses: 10 }, new Rng(1));
  const o: DartsOptions = { epochs: 1, batchSize: BATCH, lambda: 0.1, costs: { latencyMs: [1, 2, 3, 4, 5, 6], energyMj: [1, 2, 3, 4, 5, 6] }, rng: new Rng(2) };
  const x = CHANNELS.map((c, k) => tf.randomNormal([BATCH, 16, c], 0, 1, 'float32', k + 1));
  const y = tf.tensor1d(Array.from({ length: BATCH }, (_, i) => i % 10), 'int32');
  const wOpt = tf.train.adam(1e-3);
  const aOpt = makeArchOptimizer(o);
  const stepPair = async () => {
    const losses = tf.tidy(() => tf.stack([archStep(net, x, y, aOpt, o), weightStep(net, x, y, wOpt, o)]));
    await losses.data();
    losses.dispose();
  };
  try {
    await stepPair();
    const t0 = performance.now();
    for (let i = 0; i < timedSteps; i++) await stepPair();
    return (performance.now() - t0) / timedSteps;
  } finally {
    wOpt.dispose();
    aOpt.dispose();
    tf.dispose([...x, y]);
    disposeSearchNet(net);
  }
}
