import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Supernet } from '../../../src/ml/supernet/supernet';
import { speakerAdaptedPredictions } from '../../../src/ml/supernet/speaker-adaptation';
import { accuracyPercent } from '../../../src/ml/supernet/evaluate';
import { recalibrateBn } from '../../../src/ml/supernet/bn-recalibration';
import { gather, type Split } from '../../../src/ml/supernet/batches';
import { trainSupernet } from '../../../src/ml/supernet/train';
import { speakerFolds } from '../../../src/core/audio/speaker-folds';
import { accuracyBySpeaker } from '../../../src/core/prediction-tally';
import { parseGenome } from '../../../src/core/genome';
import { TINY, tinySplit } from './tiny';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const g = parseGenome('k5375e4364d3');
const sub = (s: Split, rows: number[]): Split => ({ inputs: gather(s, rows), labels: Uint8Array.from(rows, (r) => s.labels[r]), size: s.size });

describe('speakerAdaptedPredictions', () => {
  it('predicts each fold after recalibrating on the other fold only, never reads labels, and leaks no tensors', async () => {
    const net = new Supernet(TINY, 5);
    const split = tinySplit(50, 4);
    const train = tinySplit(30, 9);
    const speakers = [...Array(24).fill('p'), ...Array(20).fill('q'), ...Array(6).fill('r')];
    const folds = speakerFolds(speakers, 10);
    const tensors = tf.memory().numTensors;

    const predicted = await speakerAdaptedPredictions(net, g, split, folds, train, 8);

    expect(tf.memory().numTensors).toBe(tensors);
    expect(predicted.every((p) => p >= 0 && p < TINY.numClasses)).toBe(true);
    // the same as recalibrating by hand on one fold's partner and predicting it
    const fold = folds.folds[1];
    await recalibrateBn(net, g, sub(split, fold.adaptRows), { batchSize: 8 });
    const byHand = tf.tidy(() => net.forward(g, tf.tensor4d(gather(split, fold.scoreRows), [fold.scoreRows.length, TINY.inputSize, TINY.inputSize, 1]), 'eval').logits.argMax(1).arraySync() as number[]);
    expect(fold.scoreRows.map((r) => predicted[r])).toEqual(byHand);
    // the unadapted speaker is predicted with BN from the training split
    const rRows = folds.unadapted[0].rows;
    await recalibrateBn(net, g, train, { batchSize: 8 });
    const fromTrain = tf.tidy(() => net.forward(g, tf.tensor4d(gather(split, rRows), [rRows.length, TINY.inputSize, TINY.inputSize, 1]), 'eval').logits.argMax(1).arraySync() as number[]);
    expect(rRows.map((r) => predicted[r])).toEqual(fromTrain);
    // shuffled labels change nothing
    const relabelled = { ...split, labels: split.labels.map((l) => (l + 1) % TINY.numClasses) };
    expect(Array.from(await speakerAdaptedPredictions(net, g, relabelled, folds, train, 8))).toEqual(Array.from(predicted));
    net.dispose();
  });

  it('wins back a voice whose maps are shifted and scaled, which training-split statistics get wrong', async () => {
    const net = new Supernet(TINY, 13);
    const train = tinySplit(60, 1);
    await trainSupernet(net, train, tinySplit(12, 2), { seed: 3, epochs: 0, warmupEpochs: 6, batchSize: 8, valRecalBatches: 1, lr: 0.02 });
    const plain = tinySplit(60, 3);
    // another "voice": every value scaled and offset (a louder, differently coloured microphone)
    const voice: Split = { ...plain, inputs: plain.inputs.map((x) => 3 * x + 2) };
    const speakers = Array(60).fill('v');

    await recalibrateBn(net, g, train, { batchSize: 8 });
    const onPlain = await accuracyPercent(net, g, plain);
    const withTrainBn = await accuracyPercent(net, g, voice);
    const adapted = accuracyBySpeaker(await speakerAdaptedPredictions(net, g, voice, speakerFolds(speakers, 10), train, 8), voice.labels, speakers);

    expect(onPlain).toBeGreaterThan(90);
    expect(withTrainBn).toBeLessThan(onPlain - 20);
    expect(adapted.accuracy).toBeGreaterThan(withTrainBn + 20);
    net.dispose();
  });
});
