// State behind the "pretrained supernets" panel of the Search view: loads both supernets'
// training records and the dataset's split sizes, and turns each record into the facts the
// panel shows (accuracy of the largest and smallest subnets against the project's targets,
// the command that trained it). The panel itself only renders these.
import { rerunCommand, subnetTestAccuracy, type SplitSizes, type TrainingRecord } from '../core/training-record';
import type { Modality } from '../core/types';
import { APP_BASE_URL, loadSupernetProvenance, type Loaded, type SupernetProvenance } from '../data/training-records';

/** The project's targets for the largest / smallest subnet test accuracy (%). */
export const ACCURACY_TARGETS: Readonly<Record<Modality, { largest: number; smallest: number }>> = {
  image: { largest: 93, smallest: 82 },
  audio: { largest: 95, smallest: 88 },
};

export interface SupernetSummary {
  record: TrainingRecord;
  /** Test accuracy (%) after BN recalibration; undefined if the record lacks it. */
  largest: number | undefined;
  smallest: number | undefined;
  /** Validation accuracy (%) of the largest subnet after BN recalibration. */
  largestVal: number | undefined;
  /** Below either target (a missing figure counts as below). */
  underTrained: boolean;
  /** The record's command, as an npm command line. */
  command: string;
}

/** Per modality: undefined while loading, the summary, or why the record is not available. */
export type SupernetEntry = SupernetSummary | { error: string } | undefined;

export function summarise(record: TrainingRecord, modality: Modality): SupernetSummary {
  const largest = subnetTestAccuracy(record, 'largest');
  const smallest = subnetTestAccuracy(record, 'smallest');
  const target = ACCURACY_TARGETS[modality];
  return {
    record,
    largest,
    smallest,
    largestVal: subnetTestAccuracy(record, 'largest', 'val'),
    underTrained: (largest ?? 0) < target.largest || (smallest ?? 0) < target.smallest,
    command: rerunCommand(record.script),
  };
}

function entryOf(r: Loaded<TrainingRecord> | undefined, modality: Modality): SupernetEntry {
  if (!r) return undefined;
  return r.ok ? summarise(r.value, modality) : { error: r.error };
}

export class SupernetProvenanceState {
  loaded = $state.raw<SupernetProvenance | null>(null);

  /** Train / val / test sizes from the dataset's manifest; null while loading or if it failed. */
  splits = $derived<SplitSizes | null>(this.loaded?.splits.ok ? this.loaded.splits.value : null);

  entry(modality: Modality): SupernetEntry {
    return entryOf(this.loaded?.records[modality], modality);
  }

  /** The unseen-speaker set's audio supernet: its test accuracy is on a voice it never heard. */
  unseenAudio(): SupernetEntry {
    return entryOf(this.loaded?.unseenAudio, 'audio');
  }

  async load(baseUrl = APP_BASE_URL, fetchFn?: typeof fetch): Promise<void> {
    this.loaded = await loadSupernetProvenance(baseUrl, fetchFn);
  }
}
