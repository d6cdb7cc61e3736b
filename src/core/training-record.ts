// The training record (training.json) written next to each pretrained supernet's weights: how
// the supernet was trained (the exact command, settings, backend, time), the test and validation
// accuracy of its largest and smallest subnets, the per-epoch history and the random-subnet
// comparison. Both trainers build it here, and the app reads it back through the validating
// parser here, so the record has one shape. Pure TypeScript: no tfjs, no DOM.

import { LARGEST_GENOME, SMALLEST_GENOME, formatGenome } from './genome';
import type { Modality } from './types';

export interface SplitSizes {
  train: number;
  val: number;
  test: number;
}

/** Validation and test accuracy (%) of one subnet, after BN recalibration. */
export interface SubnetAccuracy {
  val: number;
  test: number;
}

/** One epoch of training, as the trainer reports it. */
export interface TrainingEpoch {
  phase: 'warmup' | 'sandwich';
  epoch: number;
  trainLoss: number;
  /** Validation accuracy (%) after BN recalibration; smallest is absent in the warm-up phase. */
  valLargest: number;
  valSmallest?: number;
  elapsedMs: number;
}

/** One random subnet's validation accuracy (%) without and with BN recalibration. */
export interface RandomSubnetAccuracy {
  genome: string;
  valNoRecal: number;
  valRecal: number;
}

export interface TrainingRecord {
  /** The command that trained it: script path then its arguments. */
  script: string;
  dataset: string;
  modality: Modality;
  backend: string;
  seed: number;
  warmupEpochs: number;
  epochs: number;
  batchSize: number;
  lr: number;
  optimizer: string;
  sandwich: string;
  trainSeconds: number;
  /** null: no budget. */
  trainBudgetSeconds: number | null;
  stoppedEarlyByBudget: boolean;
  epochsCompleted: number;
  wallSeconds: number;
  bnRecalibration: string;
  /** By genome text, e.g. `k7777e6666d4`: the largest and the smallest subnet. */
  accuracyPercent: Record<string, SubnetAccuracy>;
  history: TrainingEpoch[];
  randomSubnets: {
    count: number;
    split: string;
    bnRecalibration: string;
    noRecal: string;
    /** null when no random subnet was measured. */
    meanNoRecal: number | null;
    meanRecal: number | null;
    minRecal: number | null;
    subnets: RandomSubnetAccuracy[];
  };
  /** Size of supernet.bin. */
  bytes: number;
  /** Audio: the training copies added beside the split's clips, in words (absent: none). */
  trainingCopies?: string;
  /** Audio: how this pipeline fares on a voice training never heard (absent: not measured). */
  leaveOneSpeakerOut?: LeaveOneSpeakerOutSummary;
}

/** One held-out speaker's accuracy (%), largest and smallest subnet, from scripts/loso-audio.ts. */
export interface HeldOutSpeakerResult {
  heldOut: string;
  trainedOn: string[];
  largest: { sameSpeakerVal: number; heldOutSpeaker: number };
  smallest: { sameSpeakerVal: number; heldOutSpeaker: number };
  command: string;
}

export interface LeaveOneSpeakerOutSummary {
  protocol: string;
  /** The features and training the rows measured (the shipped supernet's pipeline; the epochs may differ). */
  pipeline: string;
  /** Where the rows come from (repository path). */
  source: string;
  results: HeldOutSpeakerResult[];
}

/** What a trainer knows at the end of a run, from which `buildTrainingRecord` writes the record. */
export interface TrainingRunFacts {
  /** Repository-relative path of the training script, e.g. `scripts/train-supernet-node.ts`. */
  script: string;
  /** The script's command-line arguments. */
  args: readonly string[];
  /** Repository-relative folder of the dataset, e.g. `public/data/avmnist`. */
  datasetDir: string;
  /** Samples actually used per split. */
  splits: SplitSizes;
  modality: Modality;
  backend: string;
  settings: { seed: number; warmupEpochs: number; epochs: number; batchSize: number; lr: number };
  trainSeconds: number;
  /** Non-finite: no budget. */
  trainBudgetSeconds: number;
  stoppedEarlyByBudget: boolean;
  wallSeconds: number;
  accuracyPercent: Record<string, SubnetAccuracy>;
  history: readonly TrainingEpoch[];
  randomSubnets: readonly RandomSubnetAccuracy[];
  /** Training batches (of 64) used to recalibrate BN for each random subnet. */
  randomRecalBatches: number;
  bytes: number;
  trainingCopies?: string;
  leaveOneSpeakerOut?: LeaveOneSpeakerOutSummary;
}

/** Batch size of the BN recalibration passes the trainers run before measuring. */
const RECAL_BATCH = 64;

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
/** JSON has no NaN or Infinity; JSON.stringify would write null anyway. */
const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

