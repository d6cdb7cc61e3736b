// The uploaded dataset once its two supernets are trained, as kept in IndexedDB (the app's
// `uploads` store, next to the zip): the decoded splits, both trained supernets (tfjs weights
// format) and a small summary for the menus. Written by the main thread after training, read by
// the search worker when a search runs on the upload. Nothing of it leaves the browser.

import type { Modality } from '../core/types';
import type { SplitName } from '../core/upload/limits';
import type { TrainingBudget, TrainingMode } from '../core/upload/training-budget';
import { appDb, UPLOAD_STORE } from './app-db';

const RECORD_KEY = 'trained';
const SUMMARY_KEY = 'trained-summary';

export interface TrainedUploadSummary {
  /** The stored upload it was trained on. */
  fileName: string;
  savedAt: number;
  /** The dataset's own name (its manifest). */
  name: string;
  classes: string[];
  counts: Record<SplitName, number>;
  mode: TrainingMode;
  budget: TrainingBudget;
  trainedAt: number;
  /** Wall time of training both supernets (s). */
  seconds: number;
  backend: string;
  /** Validation accuracy (%) after the last epoch, BN recalibrated: the largest and the smallest subnet. */
  accuracy: Record<Modality, { largest: number; smallest: number | null }>;
}

export interface TrainedSplit {
  count: number;
  images: Float32Array;
  audio: Float32Array;
  labels: Uint8Array;
}

export interface TrainedUpload {
  summary: TrainedUploadSummary;
  imageSize: number;
  audioSize: number;
  splits: Record<SplitName, TrainedSplit>;
  /** Supernet manifest (checked by the reader) and its weights binary, per modality. */
  supernets: Record<Modality, { manifest: unknown; weights: ArrayBuffer }>;
}

export const NO_TRAINED_UPLOAD = 'No trained upload is kept in this browser: upload a dataset in the Data view and train its supernets first.';

export async function saveTrainedUpload(t: TrainedUpload): Promise<void> {
  const db = await appDb();
  const tx = db.transaction(UPLOAD_STORE, 'readwrite');
  try {
    await Promise.all([tx.store.put(t, RECORD_KEY), tx.store.put(t.summary, SUMMARY_KEY), tx.done]);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'QuotaExceededError') {
      throw new Error("This browser's storage for the app is full: the trained supernets cannot be kept, so the search cannot use them.");
    }
    throw err;
  }
}

export async function loadTrainedSummary(): Promise<TrainedUploadSummary | null> {
  const s = (await (await appDb()).get(UPLOAD_STORE, SUMMARY_KEY)) as TrainedUploadSummary | undefined;
  return s && typeof s.name === 'string' && Array.isArray(s.classes) ? s : null;
}

/** The whole record (splits and weights); throws NO_TRAINED_UPLOAD when there is none. */
export async function loadTrainedUpload(): Promise<TrainedUpload> {
  const t = (await (await appDb()).get(UPLOAD_STORE, RECORD_KEY)) as TrainedUpload | undefined;
  if (!t || !t.summary || !t.splits?.train || !t.supernets?.image || !t.supernets?.audio) throw new Error(NO_TRAINED_UPLOAD);
  return t;
}

export async function deleteTrainedUpload(): Promise<void> {
  const db = await appDb();
  const tx = db.transaction(UPLOAD_STORE, 'readwrite');
  await Promise.all([tx.store.delete(RECORD_KEY), tx.store.delete(SUMMARY_KEY), tx.done]);
}
