// The training record: the parser accepts both shipped training.json files as they are and
// names the bad field of a malformed one; the builder, fed a run's facts, writes byte for byte
// what the trainers wrote; the view helpers read the right figures and command.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  buildTrainingRecord,
  parseTrainingRecord,
  rerunCommand,
  subnetTestAccuracy,
  type TrainingRecord,
  type TrainingRunFacts,
} from '../../src/core/training-record';
import type { Modality } from '../../src/core/types';

const MODALITIES: Modality[] = ['image', 'audio'];
const text = (m: Modality) => readFileSync(`public/models/avmnist-${m}/training.json`, 'utf8');
const shipped = (m: Modality) => JSON.parse(text(m)) as Record<string, unknown>;
const splits = (JSON.parse(readFileSync('public/data/avmnist/manifest.json', 'utf8')) as { splits: TrainingRunFacts['splits'] }).splits;

/** The facts a trainer had at the end of the run that wrote `r`. */
function factsOf(r: TrainingRecord): TrainingRunFacts {
  const [script, ...args] = r.script.split(' ');
  return {
    script,
    args,
    datasetDir: 'public/data/avmnist',
    splits,
    modality: r.modality,
    backend: r.backend,
    settings: { seed: r.seed, warmupEpochs: r.warmupEpochs, epochs: r.epochs, batchSize: r.batchSize, lr: r.lr },
    trainSeconds: r.trainSeconds + 0.4,
    trainBudgetSeconds: r.trainBudgetSeconds ?? Infinity,
    stoppedEarlyByBudget: r.stoppedEarlyByBudget,
    wallSeconds: r.wallSeconds - 0.3,
    accuracyPercent: r.accuracyPercent,
    history: r.history,
    randomSubnets: r.randomSubnets.subnets,
    randomRecalBatches: Number(/^(\d+) training batches/.exec(r.randomSubnets.bnRecalibration)![1]),
    bytes: r.bytes,
    ...(r.trainingCopies ? { trainingCopies: r.trainingCopies } : {}),
    ...(r.leaveOneSpeakerOut ? { leaveOneSpeakerOut: r.leaveOneSpeakerOut } : {}),
  };
}

describe('parseTrainingRecord', () => {
  it.each(MODALITIES)('accepts the shipped %s record as it is', (m) => {
    const r = parseTrainingRecord(shipped(m), `${m}/training.json`);
    expect(r.modality).toBe(m);
    expect(r.script).toMatch(new RegExp(`^scripts/train-supernet-node\\.ts --modality ${m} `));
    expect(r.history.length).toBe(r.epochsCompleted);
    expect(r.randomSubnets.subnets.length).toBe(r.randomSubnets.count);
    // Nothing dropped, nothing added, same order: the parsed record serialises to the file.
    expect(JSON.stringify(r, null, 1) + '\n').toBe(text(m));
  });

  it('names the first bad field of a malformed record', () => {
    const bad = (patch: (r: Record<string, any>) => void) => {
      const r = shipped('image') as Record<string, any>;
      patch(r);
      return () => parseTrainingRecord(r, 'x/training.json');
    };
    expect(() => parseTrainingRecord(null, 'x/training.json')).toThrow('x/training.json is invalid: "(top level)" must be an object');
    expect(() => parseTrainingRecord([], 'x')).toThrow(/must be an object/);
    expect(bad((r) => delete r.script)).toThrow('x/training.json is invalid: "script" must be a string');
    expect(bad((r) => (r.modality = 'video'))).toThrow(/"modality" must be "image" or "audio"/);
    expect(bad((r) => (r.epochs = '16'))).toThrow(/"epochs" must be a number/);
    expect(bad((r) => (r.stoppedEarlyByBudget = 0))).toThrow(/"stoppedEarlyByBudget" must be true or false/);
    expect(bad((r) => (r.accuracyPercent.k7777e6666d4.test = null))).toThrow(/"accuracyPercent\.k7777e6666d4\.test" must be a number/);
    expect(bad((r) => (r.history[3].trainLoss = 'NaN'))).toThrow(/"history\[3\]\.trainLoss" must be a number/);
    expect(bad((r) => (r.history[0].phase = 'cooldown'))).toThrow(/"history\[0\]\.phase" must be "warmup" or "sandwich"/);
    expect(bad((r) => (r.randomSubnets.subnets[2] = { genome: 'k3333e3333d2', valNoRecal: 1 }))).toThrow(
      /"randomSubnets\.subnets\[2\]\.valRecal" must be a number/,
    );
    expect(bad((r) => delete r.randomSubnets)).toThrow(/"randomSubnets" must be an object/);
    expect(bad((r) => (r.history = {}))).toThrow(/"history" must be a list/);
  });

  it('accepts null where the trainers write null: no budget, no random subnets measured', () => {
    const r = shipped('audio') as Record<string, any>;
    r.trainBudgetSeconds = null;
    r.randomSubnets = { ...r.randomSubnets, count: 0, meanNoRecal: null, meanRecal: null, minRecal: null, subnets: [] };
    const parsed = parseTrainingRecord(r);
    expect(parsed.trainBudgetSeconds).toBeNull();
    expect(parsed.randomSubnets.minRecal).toBeNull();
  });
});

