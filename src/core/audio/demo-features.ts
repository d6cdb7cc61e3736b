// Any recording through the demo set's audio pipeline, as the shipped audio supernet expects its
// input: resampled to 8 kHz, the 20×20 MFCC map, per-utterance cepstral mean and variance
// normalisation (./cmvn.ts: the clip's own statistics, nothing from a training split — the
// speaker-independent audio issue's measured winner), quantised to a byte as audio.bin stores it,
// and decoded to [−1, 1] as the loader does. Also the FSDD file-name convention
// `<digit>_<speaker>_<take>.wav` that names each clip's label and speaker.

import { AVMNIST_MFCC, MfccExtractor } from './mfcc';
import { cmvn } from './cmvn';
import { resample } from './resample';

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

/** A raw MFCC map (8 kHz) as audio.bin stores it: per-utterance CMVN in [−1, 1], u = 0.5 + x / 2, q = round(255 · u). */
export function mfccToDemoBytes(raw: ArrayLike<number>): Uint8Array {
  const { numCoefficients: C, numFrames: F } = AVMNIST_MFCC;
  // u rounded to float32 before quantising, as the unseen-speaker set was first built (byte-identical)
  return unitToDemoBytes(Float32Array.from(cmvn(raw, C, F), (x) => x * 0.5 + 0.5));
}

/** Stored bytes decoded to the supernet's input, as the dataset loader does: (q / 255 − 0.5) / 0.5. */
export const decodeDemoBytes = (q: Uint8Array): Float32Array => Float32Array.from(q, (v) => (v / 255 - 0.5) / 0.5);

/** The clip's map as audio.bin stores it (mono samples at any rate). */
export function demoAudioBytes(samples: Float32Array, sampleRate: number, extractor = new MfccExtractor(AVMNIST_MFCC)): Uint8Array {
  const at8k = resample(samples, sampleRate, AVMNIST_MFCC.sampleRate);
  return mfccToDemoBytes(extractor.compute(at8k, AVMNIST_MFCC.sampleRate));
}

/** The demo pipeline's input map for one clip (mono samples at any rate), values in [−1, 1] as the loader decodes them. */
export function demoAudioFeatures(samples: Float32Array, sampleRate: number, extractor?: MfccExtractor): Float32Array {
  return decodeDemoBytes(demoAudioBytes(samples, sampleRate, extractor));
}
