// Coda-cut copies (speaker augmentation of the audio training split, the speaker-independent audio
// issue): FSDD's nicolas stops recording as his vowel ends — his "six" lasts 0.27 s on average
// (theo 0.45, jackson 0.71) and keeps "s" and "i" but not the "ks" — and every model trained on the
// other voices reads it as "eight". Each copy keeps the clip from its start to a point inside the
// speech span (./trim.ts, CROP_SPEECH): a share of the span drawn inside the j-th of K equal strata
// of the range, so the copies lose more or less of the word's end. Training clips only; the copies
// are subarray views. Pure TypeScript.

import { speechSpan } from './trim';
import { CROP_SPEECH } from './silence-crop';
import { stratifiedCopies } from './stratified-factors';

/** Share of the speech span a copy keeps (0–1). */
export interface CodaCutRange {
  minKept: number;
  maxKept: number;
}

export const CODA_CUT: Readonly<CodaCutRange> = Object.freeze({ minKept: 0.5, maxKept: 0.9 });

/** K copies of a clip cut inside its speech span; `uniform` returns numbers in [0, 1) (a seeded Rng's next). */
export function codaCuts(
  samples: Float32Array,
  sampleRate: number,
  copies: number,
  uniform: () => number,
  range: Readonly<CodaCutRange> = CODA_CUT,
): Float32Array[] {
  if (!(range.minKept > 0 && range.maxKept <= 1 && range.minKept <= range.maxKept)) throw new Error('coda cut: need 0 < min ≤ max ≤ 1');
  const [start, end] = speechSpan(samples, sampleRate, CROP_SPEECH);
  return stratifiedCopies(copies, 'coda cut', uniform, range.minKept, range.maxKept, (kept) =>
    samples.subarray(0, Math.max(1, Math.round(start + kept * (end - start)))),
  );
}
