// record-loso: a printed loso-audio run goes into the record as --record would have put it, or is refused with the reason.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { recordRun } from '../../scripts/record-loso';

const shipped = JSON.parse(readFileSync('public/models/avmnist-audio/leave-one-speaker-out.json', 'utf8'));
const tightNicolas = shipped.results.find((r: { heldOut: string; tight?: number; epochs: number }) => r.heldOut === 'nicolas' && r.tight === 3 && r.epochs === 3);
// a record holding only that run, so the test does not depend on which other runs were recorded since
const base = { ...shipped, results: [tightNicolas] };
const printed = (extra: Record<string, unknown> = {}) => {
  const { date: _date, ...rest } = tightNicolas;
  return { ...rest, warmupEpochs: 2, epochs: 7, command: rest.command.replace('--warmup-epochs 1 --epochs 3', '--warmup-epochs 2 --epochs 7'), ...extra };
};

describe('record-loso', () => {
  it('adds a longer-trained run as a new row, dated, keeping the shorter run', () => {
    const r = recordRun(base, printed(), '2026-12-07');
    expect(r.results).toHaveLength(2);
    expect(r.results.at(-1)).toMatchObject({ heldOut: 'nicolas', warmupEpochs: 2, epochs: 7, date: '2026-12-07' });
    expect(r.results).toContainEqual(tightNicolas);
    // recording the same run again replaces it
    expect(recordRun(r, printed(), '2026-12-08').results).toHaveLength(2);
  });

  it('refuses a run the Data view cannot name, a row without figures, or something that is not a loso-audio run', () => {
    expect(() => recordRun(shipped, printed({ mixup: 0.4 }), '2026-12-07', 'run.json')).toThrow(/run\.json: a mixup run cannot be recorded/);
    expect(() => recordRun(shipped, printed({ largest: { sameSpeakerVal: 99 } }), '2026-12-07', 'run.json')).toThrow(/run\.json: result 0 lacks/);
    expect(() => recordRun(shipped, printed({ command: 'echo' }), '2026-12-07', 'run.json')).toThrow(/not a loso-audio run/);
    expect(() => recordRun({ results: [] }, printed(), '2026-12-07')).toThrow(/expected \{script, protocol, results/);
  });
});
