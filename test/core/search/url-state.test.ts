import { describe, expect, it } from 'vitest';
import { URL_KEYS, defaultUrlSettings, formatUrlState, parseUrlState, searchSettingsFromUrl, withUrlKey } from '../../../src/core/search/url-state';

describe('URL hash codec', () => {
  it('parses the contract example and round-trips', () => {
    const { settings, errors } = parseUrlState('#preset=quick&seed=1&run=1');
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ preset: 'quick', seed: 1, run: true, backend: 'auto', device: 'jetson-tx2' });
    const s = { view: 'search', preset: 'paper', seed: 4294967295, device: 'jetson-agx-xavier', lambda: 0.25, backend: 'webgl', run: false, replay: null, image: null, audio: null, fusion: null, shape: null, lesson: null } as const;
    const text = formatUrlState(s);
    expect(text).toBe('preset=paper&seed=4294967295&device=jetson-agx-xavier&lambda=0.25&backend=webgl');
    expect(parseUrlState(text)).toEqual({ settings: s, errors: [], unknown: [] });
    expect(parseUrlState(formatUrlState({ ...s, run: true })).settings.run).toBe(true);
    expect(parseUrlState('').settings).toEqual(defaultUrlSettings());
  });

  it('gives a message and the default for each invalid value', () => {
    const { settings, errors } = parseUrlState('preset=huge&seed=-1&device=TX%202&lambda=abc&backend=metal&run=yes');
    expect(settings).toEqual(defaultUrlSettings());
    expect(errors).toHaveLength(6);
    for (const key of ['preset', 'seed', 'device', 'lambda', 'backend', 'run']) expect(errors.join('\n')).toContain(key);
    expect(parseUrlState('seed=1.5').errors[0]).toMatch(/seed/);
    expect(parseUrlState('seed=99999999999').errors[0]).toMatch(/seed/);
    expect(parseUrlState('lambda=').errors[0]).toMatch(/lambda/);
    expect(parseUrlState('seed=%E0%A4%A').errors[0]).toMatch(/encoding/);
    expect(parseUrlState('device=jetson-nano', { knownDevices: ['jetson-tx2'] }).errors[0]).toMatch(/jetson-nano/);
    expect(parseUrlState('seed=1&seed=2')).toMatchObject({ settings: { seed: 2 }, errors: [expect.stringMatching(/more than once/)] });
  });

  it('keeps unknown keys aside and builds full settings from the preset', () => {
    const parsed = parseUrlState('preset=quick&tab=archive&lambda=0&seed=3');
    expect(parsed.unknown).toEqual([['tab', 'archive']]);
    expect(formatUrlState(parsed.settings, parsed.unknown)).toContain('&tab=archive');
    const s = searchSettingsFromUrl(parsed.settings);
    expect(s).toMatchObject({ populationSize: 4, seed: 3, lambda: 0, device: 'jetson-tx2' });
  });

  it('reads the view from the same table: default search, an unknown view is a message', () => {
    expect(parseUrlState('view=devices&seed=2').settings).toMatchObject({ view: 'devices', seed: 2 });
    const bad = parseUrlState('view=archive');
    expect(bad.settings.view).toBe('search');
    expect(bad.errors).toEqual(['view "archive" is not one of search, data, devices; using search']);
    expect(formatUrlState({ ...defaultUrlSettings(), view: 'data' })).toMatch(/^view=data&preset=/);
    expect(formatUrlState(defaultUrlSettings())).not.toContain('view=');
    expect(URL_KEYS).toEqual(['view', 'preset', 'seed', 'device', 'lambda', 'backend', 'run', 'replay', 'image', 'audio', 'fusion', 'shape', 'lesson']);
    expect(parseUrlState('replay=recordings/quick.jsonl').settings.replay).toBe('recordings/quick.jsonl');
    for (const bad of ['https://evil.example/x.jsonl', '/etc/x.jsonl', 'recordings/../../x.jsonl', 'x.json']) {
      expect(parseUrlState(`replay=${encodeURIComponent(bad)}`).errors[0]).toMatch(/^replay .* nothing replayed$/);
    }
  });

  it('carries a network for the Devices view: genomes, fusion operators and shape, validated, left out when null', () => {
    const text = 'view=devices&image=k5557e3643d2&audio=k3375e3336d2&fusion=ConcatFC%2CCatConvMish&shape=2x1';
    const { settings, errors } = parseUrlState(text);
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ view: 'devices', image: 'k5557e3643d2', audio: 'k3375e3336d2', fusion: ['ConcatFC', 'CatConvMish'], shape: { cells: 2, nodes: 1 } });
    expect(formatUrlState(settings)).toContain('&image=k5557e3643d2&audio=k3375e3336d2&fusion=ConcatFC%2CCatConvMish&shape=2x1');
    expect(parseUrlState(formatUrlState(settings)).settings).toEqual(settings);
    expect(defaultUrlSettings()).toMatchObject({ image: null, audio: null, fusion: null, shape: null });
    for (const key of ['image', 'audio', 'fusion', 'shape']) expect(formatUrlState(defaultUrlSettings())).not.toContain(`${key}=`);
    const bad = parseUrlState('image=k9999e3333d2&audio=x&fusion=Sum%2CMax&shape=5x1');
    expect(bad.settings).toMatchObject({ image: null, audio: null, fusion: null, shape: null });
    expect(bad.errors).toHaveLength(4);
    for (const [i, key] of ['image', 'audio', 'fusion', 'shape'].entries()) expect(bad.errors[i]).toMatch(new RegExp(`^${key} .*; ignored$`));
    expect(parseUrlState('fusion=').errors[0]).toMatch(/^fusion/);
  });

  it('carries the open lesson, 1 to the number of lessons; anything else is a message', () => {
    expect(parseUrlState('lesson=7').settings.lesson).toBe(7);
    expect(formatUrlState({ ...defaultUrlSettings(), lesson: 10 })).toMatch(/&lesson=10$/);
    expect(formatUrlState(defaultUrlSettings())).not.toContain('lesson=');
    for (const bad of ['0', '11', '2.5', 'x', '']) {
      const parsed = parseUrlState(`lesson=${bad}`);
      expect(parsed.settings.lesson).toBeNull();
      expect(parsed.errors).toEqual([`lesson "${bad}" must be a lesson number from 1 to 10; no lesson opened`]);
    }
  });

  it('sets one key in place and keeps every other pair', () => {
    expect(withUrlKey('seed=2&view=data&lesson=3', 'view', 'devices')).toBe('seed=2&view=devices&lesson=3');
    expect(withUrlKey('#seed=2', 'view', 'data')).toBe('seed=2&view=data');
    expect(withUrlKey('seed=2&run=1', 'run', null)).toBe('seed=2');
  });
});
