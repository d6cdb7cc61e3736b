// A short measured calibration of the search on the active backend, for the run-time estimate
// shown before Run (src/core/search/run-estimate.ts): the real evaluator scores one backbone per
// modality, then runs one real fusion search of one search epoch and one retraining epoch on a
// cut training set; the epoch events give the time of each part.

import type { SearchSettings } from '../core/search/settings';
import type { UnitCosts } from '../core/search/run-estimate';
import { parseGenome } from '../core/genome';
import type { FusionEpochEvent } from '../core/search-events';
import type { SearchAssets } from './search-assets';
import { TfSearchEvaluator } from './search-evaluator';

/** Training samples the calibration's fusion epochs run on (scaled to the run's by the estimate). */
export const CALIBRATION_TRAIN_SAMPLES = 96;
/** A mid-sized backbone (depth 3, middle kernels and expands) and fusion macro. */
const PROBE_GENOME = 'k5555e4444d3';
const PROBE_MACRO = { cells: 2, nodes: 2 };

export interface CalibrationReport {
  units: UnitCosts;
  /** How long the calibration took (s). */
  seconds: number;
  /** Training samples of the loaded dataset (what a run's fusion epochs train on, before any cut). */
  trainSamples: number;
}

export async function calibrateSearch(assets: SearchAssets, settings: SearchSettings): Promise<CalibrationReport> {
  const t0 = performance.now();
  const trainSubset = Math.min(CALIBRATION_TRAIN_SAMPLES, assets.data.train.count);
  const probe = { ...settings, fusionEpochs: 1, retrainEpochs: settings.paperFaithful ? 0 : 1, trainSubset };
  const evaluator = new TfSearchEvaluator(
    { train: assets.data.train, val: assets.data.val, test: assets.data.test, imageSize: assets.imageSize, audioSize: assets.audioSize },
    assets.nets,
    assets.table,
    probe,
  );
  const genome = parseGenome(PROBE_GENOME);
  const tb = performance.now();
  await evaluator.evaluateBackbone('image', genome, { seed: 1 });
  await evaluator.evaluateBackbone('audio', genome, { seed: 2 });
  const backboneS = (performance.now() - tb) / 2000;
  const epochs: FusionEpochEvent[] = [];
  const tf0 = performance.now();
  await evaluator.searchFusion(genome, genome, PROBE_MACRO, { seed: 3, onEpoch: (e) => void epochs.push(e) });
  const pairS = (performance.now() - tf0) / 1000;
  const searchEpochS = epochs.find((e) => e.stage === 'search')?.seconds ?? 0;
  const retrainEpochS = epochs.find((e) => e.stage === 'retrain')?.seconds ?? 0;
  return {
    units: { backboneS, searchEpochS, retrainEpochS, pairOverheadS: Math.max(0, pairS - searchEpochS - retrainEpochS), measuredTrainSamples: trainSubset },
    seconds: (performance.now() - t0) / 1000,
    trainSamples: assets.data.train.count,
  };
}
