// What the search worker loads before a run: the demo dataset AV-MNIST (train / val /
// test typed arrays), the two pretrained elastic supernets and the chosen device's cost table,
// at the paths of ../data/asset-paths. Everything comes from the app's own origin.

import type { DeviceTable } from '../core/device-table';
import type { Modality } from '../core/types';
import { ASSET_PATHS } from '../data/asset-paths';
import { loadAvmnist, type Avmnist } from '../data/avmnist';
import { loadDeviceIndex, loadDeviceTable } from '../data/device-tables';
import type { Supernet } from './supernet/supernet';
import { fetchSupernet } from './supernet/weights-io';

export interface SearchAssets {
  data: Avmnist;
  nets: Record<Modality, Supernet>;
  table: DeviceTable;
  /** Input sides: image 28, audio 20. */
  imageSize: number;
  audioSize: number;
}

function squareSide(shape: readonly number[], what: string): number {
  if (shape.length !== 3 || shape[0] !== shape[1] || shape[2] !== 1) throw new Error(`${what} samples must be square single-channel maps, got [${shape}]`);
  return shape[0];
}

export async function loadAssets(baseUrl: string, device: string, say: (message: string) => void = () => {}): Promise<SearchAssets> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  say('loading the device cost table');
  const index = await loadDeviceIndex(base + ASSET_PATHS.luts);
  const entry = index.find((d) => d.id === device);
  if (!entry) throw new Error(`no cost table for device "${device}" (known: ${index.map((d) => d.id).join(', ')})`);
  const table = await loadDeviceTable(entry, base + ASSET_PATHS.luts);
  say('loading the AV-MNIST dataset');
  const data = await loadAvmnist(base + ASSET_PATHS.data);
  const imageSize = squareSide(data.manifest.modalities.image.shape, 'image');
  const audioSize = squareSide(data.manifest.modalities.audio.shape, 'audio');
  say('loading the pretrained supernets');
  const nets: Partial<Record<Modality, Supernet>> = {};
  try {
    for (const [m, size] of [['image', imageSize], ['audio', audioSize]] as const) {
      let net: Supernet;
      try {
        net = await fetchSupernet(base + ASSET_PATHS[m]);
      } catch (err) {
        throw new Error(`the pretrained ${m} supernet could not be loaded: ${(err as Error).message}`);
      }
      nets[m] = net;
      if (net.config.inputSize !== size) throw new Error(`the ${m} supernet takes ${net.config.inputSize}×${net.config.inputSize} inputs but the data is ${size}×${size}`);
    }
  } catch (err) {
    nets.image?.dispose();
    nets.audio?.dispose();
    throw err;
  }
  return { data, nets: nets as Record<Modality, Supernet>, table, imageSize, audioSize };
}