describe('the audio record\'s training copies and leave-one-speaker-out rows', () => {
  const loso = {
    protocol: 'p',
    pipeline: 'per-utterance CMVN features, audio augmentation and 3 vocal-tract-length-perturbed copies of each training clip',
    source: 'public/models/avmnist-audio/leave-one-speaker-out.json',
    results: [{ heldOut: 'theo', trainedOn: ['jackson', 'nicolas'], largest: { sameSpeakerVal: 94, heldOutSpeaker: 81.4 }, smallest: { sameSpeakerVal: 91, heldOutSpeaker: 80.4 }, command: 'npx tsx scripts/loso-audio.ts …' }],
  };

  it('are written when given, read back as written, and absent otherwise', () => {
    const facts = factsOf(parseTrainingRecord(shipped('image')));
    expect(buildTrainingRecord(facts)).not.toHaveProperty('leaveOneSpeakerOut');
    const r = buildTrainingRecord({ ...facts, trainingCopies: '3 copies', leaveOneSpeakerOut: loso });
    expect(r.trainingCopies).toBe('3 copies');
    expect(parseTrainingRecord(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('name a malformed row\'s field', () => {
    const r = JSON.parse(JSON.stringify(buildTrainingRecord({ ...factsOf(parseTrainingRecord(shipped('image'))), leaveOneSpeakerOut: loso })));
    r.leaveOneSpeakerOut.results[0].largest.heldOutSpeaker = 'high';
    expect(() => parseTrainingRecord(r, 'x/training.json')).toThrow('x/training.json is invalid: "leaveOneSpeakerOut.results[0].largest.heldOutSpeaker" must be a number');
  });
});

describe('buildTrainingRecord', () => {
  it.each(MODALITIES)('writes exactly the shipped %s training.json from the run facts', (m) => {
    const built = buildTrainingRecord(factsOf(parseTrainingRecord(shipped(m))));
    expect(JSON.stringify(built, null, 1) + '\n').toBe(text(m));
  });

  it('joins the command, rounds the times and writes the split sizes it was given', () => {
    const facts = factsOf(parseTrainingRecord(shipped('image')));
    const r = buildTrainingRecord({ ...facts, script: 'scripts/train-supernet.ts', args: ['--modality', 'image'], splits: { train: 64, val: 150, test: 450 }, trainSeconds: 10.6 });
    expect(r.script).toBe('scripts/train-supernet.ts --modality image');
    expect(r.dataset).toBe('public/data/avmnist (train 64 / val 150 / test 450)');
    expect(r.bnRecalibration).toBe('whole training split (64 samples), batch 64');
    expect(r.trainSeconds).toBe(11);
    expect(r.epochsCompleted).toBe(facts.history.length);
  });

  it('writes null, as JSON would, for no budget and for an empty random-subnet comparison', () => {
    const facts = factsOf(parseTrainingRecord(shipped('audio')));
    const r = buildTrainingRecord({ ...facts, trainBudgetSeconds: Infinity, randomSubnets: [] });
    expect(r.trainBudgetSeconds).toBeNull();
    expect(r.randomSubnets).toMatchObject({ count: 0, meanNoRecal: null, meanRecal: null, minRecal: null, subnets: [] });
    // And what it builds is a record the parser accepts.
    expect(parseTrainingRecord(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });
});

describe('view helpers', () => {
  it('reads the largest and smallest subnet test accuracy', () => {
    const r = parseTrainingRecord(shipped('image'));
    expect(subnetTestAccuracy(r, 'largest')).toBe(r.accuracyPercent.k7777e6666d4.test);
    expect(subnetTestAccuracy(r, 'smallest')).toBe(r.accuracyPercent.k3333e3333d2.test);
    expect(subnetTestAccuracy({ ...r, accuracyPercent: {} }, 'largest')).toBeUndefined();
  });

  it("turns each shipped record's script into the package script that runs it", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const m of MODALITIES) {
      const r = parseTrainingRecord(shipped(m));
      const cmd = rerunCommand(r.script);
      const [, name, args] = /^npm run (\S+) -- (.*)$/.exec(cmd)!;
      expect(name).toBe('train-supernet-node');
      expect(pkg.scripts[name]).toBe(`tsx ${r.script.split(' ')[0]}`);
      expect(`${r.script.split(' ')[0]} ${args}`).toBe(r.script);
    }
    expect(rerunCommand('scripts/train-supernet.ts')).toBe('npm run train-supernet');
    expect(rerunCommand('python train.py --x 1')).toBe('python train.py --x 1');
  });
});
