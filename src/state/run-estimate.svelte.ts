// The expected run time shown before Run: a short measured calibration on the chosen backend
// (in its own worker: one backbone scored per modality, one real fusion search of one search and
// one retraining epoch, src/ml/search-calibration.ts) turned into a range for the current settings
// by src/core/search/run-estimate.ts. A calibration holds for the backend and device it ran on.

import type { BackendChoice, BackendName } from '../core/backends';
import { estimateRunSeconds, type RunEstimate, type UnitCosts } from '../core/search/run-estimate';
import type { SearchSettings } from '../core/search/settings';
import { SearchClient } from '../api/search-client';

export interface Calibration {
  units: UnitCosts;
  /** How long the calibration took (s). */
  seconds: number;
  trainSamples: number;
  backend: BackendName;
  choice: BackendChoice;
  device: string;
}

/** Training samples a run's fusion searches use: the dataset's, or the settings' cut. */
export function trainSamplesOf(s: SearchSettings, datasetTrain: number): number {
  return s.trainSubset > 0 ? Math.min(s.trainSubset, datasetTrain) : datasetTrain;
}

export class RunEstimateState {
  calibration = $state.raw<Calibration | null>(null);
  calibrating = $state(false);
  error = $state<string | null>(null);

  /** The estimate for these settings and backend choice, or null when no calibration fits them. */
  for(settings: SearchSettings, choice: BackendChoice): RunEstimate | null {
    const c = this.calibration;
    if (!c || c.choice !== choice || c.device !== settings.device) return null;
    return estimateRunSeconds(settings, c.units, trainSamplesOf(settings, c.trainSamples));
  }

  async calibrate(settings: SearchSettings, choice: BackendChoice, client = new SearchClient({ event: () => {}, failure: () => {} })): Promise<void> {
    if (this.calibrating) return;
    this.calibrating = true;
    this.error = null;
    try {
      const r = await client.calibrate(settings, choice);
      this.calibration = { ...r, choice, device: settings.device };
    } catch (err) {
      this.error = `The calibration failed: ${(err as Error).message}`;
    } finally {
      this.calibrating = false;
    }
  }
}
