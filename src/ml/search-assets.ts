// What the search worker loads before a run: the dataset (train / val / test typed arrays),
// its two elastic supernets and the chosen device's cost table. The demo set AV-MNIST (or its
// unseen-speaker variant, with the audio supernet trained on its two training speakers) and its
// pretrained supernets come from the app's own origin (the paths of ../data/asset-paths); an
// uploaded dataset and the supernets trained on it come from this browser's IndexedDB
// (../data/trained-upload.ts). Nothing is fetched from anywhere else.

import type { DeviceTable } from '../core/device-table';
import type { Modality } from '../core/types';
import { ASSET_PATHS, UNSEEN_SPEAKER_AUDIO_DIR, UNSEEN_SPEAKER_DATASET_DIR } from '../data/asset-paths';
import { loadAvmnist } from '../data/avmnist';
import { loadDeviceIndex, loadDeviceTable } from '../data/device-tables';
import { loadTrainedUpload } from '../data/trained-upload';
import { DEMO_DATASET_NAME, UNSEEN_SPEAKER_DATASET_NAME, type DatasetId } from '../core/search/settings';
import type { SplitName } from '../core/upload/limits';
import type { Supernet } from './supernet/supernet';
import { checkSupernetManifest, deserializeSupernet, fetchSupernet } from './supernet/weights-io';
import type { EvaluatorSplit } from './search-evaluator';


export interface SearchAssets {
  /** Which dataset, and its name as results, exports and history show it. */
  dataset: { id: DatasetId; name: string };
  data: Record<SplitName, EvaluatorSplit>;
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

export async function loadAssets(baseUrl: string, device: string, say: (message: string) => void = () => {}, dataset: DatasetId = 'avmnist'): Promise<SearchAssets> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  say('loading the device cost table');
  const index = await loadDeviceIndex(base + ASSET_PATHS.luts);
  const entry = index.find((d) => d.id === device);
  if (!entry) throw new Error(`no cost table for device "${device}" (known: ${index.map((d) => d.id).join(', ')})`);
  const table = await loadDeviceTable(entry, base + ASSET_PATHS.luts);
  if (dataset === 'upload') return uploadAssets(table, say);
  const unseen = dataset === 'avmnist-unseen';
  const paths = unseen ? { data: UNSEEN_SPEAKER_DATASET_DIR, image: ASSET_PATHS.image, audio: UNSEEN_SPEAKER_AUDIO_DIR } : ASSET_PATHS;
  say(unseen ? 'loading AV-MNIST with an unseen test speaker' : 'loading the AV-MNIST dataset');
  const data = await loadAvmnist(base + paths.data);
  const imageSize = squareSide(data.manifest.modalities.image.shape, 'image');
  const audioSize = squareSide(data.manifest.modalities.audio.shape, 'audio');
  say('loading the pretrained supernets');
  const nets: Partial<Record<Modality, Supernet>> = {};
  try {
    for (const [m, size] of [['image', imageSize], ['audio', audioSize]] as const) {
      let net: Supernet;
      try {
        net = await fetchSupernet(base + paths[m]);
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
  const named = unseen ? { id: dataset, name: UNSEEN_SPEAKER_DATASET_NAME } : { id: 'avmnist' as const, name: DEMO_DATASET_NAME };
  return { dataset: named, data: { train: data.train, val: data.val, test: data.test }, nets: nets as Record<Modality, Supernet>, table, imageSize, audioSize };
}

/** The uploaded dataset and the supernets trained on it, from IndexedDB. */
async function uploadAssets(table: DeviceTable, say: (message: string) => void): Promise<SearchAssets> {
  say('reading your dataset and its trained supernets from this browser');
  const t = await loadTrainedUpload();
  const nets: Partial<Record<Modality, Supernet>> = {};
  try {
    for (const m of ['image', 'audio'] as const) {
      const manifest = checkSupernetManifest(t.supernets[m].manifest);
      nets[m] = deserializeSupernet(manifest, t.supernets[m].weights);
      const want = m === 'image' ? t.imageSize : t.audioSize;
      if (manifest.config.inputSize !== want) throw new Error(`the trained ${m} supernet takes ${manifest.config.inputSize}×${manifest.config.inputSize} inputs but the data is ${want}×${want}`);
    }
  } catch (err) {
    nets.image?.dispose();
    nets.audio?.dispose();
    throw new Error(`the supernets trained on your dataset could not be read: ${(err as Error).message}`);
  }
  return { dataset: { id: 'upload', name: t.summary.name }, data: t.splits, nets: nets as Record<Modality, Supernet>, table, imageSize: t.imageSize, audioSize: t.audioSize };
}
