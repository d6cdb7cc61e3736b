// Random silence cropping (speaker augmentation of the audio training split, the
// speaker-independent audio issue): the map always spans the whole clip, so how much silence a
// speaker leaves around a digit decides where the digit lands in the 20 frames — FSDD's nicolas
// cuts his clips tight, jackson leaves pauses. Each copy keeps the speech span (./trim.ts) and a
// random share of the silence before and after it: copy j keeps a share of the leading silence
// drawn inside the j-th of K equal strata of [0, 1) (so every clip gets tight and loose copies),
// and an independent uniform share of the trailing silence. Training clips only; the copies are
// subarray views (no sample is changed). Pure TypeScript.

import { speechSpan, type TrimSettings } from './trim';
import { stratifiedCopies } from './stratified-factors';

/** Speech is what lies within 30 dB of the clip's loudest 10 ms frame, widened by 20 ms. */
export const CROP_SPEECH: Readonly<TrimSettings> = Object.freeze({ frameMs: 10, thresholdDb: -30, marginMs: 20 });

/** K cropped copies of a clip; `uniform` returns numbers in [0, 1) (a seeded Rng's next). */
export function silenceCrops(
  samples: Float32Array,
  sampleRate: number,
  copies: number,
  uniform: () => number,
  speech: Readonly<TrimSettings> = CROP_SPEECH,
): Float32Array[] {
  const [start, end] = speechSpan(samples, sampleRate, speech);
  return stratifiedCopies(copies, 'silence crop', uniform, 0, 1, (keepLead) => {
    const keepTrail = uniform();
    return samples.subarray(Math.round(start * (1 - keepLead)), Math.round(end + (samples.length - end) * keepTrail));
  });
}
