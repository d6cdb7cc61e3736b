import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSpeakerHeldOut, rowsForPipeline, rowsOfOneLength, summariseHeldOut } from '../../src/core/speaker-held-out';

const result = (heldOut: string, features: string, l: number, s: number) => ({
  heldOut, trainedOn: ['x', 'y'], features, augment: 'none', warmupEpochs: 4, epochs: 12,
  largest: { sameSpeakerVal: 98, heldOutSpeaker: l }, smallest: { sameSpeakerVal: 96, heldOutSpeaker: s }, command: 'npx tsx scripts/loso-audio.ts …', date: '2026-12-04',
});

describe('the leave-one-speaker-out record', () => {
  it('is checked and summarised per feature pipeline', () => {
    const r = parseSpeakerHeldOut({ script: 'scripts/loso-audio.ts', protocol: 'p', results: [result('theo', 'demo', 50, 40), result('jackson', 'demo', 70, 60), result('theo', 'cmvn', 80, 75)] });
    const s = summariseHeldOut(r);
    expect(s.map((g) => g.features)).toEqual(['demo', 'cmvn']);
    expect(s[0].results.map((x) => x.heldOut)).toEqual(['jackson', 'theo']);
    expect(s[0].meanLargest).toBe(60);
    expect(s[0].worstLargest).toBe(50);
    expect(s[0].meanSmallest).toBe(50);
  });

  it('keeps runs with vocal-tract-length perturbation apart from the same pipeline without it', () => {
    const r = parseSpeakerHeldOut({ script: 's', protocol: 'p', results: [result('theo', 'cmvn', 70, 60), { ...result('theo', 'cmvn', 80, 75), vtlp: 3 }] });
    const s = summariseHeldOut(r);
    expect(s.map((g) => [g.features, g.vtlp, g.meanLargest])).toEqual([['cmvn', 0, 70], ['cmvn', 3, 80]]);
  });

  it('refuses a record without its figures, naming the result', () => {
    expect(() => parseSpeakerHeldOut({ script: 's', protocol: 'p', results: [{ ...result('theo', 'demo', 50, 40), largest: { sameSpeakerVal: 98, heldOutSpeaker: 140 } }] })).toThrow(/result 0/);
    expect(() => parseSpeakerHeldOut([])).toThrow(/expected \{script, protocol, results/);
  });

  it('takes an optional speaker-adapted figure per subnet, in 0..100', () => {
    const adapted = { ...result('theo', 'demo', 50, 40), largest: { sameSpeakerVal: 98, heldOutSpeaker: 50, heldOutSpeakerAdapted: 61 } };
    expect(parseSpeakerHeldOut({ script: 's', protocol: 'p', results: [adapted] }).results[0].largest.heldOutSpeakerAdapted).toBe(61);
    expect(() => parseSpeakerHeldOut({ script: 's', protocol: 'p', results: [{ ...adapted, largest: { ...adapted.largest, heldOutSpeakerAdapted: -1 } }] })).toThrow(/result 0/);
    expect(() => parseSpeakerHeldOut({ script: 's', protocol: 'p', results: [{ ...adapted, smallest: { sameSpeakerVal: 98, heldOutSpeaker: 50, heldOutSpeakerAdapted: 'x' } }] })).toThrow(/result 0/);
  });

  it('the shipped record holds today\'s pipeline for every held-out speaker, each with the command that made it', () => {
    const r = parseSpeakerHeldOut(JSON.parse(readFileSync('public/models/avmnist-audio/leave-one-speaker-out.json', 'utf8')));
    const demo = summariseHeldOut(r).find((g) => g.features === 'demo' && g.augment === 'none')!;
    expect(demo.results.map((x) => x.heldOut)).toEqual(['jackson', 'nicolas', 'theo']);
    for (const x of r.results) {
      expect(x.trainedOn).not.toContain(x.heldOut);
      expect(x.command).toMatch(new RegExp(`^npx tsx scripts/loso-audio.ts .*--held-out ${x.heldOut}( |$)`));
    }
  });

  it('picks one training pipeline\'s rows, leaving out runs with anything added', () => {
    const vtlp = (heldOut: string, extra: Record<string, unknown> = {}) => ({ ...result(heldOut, 'cmvn', 70, 60), augment: 'audio', vtlp: 3, ...extra });
    const r = parseSpeakerHeldOut({
      script: 's', protocol: 'p',
      results: [vtlp('theo'), vtlp('jackson'), vtlp('nicolas', { speed: 2 }), vtlp('nicolas', { extraTrainSpeakers: ['george'] }), vtlp('nicolas', { trim: true }),
        vtlp('nicolas', { coefficients: 13 }), vtlp('nicolas', { crop: 3 }), vtlp('theo', { crop: 3, noise: 3 }), vtlp('jackson', { noise: 3, topDb: 35 }), vtlp('nicolas', { noise: 3, topDb: 35, tight: 3 }), vtlp('theo', { noise: 3, topDb: 35, tight: 3, cut: 3 }),
        vtlp('theo', { noise: 3, topDb: 35, mixup: 0.4 }), { ...result('nicolas', 'cmvn', 50, 40), augment: 'audio' }, vtlp('nicolas', { vtlp: 1 })],
    });
    expect(rowsForPipeline(r, { features: 'cmvn', augment: 'audio', vtlp: 3 }).map((x) => x.heldOut)).toEqual(['jackson', 'theo']);
    expect(rowsForPipeline(r, { features: 'cmvn', augment: 'audio', vtlp: 0 }).map((x) => x.heldOut)).toEqual(['nicolas']);
    expect(rowsForPipeline(r, { features: 'demo', augment: 'audio', vtlp: 3 })).toEqual([]);
    expect(rowsForPipeline(r, { features: 'cmvn', augment: 'audio', vtlp: 3, crop: 3 }).map((x) => x.heldOut)).toEqual(['nicolas']);
    expect(rowsForPipeline(r, { features: 'cmvn', augment: 'audio', vtlp: 3, crop: 3, noise: 3 }).map((x) => x.heldOut)).toEqual(['theo']);
    // a front end with a limited dynamic range is another pipeline
    expect(rowsForPipeline(r, { features: 'cmvn', augment: 'audio', vtlp: 3, noise: 3 })).toEqual([]);
    expect(rowsForPipeline(r, { features: 'cmvn', topDb: 35, augment: 'audio', vtlp: 3, noise: 3 }).map((x) => x.heldOut)).toEqual(['jackson']);
    // tightly cropped copies make another pipeline; a mixup run is left out
    expect(rowsForPipeline(r, { features: 'cmvn', topDb: 35, augment: 'audio', vtlp: 3, noise: 3, tight: 3 }).map((x) => x.heldOut)).toEqual(['nicolas']);
    expect(summariseHeldOut(r).find((g) => g.topDb === 35 && g.tight === 0)?.results.map((x) => x.heldOut)).toEqual(['jackson', 'theo']);
    expect(summariseHeldOut(r).find((g) => g.tight === 3 && g.cut === 0)?.results.map((x) => x.heldOut)).toEqual(['nicolas']);
    // so do coda-cut copies
    expect(rowsForPipeline(r, { features: 'cmvn', topDb: 35, augment: 'audio', vtlp: 3, noise: 3, tight: 3, cut: 3 }).map((x) => x.heldOut)).toEqual(['theo']);
    expect(summariseHeldOut(r).find((g) => g.cut === 3)?.results.map((x) => x.heldOut)).toEqual(['theo']);
  });

  it('keeps a longer-trained run of the same pipeline as its own table', () => {
    const short = { ...result('theo', 'logmel-cmn', 80, 75), augment: 'audio', vtlp: 3, warmupEpochs: 1, epochs: 3 };
    const long = { ...short, warmupEpochs: 2, epochs: 7, largest: { sameSpeakerVal: 99, heldOutSpeaker: 90 } };
    const s = summariseHeldOut(parseSpeakerHeldOut({ script: 's', protocol: 'p', results: [short, long, { ...short, heldOut: 'jackson' }] }));
    expect(s.map((g) => [g.warmupEpochs, g.epochs, g.results.map((x) => x.heldOut)])).toEqual([[1, 3, ['jackson', 'theo']], [2, 7, ['theo']]]);
  });

  it('gives a training run the rows of one training length: its own when measured, else the only one', () => {
    const short = ['jackson', 'nicolas', 'theo'].map((h) => ({ ...result(h, 'logmel-cmn', 80, 75), warmupEpochs: 1, epochs: 3 }));
    const long = ['jackson', 'nicolas', 'theo'].map((h) => ({ ...result(h, 'logmel-cmn', 85, 80), warmupEpochs: 2, epochs: 7 }));
    expect(rowsOfOneLength(short, { warmupEpochs: 2, epochs: 7 })).toEqual(short);
    expect(rowsOfOneLength([...short, ...long], { warmupEpochs: 2, epochs: 7 })).toEqual(long);
    expect(rowsOfOneLength([...short, ...long], { warmupEpochs: 1, epochs: 3 })).toEqual(short);
    expect(() => rowsOfOneLength([...short, ...long], { warmupEpochs: 2, epochs: 10 })).toThrow(/measured with 1 \+ 3 and 2 \+ 7 epochs; several cover every held-out speaker, none with this run's 2 \+ 10/);
    // the run's own length lacks a speaker: the one complete length is copied instead
    expect(rowsOfOneLength([...short, ...long.slice(0, 2)], { warmupEpochs: 2, epochs: 7 })).toEqual(short);
    expect(() => rowsOfOneLength([...short.slice(1), ...long.slice(0, 2)], { warmupEpochs: 2, epochs: 7 })).toThrow(/none covers every held-out speaker/);
  });
});
