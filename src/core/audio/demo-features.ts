// Any recording through the demo set's audio pipeline, as the shipped audio supernets expect their
// input: resampled to 8 kHz, the 20×20 log-mel map (./log-mel.ts: AV-MNIST's framing, 20 mel bands)
// with every filter energy floored DEMO_TOP_DB under the clip's largest (./mfcc.ts topDb), per-band
// mean normalisation over the clip (./cmn.ts: the clip's own statistics, nothing from a training
// split), quantised to a byte as audio.bin stores it, and decoded to [−1, 1] as the loader does.
// This front end replaced the paper's MFCC map for the speaker-independent audio issue: with noisy
// training copies it was the best measured on voices training never heard (notes/runs/).
// Also the FSDD file-name convention `<digit>_<speaker>_<take>.wav` that names each clip's label
// and speaker.

import { MfccExtractor, type MfccParams } from './mfcc';
import { AVMNIST_LOG_MEL, logMelMap } from './log-mel';
import { CMN_METHOD, CMN_SCALE_NATS, cmn } from './cmn';
import { resample } from './resample';
import type { FrontEnd } from './vtlp-copies';

/** Filter energies more than this far (dB) under the clip's largest are raised to that level before the log. */
export const DEMO_TOP_DB = 35;

/** The demo pipeline's extractor parameters: 20 log-mel bands × 20 frames at 8 kHz, DEMO_TOP_DB of dynamic range. */
export const DEMO_AUDIO_PARAMS: Readonly<MfccParams> = Object.freeze({ ...AVMNIST_LOG_MEL, topDb: DEMO_TOP_DB });

/** The demo pipeline's raw map for a clip at 8 kHz (an extractor of DEMO_AUDIO_PARAMS, VTLP-warped or not). */
export const DEMO_FRONT_END: FrontEnd = { params: DEMO_AUDIO_PARAMS, rawMap: (s, ex) => logMelMap(ex, s, DEMO_AUDIO_PARAMS.sampleRate) };

/** The demo audio's normalisation in words, as the dataset manifests state it. */
export const DEMO_AUDIO_METHOD = `log-mel energies floored ${DEMO_TOP_DB} dB under the clip's largest filter energy; ${CMN_METHOD}`;
export const DEMO_AUDIO_SCALE_NATS = CMN_SCALE_NATS;

export interface FsddName {
  digit: number;
  speaker: string;
  take: number;
}

const FSDD_NAME = /^([0-9])_([A-Za-z0-9-]+)_([0-9]+)\.wav$/i;

/** The label, speaker and take a file name gives, or null when it does not follow the convention. */
export function parseFsddName(fileName: string): FsddName | null {
  const m = FSDD_NAME.exec(fileName);
  return m ? { digit: Number(m[1]), speaker: m[2].toLowerCase(), take: Number(m[3]) } : null;
}

/** Values in [0, 1] (clamped) as the datasets store them: q = round(255 · u). */
export const unitToDemoBytes = (unit: ArrayLike<number>): Uint8Array => Uint8Array.from(unit, (u) => Math.round(255 * Math.min(1, Math.max(0, u))));

/** A raw demo map (DEMO_FRONT_END at 8 kHz) as audio.bin stores it: per-band mean normalisation in [−1, 1], u = 0.5 + x / 2, q = round(255 · u). */
export function rawMapToDemoBytes(raw: ArrayLike<number>): Uint8Array {
  const { numCoefficients: C, numFrames: F } = DEMO_AUDIO_PARAMS;
  return unitToDemoBytes(Float32Array.from(cmn(raw, C, F), (x) => x * 0.5 + 0.5));
}

/** Stored bytes decoded to the supernet's input, as the dataset loader does: (q / 255 − 0.5) / 0.5. */
export const decodeDemoBytes = (q: Uint8Array): Float32Array => Float32Array.from(q, (v) => (v / 255 - 0.5) / 0.5);

/** The raw (not yet normalised) demo map of a clip at any sample rate. */
export function demoRawMap(samples: Float32Array, sampleRate: number, extractor = new MfccExtractor(DEMO_AUDIO_PARAMS)): Float32Array {
  return DEMO_FRONT_END.rawMap(resample(samples, sampleRate, DEMO_AUDIO_PARAMS.sampleRate), extractor);
}

/** The clip's map as audio.bin stores it (mono samples at any rate). */
export function demoAudioBytes(samples: Float32Array, sampleRate: number, extractor?: MfccExtractor): Uint8Array {
  return rawMapToDemoBytes(demoRawMap(samples, sampleRate, extractor));
}

/** The demo pipeline's input map for one clip (mono samples at any rate), values in [−1, 1] as the loader decodes them. */
export function demoAudioFeatures(samples: Float32Array, sampleRate: number, extractor?: MfccExtractor): Float32Array {
  return decodeDemoBytes(demoAudioBytes(samples, sampleRate, extractor));
}
