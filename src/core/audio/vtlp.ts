// Vocal-tract-length perturbation (VTLP) of the MFCC front end, a training-data augmentation of the
// speaker-independent audio issue: a longer or shorter vocal tract scales a voice's formants, so a
// training clip is re-featurised with its spectrum's frequency axis warped by a factor α, as if a
// speaker with another vocal-tract length had said it. Pure TypeScript (no DOM, no tfjs).
//
// The warp (piecewise linear, after Jaitly & Hinton 2013) maps a frequency f of the power spectrum
// to f' before the mel filter bank reads it:
//   f' = α·f                                           for f ≤ b = boundary·min(α, 1)/α,
//   f' = N − (N − boundary·min(α, 1))·(N − f)/(N − b)   above it (up to N = Nyquist),
// so 0 and the Nyquist frequency map to themselves, the warp is continuous and strictly increasing,
// and α = 1 is the identity. Convention: α > 1 moves energy UP — a tone at f lands in the mel
// filter around α·f (a shorter vocal tract, higher formants); α < 1 moves it down.
// Implementation: the triangular filters of ./mel.ts are evaluated at the warped frequency of each
// FFT bin (the filter bank is warped; the clip is not resampled). α = 1 gives the unwarped filter
// bank itself, so the unwarped MFCC map exactly. Used by scripts/loso-audio.ts (`--vtlp K`) to
// precompute K warped copies of every training clip; validation and test clips are never warped.

import { hzToMel, melFilterBank, melToHz, type MelFilterBank } from './mel';
import { AVMNIST_MFCC, MfccExtractor, type MfccParams } from './mfcc';
import { stratifiedFactors } from './stratified-factors';

/** Default boundary as a fraction of the Nyquist frequency (3.2 kHz at 8 kHz sampling). */
export const VTLP_BOUNDARY_FRACTION = 0.8;
/** Default warp factors are drawn from [1 − VTLP_RANGE, 1 + VTLP_RANGE]. */
export const VTLP_RANGE = 0.15;

/** The warped frequency (Hz) of `hz` for warp factor `alpha`; `nyquistHz` and 0 are fixed points. */
export function vtlpWarpHz(hz: number, alpha: number, nyquistHz: number, boundaryHz = VTLP_BOUNDARY_FRACTION * nyquistHz): number {
  if (!(alpha > 0)) throw new Error(`VTLP: warp factor must be positive, got ${alpha}`);
  if (!(boundaryHz > 0 && boundaryHz < nyquistHz)) throw new Error(`VTLP: boundary ${boundaryHz} Hz must lie inside (0, ${nyquistHz}) Hz`);
  if (alpha === 1) return hz;
  const b = (boundaryHz * Math.min(alpha, 1)) / alpha;
  if (hz <= b) return alpha * hz;
  const top = boundaryHz * Math.min(alpha, 1); // = α·b, where the upper segment starts
  return nyquistHz - ((nyquistHz - top) * (nyquistHz - hz)) / (nyquistHz - b);
}

/**
 * The mel filter bank of ./mel.ts read through the warp: filter m's gain on FFT bin k is its
 * triangle evaluated at vtlpWarpHz(k · sampleRate / fftSize). α = 1 returns melFilterBank's own.
 */
export function warpedMelFilterBank(
  count: number,
  fftSize: number,
  sampleRate: number,
  fMinHz: number,
  fMaxHz: number,
  alpha: number,
  boundaryHz = VTLP_BOUNDARY_FRACTION * (sampleRate / 2),
): MelFilterBank {
  const plain = melFilterBank(count, fftSize, sampleRate, fMinHz, fMaxHz);
  if (alpha === 1) return plain;
  const nyquist = sampleRate / 2;
  const melLo = hzToMel(fMinHz);
  const melHi = hzToMel(fMaxHz);
  const edgesHz: number[] = [];
  for (let i = 0; i < count + 2; i++) edgesHz.push(melToHz(melLo + ((melHi - melLo) * i) / (count + 1)));
  const bins = fftSize / 2 + 1;
  const warped = Float64Array.from({ length: bins }, (_, k) => vtlpWarpHz((k * sampleRate) / fftSize, alpha, nyquist, boundaryHz));
  const weights: Float64Array[] = [];
  for (let m = 0; m < count; m++) {
    const lo = edgesHz[m];
    const mid = edgesHz[m + 1];
    const hi = edgesHz[m + 2];
    const w = new Float64Array(bins);
    for (let k = 0; k < bins; k++) {
      const f = warped[k];
      if (f > lo && f <= mid) w[k] = (f - lo) / (mid - lo);
      else if (f > mid && f < hi) w[k] = (hi - f) / (hi - mid);
    }
    weights.push(w);
  }
  return { centresHz: plain.centresHz, weights };
}

/** An MFCC extractor whose filter bank is warped by α (same parameters and pipeline otherwise). */
export class VtlpMfccExtractor extends MfccExtractor {
  readonly alpha: number;

  constructor(alpha: number, params: Readonly<MfccParams> = AVMNIST_MFCC, boundaryHz = VTLP_BOUNDARY_FRACTION * (params.sampleRate / 2)) {
    super(params);
    this.alpha = alpha;
    // MfccExtractor reads `bank` in melEnergies; replace it by the warped one.
    (this as { bank: MelFilterBank }).bank = warpedMelFilterBank(params.melFilters, params.fftSize, params.sampleRate, params.fMinHz, params.fMaxHz, alpha, boundaryHz);
  }
}

/** K warp factors for one clip's copies, stratified over [1 − range, 1 + range] (./stratified-factors.ts). */
export function vtlpFactors(k: number, uniform: () => number, range = VTLP_RANGE): number[] {
  return stratifiedFactors(k, uniform, range, 'VTLP');
}
