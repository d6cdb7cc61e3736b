// Writing the leave-one-speaker-out record (public/models/avmnist-audio/leave-one-speaker-out.json):
// which rows a new run of scripts/loso-audio.ts replaces, and which runs may not be recorded at all
// because the Data view's tables (pipeline key + training length, src/core/speaker-held-out.ts)
// would show them under another pipeline's name. Used by loso-audio --record and by
// scripts/record-loso.ts (a run's printed result, recorded afterwards).

import { TIGHT_CROP } from './audio/tight-crop';
import type { Pipeline, SpeakerHeldOutRecord } from './speaker-held-out';

/** What makes one leave-one-speaker-out run: the held-out speaker, the pipeline and everything else loso-audio can vary. */
export interface MeasurementSettings extends Pipeline {
  heldOut: string;
  vtlpRange?: number;
  speed?: number;
  speedRange?: number;
  extraTrainSpeakers?: string[];
  trim?: boolean;
  trimDb?: number;
  mixup?: number;
  warmupEpochs: number;
  epochs: number;
}

/**
 * Whether two runs measured the same thing (a new run replaces such a row in the record; the seed and
 * the figures may differ). A longer-trained run of the same pipeline is another measurement.
 */
export function sameMeasurement(a: MeasurementSettings, b: MeasurementSettings): boolean {
  return a.heldOut === b.heldOut && a.features === b.features && a.augment === b.augment && (a.vtlp ?? 0) === (b.vtlp ?? 0) &&
    a.vtlpRange === b.vtlpRange && (a.speed ?? 0) === (b.speed ?? 0) && a.speedRange === b.speedRange &&
    String(a.extraTrainSpeakers ?? []) === String(b.extraTrainSpeakers ?? []) && (a.trim ?? false) === (b.trim ?? false) && a.trimDb === b.trimDb &&
    (a.crop ?? 0) === (b.crop ?? 0) && (a.noise ?? 0) === (b.noise ?? 0) && a.topDb === b.topDb && a.mixup === b.mixup && a.tight === b.tight && a.cut === b.cut &&
    a.warmupEpochs === b.warmupEpochs && a.epochs === b.epochs;
}

/** A run as loso-audio prints it: its settings, the settings the Data view cannot name, and its command. */
export interface PrintedRun extends MeasurementSettings {
  bandFloor?: unknown;
  tightRangeDb?: number[];
  command: string;
}

/** Why a run may not go into the record (the Data view would file it under another pipeline), or null. */
export function unrecordableReason(run: Pick<PrintedRun, 'mixup' | 'bandFloor' | 'tight' | 'tightRangeDb'>): string | null {
  if (run.mixup) return 'a mixup run cannot be recorded: the Data view groups rows by a pipeline key that does not name mixup';
  if (run.bandFloor) return 'a band-floor run cannot be recorded: the Data view groups rows by a pipeline key that does not name it';
  const range = run.tightRangeDb;
  if (run.tight && range && (range[0] !== TIGHT_CROP.minDbBelowPeak || range[1] !== TIGHT_CROP.maxDbBelowPeak)) {
    return 'a tight-crop run with another dB range cannot be recorded: the Data view\'s pipeline key does not name the range';
  }
  return null;
}

/** The record with `run` added (dated `date`, YYYY-MM-DD), replacing the row that measured the same thing. */
export function withRun<R extends PrintedRun>(record: SpeakerHeldOutRecord, run: R, date: string): SpeakerHeldOutRecord {
  const others = (record.results as unknown as PrintedRun[]).filter((r) => !sameMeasurement(r, run));
  return { ...record, results: [...others, { ...run, date }] as unknown as SpeakerHeldOutRecord['results'] };
}
