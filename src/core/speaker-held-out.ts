// The leave-one-speaker-out record of the audio supernet (written from scripts/loso-audio.ts
// results, shipped as public/models/avmnist-audio/leave-one-speaker-out.json): for each held-out
// speaker and feature pipeline, the largest and smallest subnet's accuracy (%) on the training
// speakers' held-out takes and on the unseen speaker. Parsed and summarised here for the views.

export interface HeldOutResult {
  heldOut: string;
  trainedOn: string[];
  features: string;
  augment: string;
  /** Vocal-tract-length-perturbed copies of each training clip (absent or 0: none). */
  vtlp?: number;
  /** Randomly silence-cropped copies of each training clip (absent or 0: none). */
  crop?: number;
  /** Copies of each training clip with white noise added (absent or 0: none). */
  noise?: number;
  /** Copies of each training clip cut to its loudest frames (absent or 0: none). */
  tight?: number;
  /** Copies of each training clip that stop part-way through its speech (absent or 0: none). */
  cut?: number;
  /** Dynamic range of the front end (dB under the clip's largest filter energy; absent: unlimited). */
  topDb?: number;
  /** Training maps in all (clips + warped and cropped copies). */
  trainMaps?: number;
  warmupEpochs: number;
  epochs: number;
  largest: SubnetHeldOut;
  smallest: SubnetHeldOut;
  command: string;
  date: string;
}

/** One subnet's accuracies (%): on the training speakers' held-out takes and on the held-out speaker. */
export interface SubnetHeldOut {
  sameSpeakerVal: number;
  heldOutSpeaker: number;
  /**
   * The held-out speaker again, each half of their clips scored with BN statistics from the other
   * half, labels unused (label-free adaptation, src/ml/supernet/speaker-adaptation.ts); absent in
   * rows measured before it was.
   */
  heldOutSpeakerAdapted?: number;
}

export interface SpeakerHeldOutRecord {
  script: string;
  protocol: string;
  results: HeldOutResult[];
}

const pct = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 100;

export function parseSpeakerHeldOut(json: unknown, where = 'leave-one-speaker-out record'): SpeakerHeldOutRecord {
  const r = json as Partial<SpeakerHeldOutRecord> | null;
  if (!r || typeof r !== 'object' || typeof r.script !== 'string' || typeof r.protocol !== 'string' || !Array.isArray(r.results)) {
    throw new Error(`${where}: expected {script, protocol, results: [...]}`);
  }
  r.results.forEach((x, i) => {
    const ok =
      x && typeof x.heldOut === 'string' && Array.isArray(x.trainedOn) && typeof x.features === 'string' && typeof x.command === 'string' &&
      pct(x.largest?.sameSpeakerVal) && pct(x.largest?.heldOutSpeaker) && pct(x.smallest?.sameSpeakerVal) && pct(x.smallest?.heldOutSpeaker) &&
      [x.largest.heldOutSpeakerAdapted, x.smallest.heldOutSpeakerAdapted].every((a) => a === undefined || pct(a));
    if (!ok) throw new Error(`${where}: result ${i} lacks speakers, features, command or an accuracy in 0..100`);
  });
  return r as SpeakerHeldOutRecord;
}

/** One training pipeline: its features (and their dynamic range), augmentation and the counts of each kind of training copy. */
export interface Pipeline {
  features: string;
  topDb?: number;
  augment: string;
  vtlp?: number;
  crop?: number;
  noise?: number;
  tight?: number;
  cut?: number;
}

/** One training pipeline's key. */
export const pipelineKey = (x: Pipeline): string => `${x.features}|${x.topDb ?? 0}|${x.augment}|${x.vtlp ?? 0}|${x.crop ?? 0}|${x.noise ?? 0}|${x.tight ?? 0}|${x.cut ?? 0}`;

/** One table of the record: a training pipeline measured with one training length (warm-up + sandwich epochs). */
export const tableKey = (x: Pipeline & { warmupEpochs: number; epochs: number }): string => `${pipelineKey(x)}|${x.warmupEpochs}+${x.epochs}`;

