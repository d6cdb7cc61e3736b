import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkManifest, decodeAvmnist, joinUrl, loadAvmnist, type AvmnistBytes } from '../../src/data/avmnist';
import { AVMNIST_FILES } from '../../src/data/avmnist-format';
import { SPLITS } from '../../src/data/avmnist-pairing';
import { parseWav } from '../../src/data/wav';

const DIR = join(__dirname, '../../public/data/avmnist');
const manifestText = readFileSync(join(DIR, 'manifest.json'), 'utf8');
const manifest = checkManifest(JSON.parse(manifestText));
const read = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));
const shipped = (): AvmnistBytes => ({
  images: read(AVMNIST_FILES.images),
  audio: read(AVMNIST_FILES.audio),
  labels: read(AVMNIST_FILES.labels),
});

describe('shipped AV-MNIST set', () => {
  it('has the manifest fields the issue asks for', () => {
    expect(manifest.classes).toBe(10);
    expect(manifest.splits).toEqual({ train: 900, val: 150, test: 450 });
    expect(manifest.modalities.image.shape).toEqual([28, 28, 1]);
    expect(manifest.modalities.audio.shape).toEqual([20, 20, 1]);
    expect(manifest.license).toBe('CC BY-SA 4.0');
    expect(manifest.attribution.join(' ')).toMatch(/LeCun.*Cortes.*Burges/);
    expect(manifest.attribution.join(' ')).toMatch(/Free Spoken Digit Dataset.*26eb9aaf/);
    expect(manifest.builtBy).toBe('scripts/build-avmnist.ts');
  });

  it('decodes to the manifest counts, shapes, ranges and balanced labels', () => {
    const data = decodeAvmnist(manifest, shipped());
    for (const s of SPLITS) {
      const split = data[s];
      const n = manifest.splits[s];
      expect(split.count).toBe(n);
      expect(split.images.length).toBe(n * 28 * 28);
      expect(split.audio.length).toBe(n * 20 * 20);
      expect(split.labels.length).toBe(n);
      expect(split.sources.fsdd.length).toBe(n);
      for (let c = 0; c < 10; c++) expect(split.labels.filter((l) => l === c).length).toBe(n / 10);
      split.sources.fsdd.forEach((f, i) => expect(Number(f[0])).toBe(split.labels[i]));
      expect(split.images.reduce((a, b) => Math.min(a, b))).toBe(-1);
      expect(split.images.reduce((a, b) => Math.max(a, b))).toBe(1);
    }
    // Audio is standardised per coefficient within each clip (CMVN): mean near 0 in the decoded [-1, 1] range.
    const mean = data.train.audio.reduce((a, b) => a + b, 0) / data.train.audio.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
  });

  it('ships the listed clips, each the recording of the sample it names', () => {
    expect(manifest.clips.length).toBe(20);
    for (const clip of manifest.clips) {
      const wav = parseWav(read(clip.file), clip.file);
      expect(wav.sampleRate).toBe(8000);
      expect(manifest.sources[clip.split].fsdd[clip.sample]).toBe(clip.file.replace('clips/', ''));
    }
  });

  it('rejects a truncated or altered file with a message naming it', () => {
    const cut = shipped();
    cut.audio = cut.audio.subarray(0, cut.audio.length - 400);
    expect(() => decodeAvmnist(manifest, cut)).toThrow('audio.bin is corrupt or truncated: 599600 bytes, expected 600000');
    const flipped = shipped();
    flipped.images[1234] ^= 0xff;
    expect(() => decodeAvmnist(manifest, flipped)).toThrow(/images\.bin is corrupt: CRC-32/);
  });

  it('rejects a manifest without the fields the loader needs', () => {
    expect(() => checkManifest({ ...JSON.parse(manifestText), formatVersion: 2 })).toThrow(/manifest\.json: .*formatVersion 2/);
    const noFile = JSON.parse(manifestText);
    delete noFile.files['labels.bin'];
    expect(() => checkManifest(noFile)).toThrow(/files\["labels\.bin"\]/);
  });
});

describe('loadAvmnist', () => {
  const served = (missing?: string): typeof fetch =>
    (async (url: string | URL | Request) => {
      const file = String(url).replace('base/', '');
      if (file === missing) return new Response('not found', { status: 404 });
      return new Response(file === 'manifest.json' ? manifestText : read(file));
    }) as typeof fetch;

  it('fetches and decodes the set', async () => {
    const data = await loadAvmnist('base', served());
    expect(data.test.count).toBe(450);
    expect(data.val.labels.length).toBe(150);
  });

  it('names a missing file', async () => {
    await expect(loadAvmnist('base/', served('labels.bin'))).rejects.toThrow('AV-MNIST: labels.bin is missing (HTTP 404 for base/labels.bin)');
    await expect(loadAvmnist('base/', served('manifest.json'))).rejects.toThrow(/manifest\.json is missing/);
  });

  it('joins URLs with one slash', () => {
    expect(joinUrl('./data/avmnist/', 'a.bin')).toBe('./data/avmnist/a.bin');
    expect(joinUrl('./data/avmnist', 'a.bin')).toBe('./data/avmnist/a.bin');
  });
});
