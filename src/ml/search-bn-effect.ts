// The BN lesson's measurement on the search worker's own assets: one subnet of the demo
// supernets, recalibrated exactly as the search recalibrates it (same batches, batch size and
// seeding as src/ml/search-evaluator.ts), scored on the validation split before and after.

import type { BackboneGenome, Modality } from '../core/types';
import type { BnRecalibrationEffect } from '../core/search-protocol';
import { genomeKey, validateGenome } from '../core/genome';
import { Rng } from '../core/rng';
import type { SearchAssets } from './search-assets';
import { stringSeed, type EvaluatorSettings, type EvaluatorSplit } from './search-evaluator';
import { measureBnRecalibration } from './supernet/bn-effect';
import type { Split } from './supernet/batches';

export async function measureBnEffectOnAssets(
  assets: SearchAssets,
  modality: Modality,
  genome: BackboneGenome,
  settings: Pick<EvaluatorSettings, 'bnBatches' | 'batchSize' | 'trainSubset'>,
): Promise<BnRecalibrationEffect> {
  const g = validateGenome(genome);
  const size = modality === 'image' ? assets.imageSize : assets.audioSize;
  const split = (s: EvaluatorSplit, limit = 0): Split => {
    const n = limit > 0 ? Math.min(limit, s.count) : s.count;
    return { inputs: (modality === 'image' ? s.images : s.audio).subarray(0, n * size * size), labels: s.labels.subarray(0, n), size };
  };
  const key = `${modality}/${genomeKey(g)}`;
  const r = await measureBnRecalibration(assets.nets[modality], g, split(assets.data.train, settings.trainSubset), split(assets.data.val), {
    batchSize: settings.batchSize ?? 64,
    batches: settings.bnBatches,
    rng: new Rng(stringSeed(key)),
  });
  return { modality, genome: genomeKey(g), ...r };
}
