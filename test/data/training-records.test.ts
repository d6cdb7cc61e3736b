// The provenance loaders over a fake fetch serving public/: both training records and the
// dataset's split sizes load from the shipped files; a missing file (HTTP 404), bad JSON or a
// malformed record gives a message naming the URL; one failure does not hide the others.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadSplitSizes,
  loadSupernetProvenance,
  loadTrainingRecord,
  trainingRecordUrl,
} from '../../src/data/training-records';
import { loadAvmnistManifest } from '../../src/data/avmnist';

/** fetch over public/, as the page sees it under base URL './'; `override` replaces or removes files. */
function fakeFetch(override: Record<string, string | null> = {}): typeof fetch & { urls: string[] } {
  const urls: string[] = [];
  const fn = (async (input: string | URL | Request) => {
    const url = String(input);
    urls.push(url);
    const path = url.replace(/^\.\//, '');
    if (path in override) {
      const body = override[path];
      return body === null ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
    }
    const file = join('public', path);
    if (!existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(readFileSync(file), { status: 200 });
  }) as typeof fetch & { urls: string[] };
  fn.urls = urls;
  return fn;
}

describe('loadTrainingRecord', () => {
  it('loads and validates both shipped records', async () => {
    const fetchFn = fakeFetch();
    for (const m of ['image', 'audio'] as const) {
      const r = await loadTrainingRecord(m, './', fetchFn);
      expect(r.modality).toBe(m);
      expect(r.script).toContain('scripts/train-supernet-node.ts');
    }
    expect(fetchFn.urls).toEqual(['./models/avmnist-image/training.json', './models/avmnist-audio/training.json']);
  });

  it('joins any base URL', () => {
    expect(trainingRecordUrl('audio', 'https://x.test/app')).toBe('https://x.test/app/models/avmnist-audio/training.json');
    expect(trainingRecordUrl('image')).toBe('./models/avmnist-image/training.json');
  });

  it('says which file is missing on a 404', async () => {
    const fetchFn = fakeFetch({ 'models/avmnist-image/training.json': null });
    await expect(loadTrainingRecord('image', './', fetchFn)).rejects.toThrow(
      'Could not fetch ./models/avmnist-image/training.json: HTTP 404',
    );
  });

  it('says when the file is not JSON, is malformed, or belongs to the other modality', async () => {
    await expect(loadTrainingRecord('image', './', fakeFetch({ 'models/avmnist-image/training.json': '{"script":' }))).rejects.toThrow(
      './models/avmnist-image/training.json is not valid JSON',
    );
    const broken = JSON.parse(readFileSync('public/models/avmnist-image/training.json', 'utf8'));
    delete broken.accuracyPercent;
    await expect(
      loadTrainingRecord('image', './', fakeFetch({ 'models/avmnist-image/training.json': JSON.stringify(broken) })),
    ).rejects.toThrow('./models/avmnist-image/training.json is invalid: "accuracyPercent" must be an object');
    const audio = readFileSync('public/models/avmnist-audio/training.json', 'utf8');
    await expect(loadTrainingRecord('image', './', fakeFetch({ 'models/avmnist-image/training.json': audio }))).rejects.toThrow(
      /is the record of the audio supernet, not the image one/,
    );
  });

  it('reports a fetch that fails outright', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(loadTrainingRecord('audio', './', offline)).rejects.toThrow(
      'Could not fetch ./models/avmnist-audio/training.json: Failed to fetch',
    );
  });
});

describe('split sizes from the dataset manifest', () => {
  const manifest = JSON.parse(readFileSync('public/data/avmnist/manifest.json', 'utf8'));

  it('reads train / val / test from the shipped manifest, fetching nothing else', async () => {
    const fetchFn = fakeFetch();
    expect(await loadSplitSizes('./', fetchFn)).toEqual(manifest.splits);
    expect(fetchFn.urls).toEqual(['./data/avmnist/manifest.json']);
    expect((await loadAvmnistManifest('./data/avmnist/', fetchFn)).splits).toEqual(manifest.splits);
  });

  it('names the manifest when it is missing or invalid', async () => {
    await expect(loadSplitSizes('./', fakeFetch({ 'data/avmnist/manifest.json': null }))).rejects.toThrow(
      'AV-MNIST: manifest.json is missing (HTTP 404 for ./data/avmnist/manifest.json)',
    );
    await expect(loadSplitSizes('./', fakeFetch({ 'data/avmnist/manifest.json': '{"formatVersion": 2}' }))).rejects.toThrow(
      /manifest\.json: invalid AV-MNIST manifest \(formatVersion 2, expected 1\)/,
    );
  });
});

describe('loadSupernetProvenance', () => {
  it('loads both records and the split sizes', async () => {
    const p = await loadSupernetProvenance('./', fakeFetch());
    expect(p.records.image.ok && p.records.image.value.modality).toBe('image');
    expect(p.records.audio.ok && p.records.audio.value.modality).toBe('audio');
    expect(p.splits).toEqual({ ok: true, value: { train: 900, val: 150, test: 450 } });
  });

  it('reports each failure by its message without hiding what did load', async () => {
    const p = await loadSupernetProvenance('./', fakeFetch({ 'models/avmnist-audio/training.json': null, 'data/avmnist/manifest.json': null }));
    expect(p.records.image.ok).toBe(true);
    expect(p.records.audio).toEqual({ ok: false, error: 'Could not fetch ./models/avmnist-audio/training.json: HTTP 404' });
    expect(p.splits).toEqual({ ok: false, error: 'AV-MNIST: manifest.json is missing (HTTP 404 for ./data/avmnist/manifest.json)' });
  });
});
