// The leave-one-speaker-out record's writing rules: what a new run replaces, what may not be recorded.
import { describe, expect, it } from 'vitest';
import { sameMeasurement, unrecordableReason, withRun, type PrintedRun } from '../../src/core/loso-record';

const run = (heldOut: string, extra: Partial<PrintedRun> = {}): PrintedRun & { largest: { sameSpeakerVal: number; heldOutSpeaker: number } } => ({
  heldOut, features: 'logmel-cmn', topDb: 35, augment: 'audio', vtlp: 3, noise: 3, tight: 3, tightRangeDb: [8, 20], warmupEpochs: 1, epochs: 3,
  command: `npx tsx scripts/loso-audio.ts --held-out ${heldOut}`, largest: { sameSpeakerVal: 99, heldOutSpeaker: 80 }, ...extra,
});

describe('sameMeasurement', () => {
  it('is the same speaker, pipeline and training length, whatever the figures', () => {
    const short = run('theo');
    expect(sameMeasurement(short, { ...short, largest: { sameSpeakerVal: 90, heldOutSpeaker: 60 } } as PrintedRun)).toBe(true);
    expect(sameMeasurement(short, { ...short, trim: false })).toBe(true);
    expect(sameMeasurement(short, run('nicolas'))).toBe(false);
    expect(sameMeasurement(short, run('theo', { tight: 0 }))).toBe(false);
    expect(sameMeasurement(short, run('theo', { cut: 3 }))).toBe(false);
    expect(sameMeasurement(short, run('theo', { speed: 2 }))).toBe(false);
    expect(sameMeasurement(short, run('theo', { extraTrainSpeakers: ['george'] }))).toBe(false);
    // a longer-trained run of the same pipeline is another measurement
    expect(sameMeasurement(short, run('theo', { warmupEpochs: 2, epochs: 7 }))).toBe(false);
  });
});

describe('withRun', () => {
  const record = { script: 'scripts/loso-audio.ts', protocol: 'p', results: [run('theo'), run('jackson')] as never[] };
  it('replaces the row that measured the same thing and dates the new one', () => {
    const again = run('theo', { largest: { sameSpeakerVal: 98, heldOutSpeaker: 91 } } as Partial<PrintedRun>);
    const r = withRun(record, again, '2026-12-07');
    expect(r.results.map((x) => [x.heldOut, x.largest.heldOutSpeaker, x.date])).toEqual([['jackson', 80, undefined], ['theo', 91, '2026-12-07']]);
    expect(record.results).toHaveLength(2); // the input record is left as it was
  });
  it('adds a longer-trained run beside the shorter one', () => {
    const r = withRun(record, run('theo', { warmupEpochs: 2, epochs: 7 }), '2026-12-07');
    expect(r.results.map((x) => [x.heldOut, x.epochs])).toEqual([['theo', 3], ['jackson', 3], ['theo', 7]]);
  });
});

describe('unrecordableReason', () => {
  it('refuses what the Data view cannot name: mixup, a band floor, another tight-crop range', () => {
    expect(unrecordableReason(run('theo'))).toBeNull();
    expect(unrecordableReason(run('theo', { mixup: 0.4 }))).toMatch(/mixup/);
    expect(unrecordableReason(run('theo', { bandFloor: { percentile: 10 } }))).toMatch(/band-floor/);
    expect(unrecordableReason(run('theo', { tightRangeDb: [6, 20] }))).toMatch(/range/);
    expect(unrecordableReason(run('theo', { tight: 0, tightRangeDb: undefined }))).toBeNull();
  });
});