export function buildTrainingRecord(f: TrainingRunFacts): TrainingRecord {
  const recal = f.randomSubnets.map((x) => x.valRecal);
  return {
    script: [f.script, ...f.args].join(' '),
    dataset: `${f.datasetDir} (train ${f.splits.train} / val ${f.splits.val} / test ${f.splits.test})`,
    modality: f.modality,
    backend: f.backend,
    seed: f.settings.seed,
    warmupEpochs: f.settings.warmupEpochs,
    epochs: f.settings.epochs,
    batchSize: f.settings.batchSize,
    lr: f.settings.lr,
    optimizer: 'Adam, cosine learning rate per phase',
    sandwich: 'largest + smallest + 2 random subnets per step, in-place distillation (kdWeight 1, T 1)',
    trainSeconds: Math.round(f.trainSeconds),
    trainBudgetSeconds: finiteOrNull(f.trainBudgetSeconds),
    stoppedEarlyByBudget: f.stoppedEarlyByBudget,
    epochsCompleted: f.history.length,
    wallSeconds: Math.round(f.wallSeconds),
    bnRecalibration: `whole training split (${f.splits.train} samples), batch ${RECAL_BATCH}`,
    accuracyPercent: f.accuracyPercent,
    history: [...f.history],
    randomSubnets: {
      count: f.randomSubnets.length,
      split: 'val',
      bnRecalibration: `${f.randomRecalBatches} training batches of ${RECAL_BATCH}`,
      noRecal: 'running statistics as left by training',
      meanNoRecal: finiteOrNull(mean(f.randomSubnets.map((x) => x.valNoRecal))),
      meanRecal: finiteOrNull(mean(recal)),
      minRecal: finiteOrNull(Math.min(...recal)),
      subnets: [...f.randomSubnets],
    },
    bytes: f.bytes,
    ...(f.trainingCopies ? { trainingCopies: f.trainingCopies } : {}),
    ...(f.leaveOneSpeakerOut ? { leaveOneSpeakerOut: f.leaveOneSpeakerOut } : {}),
  };
}

type Json = Record<string, unknown>;

function fail(name: string, path: string, want: string): never {
  throw new Error(`${name} is invalid: "${path}" must be ${want}`);
}

/** Field readers that throw naming the file and the field. */
function readers(name: string) {
  const obj = (v: unknown, path: string): Json =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : fail(name, path, 'an object');
  const num = (o: Json, k: string, path = k): number =>
    typeof o[k] === 'number' && Number.isFinite(o[k]) ? (o[k] as number) : fail(name, path, 'a number');
  const numOrNull = (o: Json, k: string, path = k): number | null => (o[k] === null ? null : num(o, k, path));
  const str = (o: Json, k: string, path = k): string => (typeof o[k] === 'string' ? (o[k] as string) : fail(name, path, 'a string'));
  const bool = (o: Json, k: string): boolean => (typeof o[k] === 'boolean' ? (o[k] as boolean) : fail(name, k, 'true or false'));
  const list = (o: Json, k: string, path = k): unknown[] => (Array.isArray(o[k]) ? (o[k] as unknown[]) : fail(name, path, 'a list'));
  return { obj, num, numOrNull, str, bool, list };
}

