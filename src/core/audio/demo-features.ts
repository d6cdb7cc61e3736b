// Any recording through the demo set's audio pipeline, as the shipped audio supernet expects its
// input: resampled to 8 kHz, the 20×20 MFCC map, normalised with the demo training split's
// per-coefficient statistics (manifest `normalisation.audio`), quantised to a byte as audio.bin
// stores it, and decoded to [−1, 1] as the loader does. Also the FSDD file-name convention
// `<digit>_<speaker>_<take>.wav` that names each clip's label and speaker.

import { AVMNIST_MFCC, MfccExtractor } from './mfcc';
import { mfccToUnit, type CoefficientStats } from './normalise';
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

/** A raw MFCC map (8 kHz) as audio.bin stores it: normalised, one byte per value, q = round(255 · u). */
export function mfccToDemoBytes(raw: ArrayLike<number>, stats: CoefficientStats, clipSigma: number): Uint8Array {
  return Uint8Array.from(mfccToUnit(raw, stats, AVMNIST_MFCC.numFrames, clipSigma), (u) => Math.round(255 * Math.min(1, Math.max(0, u))));
}

/** Stored bytes decoded to the supernet's input, as the dataset loader does: (q / 255 − 0.5) / 0.5. */
export const decodeDemoBytes = (q: Uint8Array): Float32Array => Float32Array.from(q, (v) => (v / 255 - 0.5) / 0.5);

/** The clip's map as audio.bin stores it (mono samples at any rate). */
export function demoAudioBytes(samples: Float32Array, sampleRate: number, stats: CoefficientStats, clipSigma: number, extractor = new MfccExtractor(AVMNIST_MFCC)): Uint8Array {
  const at8k = resample(samples, sampleRate, AVMNIST_MFCC.sampleRate);
  return mfccToDemoBytes(extractor.compute(at8k, AVMNIST_MFCC.sampleRate), stats, clipSigma);
}

/** The demo pipeline's input map for one clip (mono samples at any rate), values in [−1, 1] as the loader decodes them. */
export function demoAudioFeatures(samples: Float32Array, sampleRate: number, stats: CoefficientStats, clipSigma: number, extractor?: MfccExtractor): Float32Array {
  return decodeDemoBytes(demoAudioBytes(samples, sampleRate, stats, clipSigma, extractor));
}
