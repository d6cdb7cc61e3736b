import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { NUMBER_SETTINGS, OBJECTIVES, PRESET_NAMES, presetSettings, validateSettings, type NumberSettingKey } from '../../../src/core/search/settings';
import { TUNED_NUMBER_KEYS, URL_KEYS, defaultUrlSettings, urlSettingsOf, formatUrlState, parseUrlState, searchSettingsFromUrl, withUrlKey } from '../../../src/core/search/url-state';

describe('URL hash codec', () => {
  it('parses the contract example and round-trips', () => {
    const { settings, errors } = parseUrlState('#preset=quick&seed=1&run=1');
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ preset: 'quick', seed: 1, run: true, backend: 'auto', device: 'jetson-tx2' });
    const s = { view: 'search', preset: 'paper', seed: 4294967295, device: 'jetson-agx-xavier', lambda: 0.25, backend: 'webgl', run: false, replay: null, dataset: 'avmnist', objectives: null, paperFaithful: null, populationSize: null, offspring: null, survivorFraction: null, generations: null, fusionEpochs: null, retrainEpochs: null, retrainLr: null, C: null, bnBatches: null, trainSubset: null, crossoverP: null, mutationP: null, image: null, audio: null, fusion: null, cells: null, nodes: null, lesson: null } as const;
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
    expect(URL_KEYS).toEqual(['view', 'preset', 'seed', 'device', 'lambda', 'backend', 'dataset', ...TUNED_NUMBER_KEYS, 'objectives', 'paperFaithful', 'run', 'replay', 'image', 'audio', 'fusion', 'cells', 'nodes', 'lesson']);
    expect(parseUrlState('replay=recordings/quick.jsonl').settings.replay).toBe('recordings/quick.jsonl');
    for (const bad of ['https://evil.example/x.jsonl', '/etc/x.jsonl', 'recordings/../../x.jsonl', 'x.json']) {
      expect(parseUrlState(`replay=${encodeURIComponent(bad)}`).errors[0]).toMatch(/^replay .* nothing replayed$/);
    }
  });

  it('carries a network for the Devices view: genomes, fusion operators and shape (cells, nodes), validated, left out when null', () => {
    const text = 'view=devices&image=k5557e3643d2&audio=k3375e3336d2&fusion=ConcatFC%2CCatConvMish&cells=2&nodes=1';
    const { settings, errors } = parseUrlState(text);
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ view: 'devices', image: 'k5557e3643d2', audio: 'k3375e3336d2', fusion: ['ConcatFC', 'CatConvMish'], cells: 2, nodes: 1 });
    expect(formatUrlState(settings)).toContain('&image=k5557e3643d2&audio=k3375e3336d2&fusion=ConcatFC%2CCatConvMish&cells=2&nodes=1');
    expect(parseUrlState(formatUrlState(settings)).settings).toEqual(settings);
    expect(defaultUrlSettings()).toMatchObject({ image: null, audio: null, fusion: null, cells: null, nodes: null });
    for (const key of ['image', 'audio', 'fusion', 'cells', 'nodes']) expect(formatUrlState(defaultUrlSettings())).not.toContain(`${key}=`);
    const bad = parseUrlState('image=k9999e3333d2&audio=x&fusion=Sum%2CMax&cells=5&nodes=0');
    expect(bad.settings).toMatchObject({ image: null, audio: null, fusion: null, cells: null, nodes: null });
    expect(bad.errors).toHaveLength(5);
    for (const [i, key] of ['image', 'audio', 'fusion', 'cells', 'nodes'].entries()) expect(bad.errors[i]).toMatch(new RegExp(`^${key} .*; ignored$`));
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

  it('round-trips randomly drawn valid settings exactly: every preset number, objectives, paper-faithful', () => {
    const rng = new Rng(20261204);
    for (let draw = 0; draw < 300; draw++) {
      const preset = rng.pick(PRESET_NAMES);
      const settings = presetSettings(preset);
      for (const key of Object.keys(NUMBER_SETTINGS) as NumberSettingKey[]) {
        if (!rng.bool(0.6)) continue; // some stay at the preset's value
        const r: { integer: boolean; min: number; max: number; minOpen?: boolean } = NUMBER_SETTINGS[key];
        const hi = Math.min(r.max, r.integer ? r.min + 5000 : r.max);
        const v = r.min + rng.next() * (hi - r.min);
        settings[key] = r.integer ? Math.round(v) : Math.max(Number(v.toFixed(rng.pick([1, 3, 6]))), r.minOpen ? 0.001 : 0);
      }
      settings.objectives = OBJECTIVES.filter(() => rng.bool(0.6));
      if (settings.objectives.length === 0) settings.objectives = ['error'];
      settings.paperFaithful = rng.bool(0.5);
      settings.device = rng.pick(['jetson-tx2', 'jetson-agx-xavier']);
      expect(validateSettings(settings), JSON.stringify(settings)).toEqual([]);
      const text = formatUrlState({ ...defaultUrlSettings(), ...urlSettingsOf(settings, preset) });
      const parsed = parseUrlState(text, { knownDevices: ['jetson-tx2', 'jetson-agx-xavier'] });
      expect(parsed.errors).toEqual([]);
      expect(searchSettingsFromUrl(parsed.settings)).toEqual(settings);
    }
  });

  it('carries the dataset: the demo set is left out, an upload is named and reaches the settings', () => {
    const quick = presetSettings('quick');
    const text = formatUrlState({ ...defaultUrlSettings(), ...urlSettingsOf({ ...quick, dataset: 'upload' }, 'quick') });
    expect(text).toBe('preset=quick&seed=1&device=jetson-tx2&lambda=0.1&backend=auto&dataset=upload');
    expect(searchSettingsFromUrl(parseUrlState(text).settings)).toEqual({ ...quick, dataset: 'upload' });
    expect(searchSettingsFromUrl(parseUrlState('preset=quick&dataset=avmnist').settings)).toEqual(quick);
    expect(validateSettings({ ...quick, dataset: 'cifar' as never })).toEqual(['dataset must be one of avmnist, avmnist-unseen, upload, got "cifar"']);
  });

  it('names only what differs from the preset, and an invalid value is a message and the preset\u2019s', () => {
    const quick = presetSettings('quick');
    expect(formatUrlState({ ...defaultUrlSettings(), ...urlSettingsOf(quick, 'quick') })).toBe('preset=quick&seed=1&device=jetson-tx2&lambda=0.1&backend=auto');
    const tuned = formatUrlState({ ...defaultUrlSettings(), ...urlSettingsOf({ ...quick, generations: 7, objectives: ['error', 'latency'], paperFaithful: true }, 'quick') });
    expect(tuned).toBe('preset=quick&seed=1&device=jetson-tx2&lambda=0.1&backend=auto&generations=7&objectives=error%2Clatency&paperFaithful=1');
    const bad = parseUrlState('preset=quick&generations=0&survivorFraction=2&C=x&objectives=error%2Cspeed&paperFaithful=maybe&dataset=cifar');
    expect(searchSettingsFromUrl(bad.settings)).toEqual(quick);
    expect(bad.errors).toEqual([
      'dataset "cifar" is not one of avmnist, avmnist-unseen, upload; using avmnist',
      'survivorFraction "2" must be a number > 0 and ≤ 1; using the preset\u2019s'.replace('\u2019', "'"),
      'generations "0" must be an integer from 1 to 500; using the preset\u2019s'.replace('\u2019', "'"),
      'C "x" must be an integer from 1 to 1024; using the preset\u2019s'.replace('\u2019', "'"),
      'objectives "error,speed" unknown objective "speed": allowed error, latency, energy; using the preset\u2019s'.replace('\u2019', "'"),
      'paperFaithful "maybe" must be 1 or 0; using the preset\u2019s'.replace('\u2019', "'"),
    ]);
  });
});
