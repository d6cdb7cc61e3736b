// Loads what the app shows about where its pretrained supernets come from: each modality's
// training record (training.json next to the weights), validated by the core parser, and the
// split sizes of the dataset they were trained on, read from the dataset's manifest. Pure async
// functions over a base URL and a fetch function; no DOM, no tfjs.

import { parseTrainingRecord, type SplitSizes, type TrainingRecord } from '../core/training-record';
import type { Modality } from '../core/types';
import { DATASET_DIR, SPEAKER_HELD_OUT_FILE, UNHEARD_VOICES_FILE, SUPERNET_DIRS, TRAINING_RECORD_FILE, UNSEEN_SPEAKER_AUDIO_DIR } from './asset-paths';
import { parseSpeakerHeldOut, type SpeakerHeldOutRecord } from '../core/speaker-held-out';
import { parseUnheardVoices, type UnheardVoicesRecord } from '../core/unheard-voices';
import { joinUrl, loadAvmnistManifest } from './avmnist';
import { fetchJson } from './fetch-json';

/** The page's own base URL, under which the paths of ./asset-paths lie. */
export const APP_BASE_URL = './';

/** URL of a modality's training record under `baseUrl` (the demo supernet's, or the one in `dir`). */
export function trainingRecordUrl(modality: Modality, baseUrl = APP_BASE_URL, dir = SUPERNET_DIRS[modality]): string {
  return joinUrl(baseUrl, dir + TRAINING_RECORD_FILE);
}

/**
 * The training record of `modality`'s shipped supernet. Rejects with an Error naming the URL
 * when it cannot be fetched (e.g. "HTTP 404") or is not JSON, and naming the field when the
 * record is malformed.
 */
export async function loadTrainingRecord(
  modality: Modality,
  baseUrl = APP_BASE_URL,
  fetchFn: typeof fetch = fetch,
  dir = SUPERNET_DIRS[modality],
): Promise<TrainingRecord> {
  const url = trainingRecordUrl(modality, baseUrl, dir);
  const record = parseTrainingRecord(await fetchJson(url, fetchFn), url);
  if (record.modality !== modality) throw new Error(`${url} is the record of the ${record.modality} supernet, not the ${modality} one`);
  return record;
}

/** Train / val / test sample counts of the dataset under `baseUrl`, from its manifest. */
export async function loadSplitSizes(baseUrl = APP_BASE_URL, fetchFn: typeof fetch = fetch): Promise<SplitSizes> {
  const { splits } = await loadAvmnistManifest(joinUrl(baseUrl, DATASET_DIR), fetchFn);
  return { train: splits.train, val: splits.val, test: splits.test };
}

/** Outcome of one load: the value, or the error's message. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; error: string };

async function settle<T>(p: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await p };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export interface SupernetProvenance {
  records: Record<Modality, Loaded<TrainingRecord>>;
  splits: Loaded<SplitSizes>;
  /** The audio supernet of the unseen-speaker set (trained on its two training speakers). */
  unseenAudio: Loaded<TrainingRecord>;
}

/**
 * Both training records and the split sizes, fetched in parallel; each one that fails is
 * reported by its message, so that one missing file does not hide the others.
 */
export async function loadSupernetProvenance(baseUrl = APP_BASE_URL, fetchFn: typeof fetch = fetch): Promise<SupernetProvenance> {
  const [image, audio, splits, unseenAudio] = await Promise.all([
    settle(loadTrainingRecord('image', baseUrl, fetchFn)),
    settle(loadTrainingRecord('audio', baseUrl, fetchFn)),
    settle(loadSplitSizes(baseUrl, fetchFn)),
    settle(loadTrainingRecord('audio', baseUrl, fetchFn, UNSEEN_SPEAKER_AUDIO_DIR)),
  ]);
  return { records: { image, audio }, splits, unseenAudio };
}

/** The audio supernet's leave-one-speaker-out record (how it does on a voice it never heard). */
export async function loadSpeakerHeldOut(baseUrl = APP_BASE_URL, fetchFn: typeof fetch = fetch): Promise<SpeakerHeldOutRecord> {
  const url = joinUrl(baseUrl, SUPERNET_DIRS.audio + SPEAKER_HELD_OUT_FILE);
  return parseSpeakerHeldOut(await fetchJson(url, fetchFn), url);
}

/** The demo audio supernet's scores on voices it never heard; rejects naming the URL when missing or malformed. */
export async function loadUnheardVoices(baseUrl = APP_BASE_URL, fetchFn: typeof fetch = fetch): Promise<UnheardVoicesRecord> {
  const url = joinUrl(baseUrl, SUPERNET_DIRS.audio + UNHEARD_VOICES_FILE);
  return parseUnheardVoices(await fetchJson(url, fetchFn), url);
}
