// Timing helpers of the benchmark (npm run bench): the median of repeated runs of a tfjs
// computation that ends with a read-back (so GPU backends finish their work before the clock
// stops), and its operation count from one profiled run (src/core/bench/kernel-flops.ts).
import * as tf from '@tensorflow/tfjs';
import { summariseFlops, type FlopSummary } from '../../core/bench/kernel-flops';

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Milliseconds of one call of `step` (median of `repeats` after `warmup` calls). `step` returns
 * the tensor(s) to read back; they are disposed here.
 */
export async function timeStepMs(step: () => tf.Tensor | tf.Tensor[], warmup: number, repeats: number): Promise<number> {
  const run = async () => {
    const out = step();
    const list = Array.isArray(out) ? out : [out];
    await Promise.all(list.map((t) => t.data()));
    tf.dispose(list);
  };
  for (let i = 0; i < warmup; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** Operations of one call of `step`, from the kernels tf.profile records. */
export async function profileFlops(step: () => tf.Tensor | tf.Tensor[]): Promise<FlopSummary> {
  const info = await tf.profile(() => step() as tf.Tensor);
  const out = info.result;
  tf.dispose(Array.isArray(out) ? out : [out as tf.Tensor]);
  return summariseFlops(info.kernels.map((k) => ({ name: k.name, inputShapes: k.inputShapes, outputShapes: k.outputShapes })));
}
