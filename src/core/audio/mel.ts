// Mel scale and triangular mel filter bank for the audio front end (MFCC features of the
// audio modality). HTK mel formula: mel(f) = 2595 · log10(1 + f / 700), f in Hz.

export function hzToMel(hz: number): number {
  return 2595 * Math.log10(1 + hz / 700);
}

export function melToHz(mel: number): number {
  return 700 * (10 ** (mel / 2595) - 1);
}

export interface MelFilterBank {
  /** Centre frequency of each filter (Hz), ascending. */
  centresHz: Float64Array;
  /** weights[m] has fftSize/2 + 1 entries: filter m's gain on each FFT bin. */
  weights: Float64Array[];
}

/**
 * `count` triangular filters with centres equally spaced on the mel scale between fMinHz and
 * fMaxHz; filter m rises from edge m to its peak (gain 1) at centre m+1 and falls to edge m+2.
 * Bin k sits at k · sampleRate / fftSize Hz. No area normalisation (peak gain 1).
 */
export function melFilterBank(
  count: number,
  fftSize: number,
  sampleRate: number,
  fMinHz: number,
  fMaxHz: number,
): MelFilterBank {
  if (!(count >= 1) || !(fMinHz >= 0) || !(fMaxHz > fMinHz) || fMaxHz > sampleRate / 2) {
    throw new Error(`melFilterBank: bad range ${fMinHz}–${fMaxHz} Hz for ${count} filters at ${sampleRate} Hz`);
  }
  const bins = fftSize / 2 + 1;
  const melLo = hzToMel(fMinHz);
  const melHi = hzToMel(fMaxHz);
  const edgesHz: number[] = [];
  for (let i = 0; i < count + 2; i++) edgesHz.push(melToHz(melLo + ((melHi - melLo) * i) / (count + 1)));
  const weights: Float64Array[] = [];
  const centresHz = new Float64Array(count);
  for (let m = 0; m < count; m++) {
    const lo = edgesHz[m];
    const mid = edgesHz[m + 1];
    const hi = edgesHz[m + 2];
    centresHz[m] = mid;
    const w = new Float64Array(bins);
    for (let k = 0; k < bins; k++) {
      const f = (k * sampleRate) / fftSize;
      if (f > lo && f <= mid) w[k] = (f - lo) / (mid - lo);
      else if (f > mid && f < hi) w[k] = (hi - f) / (hi - mid);
    }
    weights.push(w);
  }
  return { centresHz, weights };
}

/** Applies the filter bank to a power spectrum: one energy per filter. */
export function applyFilterBank(bank: MelFilterBank, power: ArrayLike<number>): Float64Array {
  const out = new Float64Array(bank.weights.length);
  for (let m = 0; m < bank.weights.length; m++) {
    const w = bank.weights[m];
    let s = 0;
    for (let k = 0; k < w.length; k++) if (w[k] !== 0) s += w[k] * power[k];
    out[m] = s;
  }
  return out;
}
