// Supernet training on an upload, as state: the expected time comes from the measured step
// times and the budget, progress runs from 0 to 1 with time left, a finished run keeps both
// supernets with the decoded splits (real IndexedDB round trip), cancel keeps nothing, a failing
// worker gives a message and the state stays usable, forget removes what was kept.
import { beforeEach, describe, expect, it } from 'vitest';
import { UploadTrainingState, type TrainingDeps } from '../../../src/state/upload-training.svelte';
import { budgetPlan, expectedTrainingSeconds } from '../../../src/core/upload/training-budget';
import { deleteTrainedUpload, loadTrainedSummary, loadTrainedUpload, saveTrainedUpload } from '../../../src/data/trained-upload';
import type { UploadedDataset } from '../../../src/data/upload-dataset';
import type { TrainListener, TrainOutcome, TrainRequest } from '../../../src/ml/supernet/training-session';

function dataset(train = 40): UploadedDataset {
  const split = (n: number) => ({ count: n, images: new Float32Array(n * 784).fill(0.5), audio: new Float32Array(n * 400).fill(-0.5), labels: Uint8Array.from({ length: n }, (_, i) => i % 2), ids: Array.from({ length: n }, (_, i) => `s${i}`) });
  return { name: 'two classes', classes: ['a', 'b'], imageSize: 28, audioSize: 20, splits: { train: split(train), val: split(10), test: split(10) }, counts: { train: {}, val: {}, test: {} } };
}

const TIMING = { warmupStepMs: 10, sandwichStepMs: 40, evaluationMs: 5 };

/** A training worker stand-in: replays the steps and epochs a real run of the request would report. */
function fakeClient(opts: { cancelAfterSteps?: number; failOn?: 'image' | 'audio'; afterStep?: () => void } = {}) {
  const requests: TrainRequest[] = [];
  let cancelled = false;
  const client = {
    timeSteps: async () => TIMING,
    backend: async () => ({ name: 'cpu' as const, reason: 'test', webgpu: { available: false } }),
    cancel: () => void (cancelled = true),
    terminate: () => {},
    async train(request: TrainRequest, l: TrainListener = {}): Promise<TrainOutcome> {
      requests.push(request);
      const modality = request.config.inputSize === 28 ? 'image' : 'audio';
      if (opts.failOn === modality) throw new Error('the training worker crashed: out of memory');
      const s = request.settings;
      const per = Math.floor(request.train.labels.length / s.batchSize!) + (request.train.labels.length % s.batchSize! >= s.batchSize! / 2 ? 1 : 0);
      const reports = [];
      let taken = 0;
      for (const [phase, epochs] of [['warmup', s.warmupEpochs!], ['sandwich', s.epochs!]] as const) {
        for (let epoch = 0; epoch < epochs; epoch++) {
          for (let step = 1; step <= per; step++) {
            if (cancelled || (opts.cancelAfterSteps !== undefined && taken >= opts.cancelAfterSteps)) {
              return { reports, steps: taken, cancelled: true, manifest: {} as never, weights: new ArrayBuffer(4), numTensorsBefore: 0, numTensorsAfter: 0, seconds: 0 };
            }
            l.onStep?.({ phase, epoch, epochs, step, stepsPerEpoch: per, loss: 1 / (taken + 1), lr: 1e-3, elapsedMs: taken });
            opts.afterStep?.();
            taken++;
            await new Promise((r) => setTimeout(r, 1));
          }
          const r = { phase, epoch, trainLoss: 0.5, valLargest: 80 + epoch, valSmallest: phase === 'sandwich' ? 70 + epoch : undefined, elapsedMs: taken };
          reports.push(r);
          l.onEpoch?.(r);
        }
      }
      return { reports, steps: taken, cancelled: false, manifest: { format: 'harmonic-nas-supernet', modality } as never, weights: new Uint8Array([1, 2, 3]).buffer, numTensorsBefore: 0, numTensorsAfter: 0, seconds: 1 };
    },
  };
  return { client, requests, cancelNow: () => (cancelled = true) };
}

function deps(client: ReturnType<typeof fakeClient>['client']): TrainingDeps {
  return { client: () => client, save: saveTrainedUpload, loadSummary: loadTrainedSummary, forget: deleteTrainedUpload, pretrainedUrl: (m) => `http://localhost/models/avmnist-${m}/` };
}

beforeEach(async () => {
  await deleteTrainedUpload();
});

