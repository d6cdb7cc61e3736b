// The shipped-file paths: each one names a file or folder that is really in public/, the URL
// and disk forms are built from the same relative path, and the search worker's names agree.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ASSET_PATHS,
  DATASET_DIR,
  DATASET_MANIFEST_FILE,
  DEVICE_INDEX_FILE,
  DEVICE_TABLES_DIR,
  MODELS_DIR,
  PUBLIC_DIR,
  SUPERNET_DIRS,
  TRAINING_RECORD_FILE,
  pageUrl,
  publicPath,
  supernetDirName,
} from '../../src/data/asset-paths';
import { DEVICE_TABLES_URL } from '../../src/data/device-tables';
import { AVMNIST_URL } from '../../src/data/avmnist';

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

describe('asset paths', () => {
  it('name folders and files that exist in public/', () => {
    expect(PUBLIC_DIR).toBe('public');
    for (const dir of [DEVICE_TABLES_DIR, DATASET_DIR, MODELS_DIR, SUPERNET_DIRS.image, SUPERNET_DIRS.audio]) {
      expect(dir.endsWith('/')).toBe(true);
      expect(isDir(publicPath(dir)), dir).toBe(true);
    }
    expect(isFile(join(publicPath(DEVICE_TABLES_DIR), DEVICE_INDEX_FILE))).toBe(true);
    expect(isFile(join(publicPath(DATASET_DIR), DATASET_MANIFEST_FILE))).toBe(true);
    for (const m of ['image', 'audio'] as const) {
      expect(isFile(join(publicPath(SUPERNET_DIRS[m]), TRAINING_RECORD_FILE))).toBe(true);
      expect(isFile(join(publicPath(SUPERNET_DIRS[m]), 'supernet.json'))).toBe(true);
    }
  });

  it('give each modality its own supernet folder under MODELS_DIR', () => {
    expect(SUPERNET_DIRS).toEqual({ image: 'models/avmnist-image/', audio: 'models/avmnist-audio/' });
    expect(SUPERNET_DIRS.audio).toBe(`${MODELS_DIR}${supernetDirName('audio')}/`);
    // The trainers record the dataset the way the shipped records spell it.
    const record = JSON.parse(readFileSync(join(publicPath(SUPERNET_DIRS.image), TRAINING_RECORD_FILE), 'utf8'));
    expect(record.dataset.startsWith(`${publicPath(DATASET_DIR)} (`)).toBe(true);
  });

  it('form page URLs and repository paths from the same relative path', () => {
    expect(pageUrl(DEVICE_TABLES_DIR)).toBe('./luts/');
    expect(DEVICE_TABLES_URL).toBe('./luts/');
    expect(AVMNIST_URL).toBe('./data/avmnist/');
    expect(publicPath(DATASET_DIR)).toBe('public/data/avmnist');
    expect(publicPath()).toBe('public');
  });

  it('keep the names the search worker loads by', () => {
    expect(ASSET_PATHS).toEqual({ data: DATASET_DIR, image: SUPERNET_DIRS.image, audio: SUPERNET_DIRS.audio, luts: DEVICE_TABLES_DIR });
  });
});
