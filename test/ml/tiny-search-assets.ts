// Tiny search assets shared by the runner tests in Node and the crash-recovery browser test's
// worker: two tiny untrained supernets and toy two-modality splits (no files to load).
import { Supernet } from '../../src/ml/supernet/supernet';
import type { SearchAssets } from '../../src/ml/search-assets';
import type { DeviceTable } from '../../src/core/device-table';
import { TINY, tinySplit } from './supernet/tiny';

function split(n: number, seed: number) {
  const a = tinySplit(n, seed);
  return { count: n, images: a.inputs, audio: tinySplit(n, seed + 100).inputs, labels: a.labels, sources: {} as never };
}

export function tinySearchAssets(table: DeviceTable): SearchAssets {
  return {
    dataset: { id: 'avmnist', name: 'tiny test set' },
    data: { train: split(32, 1), val: split(16, 2), test: split(16, 3) },
    nets: { image: new Supernet(TINY, 1), audio: new Supernet(TINY, 2) },
    table,
    imageSize: TINY.inputSize,
    audioSize: TINY.inputSize,
  };
}
