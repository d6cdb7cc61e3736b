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
 * Each timed sample lasts at least this long (ms): browsers coarsen performance.now() (Chromium to
 * 0.1 ms without cross-origin isolation), so a small matmul timed alone reads 0 ms.
 */
export const MIN_SAMPLE_MS = 5;

/**
 * Milliseconds of one call of `step`: the median over `repeats` samples, each sample running as many
 * back-to-back calls as it takes to last MIN_SAMPLE_MS (found during the `warmup` calls), divided by
 * that count. `step` returns the tensor(s) to read back; they are disposed here.
 */
export async function timeStepMs(step: () => tf.Tensor | tf.Tensor[], warmup: number, repeats: number): Promise<number> {
  const run = async (calls: number) => {
    for (let i = 0; i < calls; i++) {
      const out = step();
      const list = Array.isArray(out) ? out : [out];
      if (i === calls - 1) await Promise.all(list.map((t) => t.data()));
      tf.dispose(list);
    }
  };
  for (let i = 0; i < Math.max(1, warmup); i++) await run(1);
  let calls = 1;
  for (;;) {
    const t0 = performance.now();
    await run(calls);
    if (performance.now() - t0 >= MIN_SAMPLE_MS || calls >= 1 << 16) break;
    calls *= 2;
  }
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await run(calls);
    ms.push((performance.now() - t0) / calls);
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
