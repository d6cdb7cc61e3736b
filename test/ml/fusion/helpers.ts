// Shared fixtures of the fusion tests: tfjs on the cpu backend, the Jetson TX2 device table,
// and synthetic two-modality cached features where only the fused signal separates classes.

import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Rng } from '../../../src/core/rng';
import { type DeviceTable, parseDeviceTable } from '../../../src/core/device-table';
import type { CachedSplit } from '../../../src/ml/fusion/data';

export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

export function tx2(): DeviceTable {
  const url = new URL('../../../public/luts/jetson-tx2.json', import.meta.url);
  return parseDeviceTable(readFileSync(fileURLToPath(url), 'utf8'));
}

/** The image feature carrying bit a and the audio feature carrying bit b in `pairSplit`. */
export const SIGNAL_FEATURES = [2, 5] as const;

/**
 * n samples, 8 features [4, 4, cin] of Gaussian noise. Bit a is written (±1) into channel 0 of
 * image feature 2, bit b into channel 0 of audio feature 5. With `xor`, label = a XOR b (2
 * classes, each modality alone at chance); otherwise label = 2a + b (4 classes, each modality
 * alone at most 50 %). Either way only fusing features 2 and 5 separates the classes.
 */
export function pairSplit(n: number, seed: number, xor = false, cin = 4, noise = 0.3): CachedSplit {
  const rng = new Rng(seed);
  const features = Array.from({ length: 8 }, () => new Float32Array(n * 16 * cin));
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.int(2);
    const b = rng.int(2);
    labels[i] = xor ? a ^ b : 2 * a + b;
    for (let k = 0; k < 8; k++) {
      const bit = k === SIGNAL_FEATURES[0] ? a : k === SIGNAL_FEATURES[1] ? b : -1;
      for (let p = 0; p < 16; p++) {
        for (let ch = 0; ch < cin; ch++) {
          const signal = ch === 0 && bit >= 0 ? 2 * bit - 1 : 0;
          features[k][(i * 16 + p) * cin + ch] = signal + noise * rng.normal();
        }
      }
    }
  }
  return { n, channels: new Array(8).fill(cin), features, labels };
}

export const randomTensor = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);