/** Validates a parsed training record; throws an Error naming `name` (e.g. its URL) and the first bad field. */
export function parseTrainingRecord(json: unknown, name = 'the training record'): TrainingRecord {
  const { obj, num, numOrNull, str, bool, list } = readers(name);
  const r = obj(json, '(top level)');
  const modality = str(r, 'modality');
  if (modality !== 'image' && modality !== 'audio') fail(name, 'modality', '"image" or "audio"');
  const acc = obj(r.accuracyPercent, 'accuracyPercent');
  const accuracyPercent: Record<string, SubnetAccuracy> = {};
  for (const [genome, v] of Object.entries(acc)) {
    const a = obj(v, `accuracyPercent.${genome}`);
    accuracyPercent[genome] = { val: num(a, 'val', `accuracyPercent.${genome}.val`), test: num(a, 'test', `accuracyPercent.${genome}.test`) };
  }
  const history = list(r, 'history').map((v, i): TrainingEpoch => {
    const p = `history[${i}]`;
    const e = obj(v, p);
    const phase = str(e, 'phase', `${p}.phase`);
    if (phase !== 'warmup' && phase !== 'sandwich') fail(name, `${p}.phase`, '"warmup" or "sandwich"');
    const smallest = e.valSmallest === undefined ? {} : { valSmallest: num(e, 'valSmallest', `${p}.valSmallest`) };
    return {
      phase,
      epoch: num(e, 'epoch', `${p}.epoch`),
      trainLoss: num(e, 'trainLoss', `${p}.trainLoss`),
      valLargest: num(e, 'valLargest', `${p}.valLargest`),
      ...smallest,
      elapsedMs: num(e, 'elapsedMs', `${p}.elapsedMs`),
    };
  });
  const rs = obj(r.randomSubnets, 'randomSubnets');
  const subnets = list(rs, 'subnets', 'randomSubnets.subnets').map((v, i): RandomSubnetAccuracy => {
    const p = `randomSubnets.subnets[${i}]`;
    const s = obj(v, p);
    return { genome: str(s, 'genome', `${p}.genome`), valNoRecal: num(s, 'valNoRecal', `${p}.valNoRecal`), valRecal: num(s, 'valRecal', `${p}.valRecal`) };
  });
  const rsPath = (k: string) => `randomSubnets.${k}`;
  return {
    script: str(r, 'script'),
    dataset: str(r, 'dataset'),
    modality,
    backend: str(r, 'backend'),
    seed: num(r, 'seed'),
    warmupEpochs: num(r, 'warmupEpochs'),
    epochs: num(r, 'epochs'),
    batchSize: num(r, 'batchSize'),
    lr: num(r, 'lr'),
    optimizer: str(r, 'optimizer'),
    sandwich: str(r, 'sandwich'),
    trainSeconds: num(r, 'trainSeconds'),
    trainBudgetSeconds: numOrNull(r, 'trainBudgetSeconds'),
    stoppedEarlyByBudget: bool(r, 'stoppedEarlyByBudget'),
    epochsCompleted: num(r, 'epochsCompleted'),
    wallSeconds: num(r, 'wallSeconds'),
    bnRecalibration: str(r, 'bnRecalibration'),
    accuracyPercent,
    history,
    randomSubnets: {
      count: num(rs, 'count', rsPath('count')),
      split: str(rs, 'split', rsPath('split')),
      bnRecalibration: str(rs, 'bnRecalibration', rsPath('bnRecalibration')),
      noRecal: str(rs, 'noRecal', rsPath('noRecal')),
      meanNoRecal: numOrNull(rs, 'meanNoRecal', rsPath('meanNoRecal')),
      meanRecal: numOrNull(rs, 'meanRecal', rsPath('meanRecal')),
      minRecal: numOrNull(rs, 'minRecal', rsPath('minRecal')),
      subnets,
    },
    bytes: num(r, 'bytes'),
    ...(r.trainingCopies === undefined ? {} : { trainingCopies: str(r, 'trainingCopies') }),
    ...(r.leaveOneSpeakerOut === undefined ? {} : { leaveOneSpeakerOut: parseLoso(obj(r.leaveOneSpeakerOut, 'leaveOneSpeakerOut')) }),
  };

  function parseLoso(l: Json): LeaveOneSpeakerOutSummary {
    const p = (k: string) => `leaveOneSpeakerOut.${k}`;
    const pair = (o: Json, path: string) => ({ sameSpeakerVal: num(o, 'sameSpeakerVal', `${path}.sameSpeakerVal`), heldOutSpeaker: num(o, 'heldOutSpeaker', `${path}.heldOutSpeaker`) });
    return {
      protocol: str(l, 'protocol', p('protocol')),
      pipeline: str(l, 'pipeline', p('pipeline')),
      source: str(l, 'source', p('source')),
      results: list(l, 'results', p('results')).map((v, i) => {
        const path = p(`results[${i}]`);
        const e = obj(v, path);
        return {
          heldOut: str(e, 'heldOut', `${path}.heldOut`),
          trainedOn: list(e, 'trainedOn', `${path}.trainedOn`).map((x, j) => (typeof x === 'string' ? x : fail(name, `${path}.trainedOn[${j}]`, 'a string'))),
          largest: pair(obj(e.largest, `${path}.largest`), `${path}.largest`),
          smallest: pair(obj(e.smallest, `${path}.smallest`), `${path}.smallest`),
          command: str(e, 'command', `${path}.command`),
        };
      }),
    };
  }
}

/** Test accuracy (%) of the record's largest or smallest subnet; undefined if not recorded. */
export function subnetTestAccuracy(record: TrainingRecord, which: 'largest' | 'smallest', split: 'test' | 'val' = 'test'): number | undefined {
  return record.accuracyPercent[formatGenome(which === 'largest' ? LARGEST_GENOME : SMALLEST_GENOME)]?.[split];
}

/**
 * The record's command as an npm command line: `scripts/<name>.ts <args>` is run by the
 * package script of the same name, so it reads `npm run <name> -- <args>`. Any other
 * command comes back as it is.
 */
export function rerunCommand(script: string): string {
  const m = /^scripts\/([\w-]+)\.ts(?: (.*))?$/.exec(script);
  if (!m) return script;
  return m[2] ? `npm run ${m[1]} -- ${m[2]}` : `npm run ${m[1]}`;
}
