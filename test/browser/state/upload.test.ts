// The upload state in Chromium with the browser's own PNG decoder: a good zip becomes the
// dataset (and is kept), a bad zip lists its problems and leaves the dataset before it as it
// was, a reload restores the kept one, delete removes it; the panel shows errors and preview.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { strToU8, zipSync } from 'fflate';
import { UploadState, type UploadStore } from '../../../src/state/upload.svelte';
import { browserImageDecoder } from '../../../src/data/browser-image-decoder';
import { encodeWavPcm16 } from '../../../src/data/wav';
import type { StoredUpload } from '../../../src/state/uploads';
import UploadPanel from '../../../src/components/data/UploadPanel.svelte';
import exampleUrl from '../../../public/examples/avmnist-example.zip?url';

async function png(level: number, size: number): Promise<Uint8Array> {
  const c = new OffscreenCanvas(size, size);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = `rgb(${level},${level},${level})`;
  ctx.fillRect(0, 0, size, size);
  return new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
}
const wav = (hz: number) => encodeWavPcm16(Float32Array.from({ length: 4000 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / 8000)), 8000);

async function datasetZip(name: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = { 'manifest.json': strToU8(JSON.stringify({ name, modalities: [{ name: 'img', kind: 'image' }, { name: 'snd', kind: 'audio' }] })) };
  const rows = ['id,label'];
  for (const [c, level, hz] of [['dark', 30, 300], ['light', 230, 900]] as const) {
    for (let i = 0; i < 8; i++) {
      rows.push(`${c}${i},${c}`);
      files[`img/${c}${i}.png`] = await png(level, 20 + i);
      files[`snd/${c}${i}.wav`] = wav(hz);
    }
  }
  files['labels.csv'] = strToU8(rows.join('\n'));
  return zipSync(files);
}

function memoryStore() {
  let kept: StoredUpload | null = null;
  const store: UploadStore = { save: async (u) => void (kept = u), load: async () => kept, remove: async () => void (kept = null) };
  return { store, kept: () => kept };
}
const file = (name: string, bytes: Uint8Array) => ({ name, arrayBuffer: async () => bytes.slice().buffer });

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
});

describe('UploadState', () => {
  it('reads a good zip, keeps the dataset through a bad upload, restores and deletes it', async () => {
    const { store, kept } = memoryStore();
    const u = new UploadState(browserImageDecoder, store);
    await u.read(file('good.zip', await datasetZip('mine')));
    expect(u.errors).toEqual([]);
    expect(u.status).toBe('ready');
    expect(u.dataset).toMatchObject({ name: 'mine', classes: ['dark', 'light'] });
    const light = u.dataset!.splits.train.labels.indexOf(1);
    expect(u.dataset!.splits.train.images[light * 784 + 400]).toBeCloseTo((230 / 255 - 0.5) / 0.5, 1);
    expect(kept()?.fileName).toBe('good.zip');

    await u.read(file('bad.zip', zipSync({ 'labels.csv': strToU8('id,label\na,x') })));
    expect(u.errors).toContain('manifest.json is missing (it must sit at the top of the zip).');
    expect(u.dataset?.name).toBe('mine');
    expect(u.status).toBe('ready');
    expect(kept()?.fileName).toBe('good.zip');

    const again = new UploadState(browserImageDecoder, store);
    await again.restore();
    expect(again.dataset?.name).toBe('mine');
    await again.remove();
    expect(again.dataset).toBeNull();
    expect(kept()).toBeNull();
  });
});

describe('the shipped example', () => {
  it('reads through the browser decoder into 120 samples of 10 digits', async () => {
    const bytes = new Uint8Array(await (await fetch(exampleUrl)).arrayBuffer());
    const u = new UploadState(browserImageDecoder, memoryStore().store);
    await u.read(file('avmnist-example.zip', bytes));
    expect(u.errors).toEqual([]);
    expect(u.dataset!.classes).toHaveLength(10);
    expect([u.dataset!.splits.train.count, u.dataset!.splits.val.count, u.dataset!.splits.test.count]).toEqual([80, 20, 20]);
    const img = u.dataset!.splits.train.images;
    expect(Math.min(...img)).toBe(-1); // MNIST background
    expect(Math.max(...img)).toBe(1); // full-intensity strokes
  });
});

describe('UploadPanel', () => {
  it('lists each problem of a bad zip and previews a good one', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    app = mount(UploadPanel, { target: host });
    flushSync();
    const input = host.querySelector<HTMLInputElement>('[data-testid="dataset-upload"]')!;
    const put = (name: string, bytes: Uint8Array) => {
      const dt = new DataTransfer();
      dt.items.add(new File([bytes as BlobPart], name, { type: 'application/zip' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    put('notes.zip', strToU8('not a zip'));
    await expect.poll(() => host.querySelectorAll('[data-testid="upload-error"]').length).toBe(1);
    expect(host.querySelector('[data-testid="upload-error"]')!.textContent).toMatch(/^notes\.zip is not a zip file/);
    put('good.zip', await datasetZip('panel'));
    await expect.poll(() => host.querySelector('[data-testid="upload-dataset"]')?.getAttribute('data-name'), { timeout: 10_000 }).toBe('panel');
    expect(host.querySelectorAll('[data-testid="upload-error"]')).toHaveLength(0);
    expect(host.querySelectorAll('[data-testid="upload-sample"]').length).toBeGreaterThan(0);
    expect(host.querySelectorAll('[data-testid="upload-balance"] tbody tr')).toHaveLength(2);
    expect(host.querySelector('[data-testid="training-start"]')).not.toBeNull();
    (host.querySelector('[data-testid="upload-delete"]') as HTMLButtonElement).click();
    await expect.poll(() => host.querySelector('[data-testid="upload-dataset"]')).toBeNull();
    host.remove();
  });
});
