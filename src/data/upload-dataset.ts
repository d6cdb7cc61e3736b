// An uploaded multimodal dataset, from the zip's bytes to typed arrays per split: the directory
// and text files are validated first (src/core/upload/validate.ts), then every sample's image
// and WAV are inflated and decoded — each file that cannot be decoded is named — and turned into
// the supernets' inputs (src/core/upload/features.ts). The image decoder is passed in: the
// browser's (./browser-image-decoder.ts) in the app, a stand-in in tests.

import { unzipSync } from 'fflate';
import { SPLITS, type SplitName } from '../core/upload/limits';
import { validateUpload, type UploadSample } from '../core/upload/validate';
import { clipWarning, greyImage, normaliseRawMap, IMAGE_SIDE } from '../core/upload/features';
import { MfccExtractor } from '../core/audio/mfcc';
import { DEMO_AUDIO_PARAMS, demoRawMap } from '../core/audio/demo-features';
import { decodeWav } from './wav';
import { listZip } from './upload-zip';

export interface DecodedImage {
  /** RGBA bytes, row-major. */
  rgba: ArrayLike<number>;
  width: number;
  height: number;
}
export type ImageDecoder = (bytes: Uint8Array, name: string) => Promise<DecodedImage>;

/** One split in the shape the search evaluator reads (values in [−1, 1], labels = class index). */
export interface UploadedSplit {
  count: number;
  images: Float32Array;
  audio: Float32Array;
  labels: Uint8Array;
  ids: string[];
}

export interface UploadedDataset {
  name: string;
  classes: string[];
  imageSize: number;
  audioSize: number;
  splits: Record<SplitName, UploadedSplit>;
  /** Samples per class and split. */
  counts: Record<SplitName, Record<string, number>>;
}

export interface UploadResult {
  dataset: UploadedDataset | null;
  errors: string[];
  warnings: string[];
}

export async function readUploadedDataset(bytes: Uint8Array, fileName: string, decodeImage: ImageDecoder, onProgress?: (done: number, total: number) => void): Promise<UploadResult> {
  const listed = listZip(bytes, fileName);
  if ('error' in listed) return { dataset: null, errors: [listed.error], warnings: [] };
  const check = validateUpload(listed.listing);
  if (!check.dataset) return { dataset: null, errors: check.errors, warnings: check.warnings };
  const { manifest, classes, samples, counts } = check.dataset;
  const image = manifest.modalities.find((m) => m.kind === 'image')!;
  const audio = manifest.modalities.find((m) => m.kind === 'audio')!;
  const wanted = new Set(samples.flatMap((s) => Object.values(s.files)));
  const files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });

  const errors: string[] = [];
  const warnings = [...check.warnings];
  const extractor = new MfccExtractor(DEMO_AUDIO_PARAMS);
  const images: Float32Array[] = [];
  const maps: Float32Array[] = [];
  for (const [i, s] of samples.entries()) {
    const imagePath = s.files[image.name];
    const audioPath = s.files[audio.name];
    try {
      const d = await decodeImage(files[imagePath], imagePath);
      images.push(greyImage(d.rgba, d.width, d.height));
    } catch (err) {
      errors.push(`${imagePath}: cannot be decoded as an image (${(err as Error).message}).`);
    }
    try {
      const w = decodeWav(files[audioPath], audioPath);
      const warn = clipWarning(w.samples, w.sampleRate, audioPath);
      if (warn) warnings.push(warn);
      maps.push(demoRawMap(w.samples, w.sampleRate, extractor));
    } catch (err) {
      errors.push((err as Error).message.endsWith('.') ? (err as Error).message : `${(err as Error).message}.`);
    }
    onProgress?.(i + 1, samples.length);
  }
  if (errors.length > 0) return { dataset: null, errors, warnings };

  const audioMaps = maps.map(normaliseRawMap);
  const pack = (split: SplitName): UploadedSplit => {
    const idx = samples.flatMap((s: UploadSample, i) => (s.split === split ? [i] : []));
    const img = new Float32Array(idx.length * IMAGE_SIDE * IMAGE_SIDE);
    const aud = new Float32Array(idx.length * DEMO_AUDIO_PARAMS.numCoefficients * DEMO_AUDIO_PARAMS.numFrames);
    idx.forEach((k, j) => {
      img.set(images[k], j * IMAGE_SIDE * IMAGE_SIDE);
      aud.set(audioMaps[k], j * audioMaps[k].length);
    });
    return { count: idx.length, images: img, audio: aud, labels: Uint8Array.from(idx, (k) => classes.indexOf(samples[k].label)), ids: idx.map((k) => samples[k].id) };
  };
  const splits = Object.fromEntries(SPLITS.map((s) => [s, pack(s)])) as Record<SplitName, UploadedSplit>;
  return { dataset: { name: manifest.name, classes, imageSize: IMAGE_SIDE, audioSize: DEMO_AUDIO_PARAMS.numCoefficients, splits, counts }, errors, warnings };
}
