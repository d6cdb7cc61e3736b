// The uploaded dataset as Svelte 5 state: reading a zip (validation, decoding, progress), every
// problem as its own message, the dataset kept in IndexedDB across reloads, and delete. A bad
// upload changes nothing: the dataset read before stays, in memory and in storage.

import { readUploadedDataset, type ImageDecoder, type UploadedDataset } from '../data/upload-dataset';
import { deleteUpload, loadUpload, saveUpload, type StoredUpload } from './uploads';
import { zipFolder, type FolderFile } from '../data/upload-folder';

export interface UploadStore {
  save(u: StoredUpload): Promise<void>;
  load(): Promise<StoredUpload | null>;
  remove(): Promise<void>;
}

const idbStore: UploadStore = { save: saveUpload, load: loadUpload, remove: deleteUpload };

export class UploadState {
  private reading = $state(false);
  progress = $state<{ done: number; total: number } | null>(null);
  /** Problems of the last upload (the dataset before it, if any, is unchanged). */
  errors = $state.raw<string[]>([]);
  warnings = $state.raw<string[]>([]);
  dataset = $state.raw<UploadedDataset | null>(null);
  fileName = $state<string | null>(null);
  /** When the loaded dataset was stored (identifies it for its trained supernets). */
  savedAt = $state<number | null>(null);
  /** 'ready' whenever a dataset is loaded (a failed upload leaves the one before). */
  status = $derived<'idle' | 'reading' | 'ready'>(this.reading ? 'reading' : this.dataset ? 'ready' : 'idle');
  /** A storage problem, in words. */
  storageMessage = $state<string | null>(null);

  constructor(
    private readonly decode: ImageDecoder,
    private readonly store: UploadStore = idbStore,
    /** Called when the dataset is replaced by another upload or deleted (its training is stale). */
    private readonly onReplaced: () => void | Promise<void> = () => {},
  ) {}

  /** Reads the dataset kept from an earlier visit, if any. */
  async restore(): Promise<void> {
    let kept: StoredUpload | null = null;
    try {
      kept = await this.store.load();
    } catch {
      return; // no IndexedDB (private mode): nothing kept
    }
    if (kept) await this.readBytes(kept.bytes, kept.fileName, false, kept.savedAt);
  }

  async read(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> {
    await this.readBytes(new Uint8Array(await file.arrayBuffer()), file.name, true, Date.now());
  }

  /** A dataset folder (picked or dropped): packed into a zip, then read as one. */
  async readFolder(files: readonly FolderFile[], folderName?: string): Promise<void> {
    this.reading = true;
    this.errors = [];
    const packed = await zipFolder(files, folderName);
    this.reading = false;
    if ('error' in packed) {
      this.errors = [packed.error];
      this.warnings = [];
      return;
    }
    await this.readBytes(packed.bytes, `${packed.name}/`, true, Date.now());
  }

  private async readBytes(bytes: Uint8Array, fileName: string, keep: boolean, savedAt: number): Promise<void> {
    this.reading = true;
    this.progress = null;
    this.errors = [];
    this.warnings = [];
    try {
      const r = await readUploadedDataset(bytes, fileName, this.decode, (done, total) => (this.progress = { done, total }));
      this.errors = r.errors;
      this.warnings = r.warnings;
      if (!r.dataset) return;
      this.dataset = r.dataset;
      this.fileName = fileName;
      this.savedAt = savedAt;
      if (keep) {
        await this.onReplaced();
        try {
          await this.store.save({ fileName, savedAt, bytes });
          this.storageMessage = null;
        } catch (err) {
          this.storageMessage = (err as Error).message;
        }
      }
    } catch (err) {
      this.errors = [`${fileName} could not be read: ${(err as Error).message}`];
    } finally {
      this.progress = null;
      this.reading = false;
    }
  }

  async remove(): Promise<void> {
    this.dataset = null;
    this.fileName = null;
    this.savedAt = null;
    await this.onReplaced();
    this.errors = [];
    this.warnings = [];
    try {
      await this.store.remove();
    } catch (err) {
      this.storageMessage = `Could not delete the kept dataset: ${(err as Error).message}`;
    }
  }
}
