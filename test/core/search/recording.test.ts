// Recordings: JSON lines round-trip; every bad line is named and skipped; replaying the tiny
// recorded run rebuilds a result whose front is non-dominated, whose hypervolume never falls,
// and whose inner searches hold every epoch and exactly one kept candidate each.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatRecording, parseRecording } from '../../../src/core/search/recording';
import { applySearchEvent, emptyRunView, replayEvents, resultOfRun } from '../../../src/core/search/run-view';
import { dominates } from '../../../src/core/pareto';
import { objectiveVector } from '../../../src/core/search/archive';

const text = readFileSync(new URL('../../fixtures/tiny-run.jsonl', import.meta.url), 'utf8');

describe('recordings', () => {
  it('round-trips and names each bad line', () => {
    const { events, errors } = parseRecording(text);
    expect(errors).toEqual([]);
    expect(parseRecording(formatRecording(events)).events).toEqual(events);
    const bad = parseRecording(['{"type":"status","status":{"state":"running"}}', 'not json', '{"type":"nope"}', '{"type":"pair","context":{}}', ''].join('\n'));
    expect(bad.events).toHaveLength(1);
    expect(bad.errors).toEqual([
      'line 2: not JSON',
      'line 3: unknown event type "nope"',
      'line 4: pair event without entryId, candidates',
      'the recording has no start event',
    ]);
  });

  it('replays into a consistent view', () => {
    const view = replayEvents(parseRecording(text).events);
    const result = resultOfRun(view)!;
    expect(view.finished).toBe(true);
    expect(result.archive.length).toBeGreaterThan(0);
    const objectives = result.settings.objectives;
    for (const a of result.front) for (const b of result.archive) expect(dominates(objectiveVector(b, objectives), objectiveVector(a, objectives))).toBe(false);
    const hv = result.history.map((h) => h.hypervolume);
    for (let i = 1; i < hv.length; i++) expect(hv[i]).toBeGreaterThanOrEqual(hv[i - 1]);
    const searched = view.inner.filter((i) => !i.cached);
    expect(searched.length).toBe(result.totals.fusionSearches);
    for (const inner of searched) {
      expect(inner.search.map((e) => e.epoch)).toEqual([1, 2, 3]);
      expect(inner.candidates!.filter((c) => c.kept)).toHaveLength(1);
      expect(inner.retrain.length).toBeGreaterThan(0);
    }
    expect(view.backbones.length).toBe(result.totals.backboneEvaluations);
    expect(view.survivors.map((s) => s.generation)).toEqual(result.history.map((h) => h.generation));
  });

  it('never changes the view it is given', () => {
    const events = parseRecording(text).events;
    const before = replayEvents(events.slice(0, 40));
    const frozen = JSON.stringify(before);
    for (const e of events.slice(40)) applySearchEvent(before, e);
    expect(JSON.stringify(before)).toBe(frozen);
    expect(resultOfRun(emptyRunView())).toBeNull();
  });
});
