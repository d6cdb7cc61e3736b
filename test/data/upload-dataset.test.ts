// From an uploaded zip to typed arrays per split: a good dataset (fake image codec: 2 bytes of
// size, then RGBA) gives the validator's split with inputs in [−1, 1]; undecodable images and
// WAVs are each named; a zip that fails validation is not inflated further.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readUploadedDataset, type ImageDecoder } from '../../src/data/upload-dataset';
import { encodeWavPcm16 } from '../../src/data/wav';

const fakeImage = (w: number, h: number, level: number) => new Uint8Array([w, h, ...Array.from({ length: w * h }, () => [level, level, level, 255]).flat()]);
const decode: ImageDecoder = async (bytes) => {
  if (bytes[0] === 0) throw new Error('not an image');
  return { width: bytes[0], height: bytes[1], rgba: bytes.subarray(2) };
};
const tone = (hz: number, rate: number) => encodeWavPcm16(Float32Array.from({ length: rate * 0.5 }, (_, i) => 0.4 * Math.sin((2 * Math.PI * hz * i) / rate)), rate);

function dataset(overrides: Record<string, Uint8Array> = {}) {
  const files: Record<string, Uint8Array> = {
    'manifest.json': strToU8(JSON.stringify({ name: 'toy', modalities: [{ name: 'pics', kind: 'image' }, { name: 'voice', kind: 'audio' }] })),
  };
  const rows = ['id,label'];
  for (const [c, hz, level, rate] of [['low', 300, 40, 8000], ['high', 1200, 220, 16000]] as const) {
    for (let i = 0; i < 10; i++) {
      rows.push(`${c}${i},${c}`);
      files[`pics/${c}${i}.png`] = fakeImage(4 + i, 6, level);
      files[`voice/${c}${i}.wav`] = tone(hz + 10 * i, rate);
    }
  }
  files['labels.csv'] = strToU8(rows.join('\n'));
  return zipSync({ ...files, ...overrides });
}

describe('readUploadedDataset', () => {
  it('turns a good zip into splits of 28×28 images and 20×20 log-mel maps in [−1, 1]', async () => {
    const progress: number[] = [];
    const r = await readUploadedDataset(dataset(), 'toy.zip', decode, (done) => progress.push(done));
    expect(r.errors).toEqual([]);
    const d = r.dataset!;
    expect(d).toMatchObject({ name: 'toy', classes: ['high', 'low'], imageSize: 28, audioSize: 20 });
    expect([d.splits.train.count, d.splits.val.count, d.splits.test.count]).toEqual([14, 4, 2]);
    expect(d.splits.train.images).toHaveLength(14 * 784);
    expect(d.splits.train.audio).toHaveLength(14 * 400);
    for (const v of [...d.splits.train.images, ...d.splits.test.audio]) expect(v >= -1 && v <= 1).toBe(true);
    // labels are class indices; the images carry their class's grey level
    const i = d.splits.train.ids.findIndex((id) => id.startsWith('low'));
    expect(d.splits.train.labels[i]).toBe(1);
    expect(d.splits.train.images[i * 784]).toBeCloseTo((40 / 255 - 0.5) / 0.5, 5);
    expect(progress.at(-1)).toBe(20);
  });

  it('names every file it cannot decode', async () => {
    const r = await readUploadedDataset(dataset({ 'pics/low3.png': new Uint8Array([0, 0]), 'voice/high2.wav': strToU8('RIFF....nope') }), 'toy.zip', decode);
    expect(r.dataset).toBeNull();
    expect(r.errors).toContain('pics/low3.png: cannot be decoded as an image (not an image).');
    expect(r.errors.some((e) => e.startsWith('voice/high2.wav: not a readable WAV file'))).toBe(true);
  });

  it('stops at the validation errors of a bad zip', async () => {
    let decoded = 0;
    const r = await readUploadedDataset(dataset({ 'labels.csv': strToU8('id,label\nlow0,') }), 'toy.zip', async (b, n) => (decoded++, decode(b, n)));
    expect(r.dataset).toBeNull();
    expect(r.errors).toContain('labels.csv row 2: the label of low0 is empty.');
    expect(decoded).toBe(0);
    expect((await readUploadedDataset(strToU8('not a zip'), 'x.zip', decode)).errors[0]).toMatch(/^x\.zip is not a zip file/);
  });
});
