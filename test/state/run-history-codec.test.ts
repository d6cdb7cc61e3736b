import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseRecording } from '../../src/core/search/recording';
import { replayEvents, resultOfRun } from '../../src/core/search/run-view';
import { HISTORY_FORMAT, decodeHistoryRecord, encodeHistoryRecord, settingsKey, summaryOf } from '../../src/state/run-history-codec';
import { presetSettings } from '../../src/core/search/settings';

const events = parseRecording(readFileSync(new URL('../fixtures/tiny-run.jsonl', import.meta.url), 'utf8')).events;

describe('run history codec', () => {
  it('keeps a finished run with its summary and rebuilds the same result', () => {
    const r = encodeHistoryRecord(events, { preset: 'quick', durationMs: 1234, finishedAt: 1_700_000_000_000, id: 'a' });
    const result = resultOfRun(replayEvents(events))!;
    expect(r).toMatchObject({ format: HISTORY_FORMAT, id: 'a', finishedAt: 1_700_000_000_000, preset: 'quick', durationMs: 1234, backend: 'cpu' });
    expect(r.archiveSize).toBe(result.archive.length);
    expect(r.frontSize).toBe(result.front.length);
    expect(r.hypervolume).toBe(result.history.at(-1)!.hypervolumeNormalised);
    expect(r.recording).not.toContain('"checkpoint"');
    const back = decodeHistoryRecord(JSON.parse(JSON.stringify(r)));
    expect(back.result.front).toEqual(result.front);
    expect(back.result.archive).toEqual(result.archive);
    expect(summaryOf(r)).not.toHaveProperty('recording');
  });

  it('refuses an unfinished run and malformed records, naming the problem', () => {
    const unfinished = events.filter((e) => e.type !== 'finished');
    expect(() => encodeHistoryRecord(unfinished, { preset: 'quick', durationMs: null })).toThrow(/only a finished run/);
    const good = encodeHistoryRecord(events, { preset: 'quick', durationMs: null });
    expect(() => decodeHistoryRecord(null)).toThrow(/not a history record/);
    expect(() => decodeHistoryRecord({ ...good, format: 'x' })).toThrow(/unknown history format/);
    expect(() => decodeHistoryRecord({ ...good, recording: 'nope\n' })).toThrow(/events: line 1/);
    expect(() => decodeHistoryRecord({ ...good, settings: { ...good.settings, generations: 0 } })).toThrow(/generations must be/);
  });

  it('gives the same key to the same settings, whatever their field order', () => {
    const a = presetSettings('quick');
    const b = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    expect(settingsKey(b)).toBe(settingsKey(a));
    expect(settingsKey({ ...a, objectives: ['latency', 'error', 'energy'] })).toBe(settingsKey(a));
    expect(settingsKey({ ...a, seed: 2 })).not.toBe(settingsKey(a));
  });
});
