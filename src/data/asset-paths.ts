// Where the files the app ships live. Every path here is relative to the app's base URL, which
// is the repository's public/ folder (Vite serves and copies public/ as the site root). The
// browser loaders join these paths to a base URL; the Node scripts join them to public/ on disk.
// Nothing else in src/, workers/ or scripts/ spells these folder or file names out.

import type { Modality } from '../core/types';

/** The repository folder that becomes the site root. */
export const PUBLIC_DIR = 'public';

/** Device cost tables: the index of devices plus one `<device>.json` per board. */
export const DEVICE_TABLES_DIR = 'luts/';
/** The list of devices inside DEVICE_TABLES_DIR. */
export const DEVICE_INDEX_FILE = 'index.json';

/** The demo dataset AV-MNIST: its manifest, the three binaries and the clips/ folder. */
export const DATASET_DIR = 'data/avmnist/';
/**
 * The second demo dataset, "AV-MNIST, unseen speaker" (same images; test audio from a voice the
 * training never heard), and the audio supernet trained on its two training speakers; its image
 * supernet is the demo one.
 */
export const UNSEEN_SPEAKER_DATASET_DIR = 'data/avmnist-unseen/';
export const UNSEEN_SPEAKER_AUDIO_DIR = 'models/avmnist-unseen-audio/';
/** The dataset's manifest inside DATASET_DIR. */
export const DATASET_MANIFEST_FILE = 'manifest.json';

/** Folder holding one sub-folder per modality's pretrained supernet. */
export const MODELS_DIR = 'models/';

/** Name of a modality's supernet folder inside MODELS_DIR, e.g. `avmnist-image`. */
export function supernetDirName(modality: Modality): string {
  return `avmnist-${modality}`;
}

/** Each modality's supernet folder (supernet.json, supernet.bin and the training record). */
export const SUPERNET_DIRS: Readonly<Record<Modality, string>> = Object.freeze({
  image: `${MODELS_DIR}${supernetDirName('image')}/`,
  audio: `${MODELS_DIR}${supernetDirName('audio')}/`,
});

/** The training record written next to each supernet's weights. */
export const TRAINING_RECORD_FILE = 'training.json';
/** The audio supernet's leave-one-speaker-out record, beside its training record. */
export const SPEAKER_HELD_OUT_FILE = 'leave-one-speaker-out.json';
/** The audio supernet's scores on voices it never heard (eval-subnet --wav-dir --record), beside its training record. */
export const UNHEARD_VOICES_FILE = 'unheard-voices.json';

/** Recorded real runs (event streams, one JSON event per line) that the page can replay. */
export const RECORDINGS_DIR = 'recordings/';
/** What a first visit (no settings in the URL) replays: the demo preset, seed 1, Jetson TX2, with its random-search baseline. */
export const FIRST_VISIT_RECORDING = `${RECORDINGS_DIR}demo-seed1-tx2.jsonl`;

/**
 * The folders above, by the names the search worker has always used for them
 * (data, image, audio, luts), for code that loads everything a run needs.
 */
export const ASSET_PATHS = Object.freeze({
  data: DATASET_DIR,
  image: SUPERNET_DIRS.image,
  audio: SUPERNET_DIRS.audio,
  luts: DEVICE_TABLES_DIR,
});

/** The page's folder as an absolute URL (what a worker, which has its own base URL, resolves against). */
export function pageFolderUrl(): string {
  const doc = (globalThis as { document?: { baseURI: string } }).document;
  const href = doc ? doc.baseURI : String((globalThis as { location?: unknown }).location ?? '/');
  return new URL('./', href.split('#')[0]).href;
}

/** `path` under the page's own base URL, e.g. './luts/', as the app fetches it. */
export function pageUrl(path: string): string {
  return `./${path}`;
}

/**
 * `path` as a repository-relative file path without a trailing '/', e.g. 'public/luts', for the
 * Node scripts (join it to the repository root) and for the records they write.
 */
export function publicPath(path = ''): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? PUBLIC_DIR : `${PUBLIC_DIR}/${trimmed}`;
}

/** The upload example (a dataset zip in the upload format, built by scripts/build-example-zip.ts). */
export const EXAMPLE_UPLOAD_ZIP = 'examples/avmnist-example.zip';