/** Per feature pipeline and training length: its results by held-out speaker and the mean over speakers (%). */
export function summariseHeldOut(r: SpeakerHeldOutRecord): { features: string; topDb?: number; augment: string; vtlp: number; crop: number; noise: number; tight: number; cut: number; warmupEpochs: number; epochs: number; results: HeldOutResult[]; meanLargest: number; meanSmallest: number; worstLargest: number }[] {
  const groups = new Map<string, HeldOutResult[]>();
  for (const x of r.results) {
    const key = tableKey(x);
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  return [...groups.values()].map((rs) => {
    const sorted = [...rs].sort((a, b) => a.heldOut.localeCompare(b.heldOut));
    const mean = (f: (x: HeldOutResult) => number) => sorted.reduce((s, x) => s + f(x), 0) / sorted.length;
    return {
      features: sorted[0].features,
      topDb: sorted[0].topDb,
      augment: sorted[0].augment,
      vtlp: sorted[0].vtlp ?? 0,
      crop: sorted[0].crop ?? 0,
      noise: sorted[0].noise ?? 0,
      tight: sorted[0].tight ?? 0,
      cut: sorted[0].cut ?? 0,
      warmupEpochs: sorted[0].warmupEpochs,
      epochs: sorted[0].epochs,
      results: sorted,
      meanLargest: mean((x) => x.largest.heldOutSpeaker),
      meanSmallest: mean((x) => x.smallest.heldOutSpeaker),
      worstLargest: Math.min(...sorted.map((x) => x.largest.heldOutSpeaker)),
    };
  });
}

/**
 * The rows that measured one training pipeline (`features` with `topDb`, `augment`, `vtlp` warped, `crop`
 * silence-cropped, `noise` noisy, `tight` tightly cropped and `cut` coda-cut copies of each training clip, nothing else added), by held-out speaker —
 * what a shipped supernet trained that way records in its training.json. Rows with other additions
 * (speed copies, extra voices, trimming, fewer coefficients) or other copy counts are left out.
 */
export function rowsForPipeline(r: SpeakerHeldOutRecord, pipeline: Pipeline): HeldOutResult[] {
  type Extra = HeldOutResult & { speed?: number; extraTrainSpeakers?: string[]; trim?: boolean; coefficients?: number; mixup?: number };
  return (r.results as Extra[])
    .filter((x) => pipelineKey(x) === pipelineKey(pipeline))
    .filter((x) => !x.speed && !x.extraTrainSpeakers?.length && !x.trim && (x.coefficients ?? 20) === 20 && !x.mixup)
    .sort((a, b) => a.heldOut.localeCompare(b.heldOut));
}

/**
 * Of one pipeline's rows, those of a single training length: the rows measured with `own` (the
 * training run that copies them) when they cover every held-out speaker the pipeline was measured on,
 * else the one length that does (or the one length there is). Throws when that leaves no choice or several.
 */
export function rowsOfOneLength(rows: HeldOutResult[], own: { warmupEpochs: number; epochs: number }): HeldOutResult[] {
  const length = (x: { warmupEpochs: number; epochs: number }) => `${x.warmupEpochs} + ${x.epochs}`;
  const lengths = [...new Set(rows.map(length))];
  if (lengths.length <= 1) return rows;
  const speakers = new Set(rows.map((x) => x.heldOut)).size;
  const of = (l: string) => rows.filter((x) => length(x) === l);
  const complete = lengths.filter((l) => new Set(of(l).map((x) => x.heldOut)).size === speakers);
  if (complete.includes(length(own))) return of(length(own));
  if (complete.length === 1) return of(complete[0]);
  throw new Error(`the rows were measured with ${lengths.join(' and ')} epochs; ${complete.length === 0 ? 'none covers every held-out speaker' : `several cover every held-out speaker, none with this run's ${length(own)}`}`);
}