describe('UploadTrainingState', () => {
  it('expects the measured time, trains both supernets with progress, and keeps them with the splits', async () => {
    const { client, requests } = fakeClient();
    const t = new UploadTrainingState(deps(client));
    const d = dataset();
    expect(t.expectedSeconds(d)).toBeNull();
    await t.measure(d);
    const plan = budgetPlan('transfer', 'default');
    expect(t.expectedSeconds(d)).toBeCloseTo(2 * expectedTrainingSeconds(plan, 40, TIMING), 9);
    t.budget = 'long';
    expect(t.expectedSeconds(d)).toBeGreaterThan(2 * expectedTrainingSeconds(plan, 40, TIMING));
    t.budget = 'tiny';

    await t.train(d, { fileName: 'two.zip', savedAt: 7 });
    expect(t.status, t.message ?? '').toBe('done');
    // transfer: from the demo supernets' folders, with the upload's number of classes
    expect(requests.map((r) => [r.config.inputSize, r.config.numClasses, r.transferFromUrl])).toEqual([
      [28, 2, 'http://localhost/models/avmnist-image/'],
      [20, 2, 'http://localhost/models/avmnist-audio/'],
    ]);
    expect(t.epochs.image.length).toBe(budgetPlan('transfer', 'tiny').epochs);
    expect(t.summary).toMatchObject({ name: 'two classes', fileName: 'two.zip', savedAt: 7, mode: 'transfer', budget: 'tiny', backend: 'cpu' });
    expect(t.summary!.accuracy.image).toEqual({ largest: 80, smallest: 70 });
    expect(t.trainedFor('two.zip', 7)).toBe(true);
    expect(t.trainedFor('two.zip', 8)).toBe(false);

    const kept = await loadTrainedUpload();
    expect(kept.summary.name).toBe('two classes');
    expect(kept.splits.train.count).toBe(40);
    expect(Array.from(kept.splits.val.labels)).toEqual(Array.from(d.splits.val.labels));
    expect(new Uint8Array(kept.supernets.audio.weights)).toEqual(new Uint8Array([1, 2, 3]));
    // the dataset in memory is still whole (the worker got copies)
    expect(d.splits.train.images.length).toBe(40 * 784);
  });

  it('reports progress from 0 to 1 over both supernets, with time left', async () => {
    const seen: { fraction: number; left: number | null; modality: string }[] = [];
    let t: UploadTrainingState | null = null;
    const { client } = fakeClient({ afterStep: () => t?.progress && seen.push({ fraction: t.progress.fraction, left: t.progress.secondsLeft, modality: t.progress.modality }) });
    t = new UploadTrainingState(deps(client));
    t.mode = 'scratch';
    t.budget = 'tiny';
    await t.train(dataset(), { fileName: 'x.zip', savedAt: 1 });
    expect(t.status).toBe('done');
    const plan = budgetPlan('scratch', 'tiny');
    // 40 samples, batch 32: 1 step per epoch, for each supernet
    expect(seen.length).toBe(2 * (plan.warmupEpochs + plan.epochs));
    expect(seen.map((p) => p.modality)).toEqual([...Array(plan.warmupEpochs + plan.epochs).fill('image'), ...Array(plan.warmupEpochs + plan.epochs).fill('audio')]);
    for (let i = 1; i < seen.length; i++) expect(seen[i].fraction).toBeGreaterThan(seen[i - 1].fraction);
    expect(seen[0].fraction).toBeGreaterThan(0);
    // the last step of the audio supernet: all but its last epoch's validations
    const per = expectedTrainingSeconds(plan, 40, TIMING);
    expect(seen.at(-1)!.fraction).toBeCloseTo((2 * per - 0.01) / (2 * per), 9);
    // time left is extrapolated from the time spent, so from the second step on it is known
    expect(seen.slice(1).every((p) => p.left !== null && p.left >= 0)).toBe(true);
    expect(t.progress).toBeNull();
  });

  it('keeps nothing when cancelled, and gives a message when the worker fails', async () => {
    const { client } = fakeClient({ cancelAfterSteps: 2 });
    const t = new UploadTrainingState(deps(client));
    await t.train(dataset(), { fileName: 'x.zip', savedAt: 1 });
    expect(t.status).toBe('cancelled');
    expect(t.message).toMatch(/cancelled: nothing was kept/);
    expect(await loadTrainedSummary()).toBeNull();

    const failing = new UploadTrainingState(deps(fakeClient({ failOn: 'audio' }).client));
    await failing.train(dataset(), { fileName: 'x.zip', savedAt: 1 });
    expect(failing.status).toBe('error');
    expect(failing.message).toBe('Training failed: the training worker crashed: out of memory');
    expect(await loadTrainedSummary()).toBeNull();
  });

  it('forgets the kept training and reads it back after a reload', async () => {
    const t = new UploadTrainingState(deps(fakeClient().client));
    t.budget = 'tiny';
    await t.train(dataset(), { fileName: 'x.zip', savedAt: 3 });
    const reloaded = new UploadTrainingState(deps(fakeClient().client));
    await reloaded.restore();
    expect(reloaded.summary?.savedAt).toBe(3);
    await reloaded.forget();
    expect(reloaded.summary).toBeNull();
    expect(await loadTrainedSummary()).toBeNull();
    await expect(loadTrainedUpload()).rejects.toThrow(/No trained upload is kept/);
  });
});
