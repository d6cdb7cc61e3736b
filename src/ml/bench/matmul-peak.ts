// The backend's best square matmul (GFLOP/s): the yardstick the benchmark holds the DARTS and
// training steps against ("how close to the machine we run").
import * as tf from '@tensorflow/tfjs';
import { gflops } from '../../core/bench/kernel-flops';
import { timeStepMs } from './timing';

export interface MatmulPeak {
  gflops: number;
  /** The side n of the n×n·n×n matmul that reached it. */
  size: number;
}

export async function matmulPeak(sizes: readonly number[], repeats: number): Promise<MatmulPeak> {
  let best: MatmulPeak = { gflops: 0, size: 0 };
  for (const n of sizes) {
    const a = tf.randomUniform([n, n], -1, 1, 'float32', 1);
    const b = tf.randomUniform([n, n], -1, 1, 'float32', 2);
    try {
      const ms = await timeStepMs(() => tf.matMul(a, b), 1, repeats);
      const g = gflops(2 * n * n * n, ms);
      if (g > best.gflops) best = { gflops: g, size: n };
    } finally {
      tf.dispose([a, b]);
    }
  }
  return best;
}
