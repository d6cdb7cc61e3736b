// Model bundles from the search worker: the network of one archive entry — both backbones
// extracted with the BN statistics the search scored them with, and the retrained fusion network
// whose weights the evaluator kept — built into bundle files (./bundle.ts). Only the current
// front's fusion weights are kept (pruned after every generation): at the demo preset's C 16
// that is a few hundred kB; `keptNetworkBytes` reports it.

import type { SearchResult } from '../core/search/archive';
import { archiveFront, networkKey } from '../core/search/archive';
import type { EngineState } from '../core/search/engine-state';
import { APP_VERSION } from '../core/app-version';
import type { TfSearchEvaluator } from './search-evaluator';
import type { SearchAssets } from './search-assets';
import { buildBundle, type BundleFiles } from './bundle';

/** Drops the fusion weights of every network that is no longer on the front. */
export function retainFrontNetworks(evaluator: TfSearchEvaluator, state: Pick<EngineState, 'archive' | 'settings'>): void {
  const front = archiveFront(state.archive, state.settings.objectives);
  evaluator.retainNetworks(new Set(front.map((e) => networkKey(e.image, e.audio, e.macro))));
}

export async function exportEntryBundle(evaluator: TfSearchEvaluator, assets: SearchAssets, result: SearchResult, entryId: number): Promise<BundleFiles> {
  const entry = result.archive.find((e) => e.id === entryId);
  if (!entry) throw new Error(`no network #${entryId} in this run`);
  const kept = evaluator.keptNetwork(entry.image, entry.audio, entry.macro);
  if (!kept) {
    throw new Error(
      result.settings.paperFaithful || result.settings.retrainEpochs === 0
        ? 'this run retrained no fusion network (paper-faithful mode or 0 retraining epochs), so there is none to export'
        : `network #${entryId} is not on the front: only the front's fusion networks are kept for export`,
    );
  }
  const image = await evaluator.extractBackbone('image', entry.image);
  try {
    const audio = await evaluator.extractBackbone('audio', entry.audio);
    try {
      return await buildBundle({
        meta: {
          appVersion: APP_VERSION,
          dataset: assets.dataset.id,
          datasetName: assets.dataset.name,
          seed: result.settings.seed,
          device: result.device,
          latencyMs: entry.latencyMs,
          energyMj: entry.energyMj,
          valAccuracy: entry.valAccuracy,
          testAccuracy: entry.testAccuracy,
          selectionSplit: entry.selectionSplit ?? 'val',
        },
        image: { genome: entry.image, model: image, inputSize: assets.imageSize },
        audio: { genome: entry.audio, model: audio, inputSize: assets.audioSize },
        fusion: { macro: entry.macro, genotype: kept.genotype, ops: [...entry.fusionOps], config: kept.config, weights: kept.weights },
      });
    } finally {
      audio.dispose();
    }
  } finally {
    image.dispose();
  }
}
