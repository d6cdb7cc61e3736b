// The unheard-voices record: checked field by field, one result per genome, and the shipped one
// scored exactly the shipped audio weights (a retrain without re-scoring fails here).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseUnheardVoices, withResult, type UnheardVoicesResult } from '../../src/core/unheard-voices';

const result = (genome: string, accuracy: number): UnheardVoicesResult => ({
  genome, accuracy, n: 10, skipped: 0, perSpeaker: { ann: { accuracy, n: 10 } }, weightsSha256: 'a'.repeat(64), command: 'npm run --silent eval-subnet -- …', date: '2026-12-06',
});

describe('the unheard-voices record', () => {
  it('rejects a result without its weights\' hash or with an accuracy out of range', () => {
    const good = { script: 's', about: 'a', results: [result('k7777e6666d4', 70)] };
    expect(parseUnheardVoices(good).results[0].accuracy).toBe(70);
    expect(() => parseUnheardVoices({ ...good, results: [{ ...result('g', 70), weightsSha256: 'abc' }] }, 'x.json')).toThrow(/^x\.json: result 0 lacks/);
    expect(() => parseUnheardVoices({ ...good, results: [result('g', 170)] })).toThrow(/result 0 lacks/);
    expect(() => parseUnheardVoices({ ...good, results: [{ ...result('g', 70), perSpeaker: { ann: { accuracy: 70 } } }] })).toThrow(/result 0 lacks/);
    expect(() => parseUnheardVoices({ script: 's', results: [] })).toThrow(/expected \{script, about, results/);
  });

  it('takes an optional speaker-adapted figure and checks it field by field', () => {
    const speakerAdapted = { accuracy: 80, perSpeaker: { ann: { accuracy: 80, n: 10 } }, unadaptedSpeakers: [] };
    const good = { script: 's', about: 'a', results: [{ ...result('k7777e6666d4', 70), speakerAdapted }] };
    expect(parseUnheardVoices(good).results[0].speakerAdapted?.accuracy).toBe(80);
    expect(() => parseUnheardVoices({ ...good, results: [{ ...result('g', 70), speakerAdapted: { ...speakerAdapted, accuracy: 101 } }] })).toThrow(/result 0's speakerAdapted lacks/);
    expect(() => parseUnheardVoices({ ...good, results: [{ ...result('g', 70), speakerAdapted: { accuracy: 80, perSpeaker: {} } }] })).toThrow(/speakerAdapted lacks/);
  });

  it('keeps one result per genome, the newest', () => {
    const r = withResult(withResult({ script: 's', about: 'a', results: [] }, result('k7777e6666d4', 60)), result('k3333e3333d2', 50));
    const again = withResult(r, result('k7777e6666d4', 65));
    expect(again.results.map((x) => [x.genome, x.accuracy])).toEqual([['k3333e3333d2', 50], ['k7777e6666d4', 65]]);
  });

  it('ships the largest and smallest subnet scored on the shipped audio weights', () => {
    const shipped = parseUnheardVoices(JSON.parse(readFileSync('public/models/avmnist-audio/unheard-voices.json', 'utf8')));
    const sha = createHash('sha256').update(readFileSync('public/models/avmnist-audio/supernet.bin')).digest('hex');
    expect(shipped.results.map((x) => x.genome)).toEqual(['k3333e3333d2', 'k7777e6666d4']);
    for (const x of shipped.results) {
      expect(x.weightsSha256).toBe(sha);
      expect(x.skipped).toBe(0);
      expect(Object.values(x.perSpeaker).reduce((s, v) => s + v.n, 0)).toBe(x.n);
      // the speakers are none of the demo set's
      for (const s of Object.keys(x.perSpeaker)) expect(['jackson', 'nicolas', 'theo']).not.toContain(s);
    }
  });
});
