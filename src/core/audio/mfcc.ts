// MFCC front end of the audio modality (Harmonic-NAS AV-MNIST: "audio becomes a 20×20 MFCC map,
// 20 coefficients × 20 frames"). Pure TypeScript — used by scripts/build-avmnist.ts at build time
// and reusable in the browser for a user's uploaded clips.
//
// Pipeline (parameters in AVMNIST_MFCC, all recorded in the dataset manifest):
// 1. samples as floats in [-1, 1) at 8 kHz (FSDD's rate; other rates are rejected, not resampled);
// 2. pre-emphasis y[t] = x[t] − 0.97·x[t−1];
// 3. fitting to exactly 20 frames: the whole clip (whatever its length, FSDD is 0.1–1.3 s) is cut
//    into 20 equal segments; each segment's spectrum is the mean power spectrum of K Hann windows
//    of 256 samples (32 ms) whose centres are evenly spread over the segment,
//    K = max(1, ceil(segment length / subHop)), subHop = 64 samples (8 ms). Samples outside the clip
//    are zero. So the utterance always spans the 20 frames, at any duration;
// 4. power spectrum by a 256-point FFT (129 bins, 31.25 Hz apart);
// 5. 40 triangular mel filters (HTK mel scale), 20 Hz – 4 kHz, peak gain 1;
// 6. natural log of each filter energy, floored at 1e-10;
// 7. DCT-II (orthonormal) over the 40 log energies, keeping coefficients 0..19 (c0 included).
// Output layout: row-major [coefficient][frame], i.e. shape [20, 20, 1] with coefficients on the
// first (height) axis and time on the second (width) axis.
// Dataset-level normalisation (per coefficient, from training statistics) is in ./normalise.ts.

import { isPowerOfTwo, powerSpectrum } from './fft';
import { applyFilterBank, melFilterBank, type MelFilterBank } from './mel';

export interface MfccParams {
  /** Sample rate the clip must have (Hz). */
  sampleRate: number;
  /** Pre-emphasis coefficient (0 = off). */
  preEmphasis: number;
  /** Hann window length (samples). */
  windowLength: number;
  /** Spacing of the windows averaged inside one frame segment (samples). */
  subHop: number;
  /** FFT size (power of two, ≥ windowLength). */
  fftSize: number;
  melFilters: number;
  fMinHz: number;
  fMaxHz: number;
  /** Floor applied to a filter energy before the log. */
  logFloor: number;
  /**
   * Dynamic range kept (dB; absent: all): filter energies more than this far under the clip's
   * largest filter energy are raised to that level before the log, so a recording's silence looks
   * the same whether its noise floor sits 20 or 50 dB under the speech.
   */
  topDb?: number;
  /** Number of DCT coefficients kept (starting at c0). */
  numCoefficients: number;
  /** Number of frames the clip is fitted to. */
  numFrames: number;
}

export const AVMNIST_MFCC: Readonly<MfccParams> = Object.freeze({
  sampleRate: 8000,
  preEmphasis: 0.97,
  windowLength: 256,
  subHop: 64,
  fftSize: 256,
  melFilters: 40,
  fMinHz: 20,
  fMaxHz: 4000,
  logFloor: 1e-10,
  numCoefficients: 20,
  numFrames: 20,
});

/** Precomputed tables for one parameter set (reuse across clips). */
export class MfccExtractor {
  readonly params: Readonly<MfccParams>;
  readonly bank: MelFilterBank;
  private readonly window: Float64Array;
  private readonly dct: Float64Array[];

  constructor(params: Readonly<MfccParams> = AVMNIST_MFCC) {
    if (!isPowerOfTwo(params.fftSize) || params.fftSize < params.windowLength) {
      throw new Error(`MFCC: FFT size ${params.fftSize} must be a power of two ≥ window ${params.windowLength}`);
    }
    if (params.numCoefficients > params.melFilters) {
      throw new Error(`MFCC: ${params.numCoefficients} coefficients need at least as many mel filters`);
    }
    this.params = params;
    this.bank = melFilterBank(params.melFilters, params.fftSize, params.sampleRate, params.fMinHz, params.fMaxHz);
    const w = params.windowLength;
    this.window = new Float64Array(w);
    // Periodic Hann window.
    for (let i = 0; i < w; i++) this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / w);
    const m = params.melFilters;
    this.dct = [];
    for (let k = 0; k < params.numCoefficients; k++) {
      const row = new Float64Array(m);
      const scale = k === 0 ? Math.sqrt(1 / m) : Math.sqrt(2 / m);
      for (let j = 0; j < m; j++) row[j] = scale * Math.cos((Math.PI * k * (j + 0.5)) / m);
      this.dct.push(row);
    }
  }

  /** Mel filter energies (not logged) per frame: numFrames rows of melFilters values. */
  melEnergies(samples: ArrayLike<number>, sampleRate: number): Float64Array[] {
    const p = this.params;
    if (sampleRate !== p.sampleRate) {
      throw new Error(`MFCC: clip is ${sampleRate} Hz, expected ${p.sampleRate} Hz (resample it first)`);
    }
    const n = samples.length;
    if (n === 0) throw new Error('MFCC: empty clip');
    const x = new Float64Array(n);
    x[0] = samples[0];
    for (let t = 1; t < n; t++) x[t] = samples[t] - p.preEmphasis * samples[t - 1];

    const w = p.windowLength;
    const frame = new Float64Array(w);
    const rows: Float64Array[] = [];
    for (let f = 0; f < p.numFrames; f++) {
      const segStart = (f * n) / p.numFrames;
      const segLen = n / p.numFrames;
      const k = Math.max(1, Math.ceil(segLen / p.subHop));
      const power = new Float64Array(p.fftSize / 2 + 1);
      for (let j = 0; j < k; j++) {
        const centre = segStart + ((j + 0.5) * segLen) / k;
        const start = Math.round(centre - w / 2);
        for (let i = 0; i < w; i++) {
          const t = start + i;
          frame[i] = t >= 0 && t < n ? x[t] * this.window[i] : 0;
        }
        const ps = powerSpectrum(frame, p.fftSize);
        for (let b = 0; b < ps.length; b++) power[b] += ps[b] / k;
      }
      rows.push(applyFilterBank(this.bank, power));
    }
    return rows;
  }

  /** The energy floor applied before the log for this clip's filter energies: logFloor, or topDb under the largest when set. */
  energyFloor(energies: readonly Float64Array[]): number {
    const p = this.params;
    if (p.topDb === undefined) return p.logFloor;
    let peak = 0;
    for (const row of energies) for (const e of row) if (e > peak) peak = e;
    return Math.max(p.logFloor, peak * 10 ** (-p.topDb / 10));
  }

  /** The MFCC map, row-major [coefficient][frame] (numCoefficients × numFrames). */
  compute(samples: ArrayLike<number>, sampleRate: number): Float32Array {
    const p = this.params;
    const energies = this.melEnergies(samples, sampleRate);
    const floor = this.energyFloor(energies);
    const out = new Float32Array(p.numCoefficients * p.numFrames);
    const logE = new Float64Array(p.melFilters);
    for (let f = 0; f < p.numFrames; f++) {
      for (let m = 0; m < p.melFilters; m++) logE[m] = Math.log(Math.max(energies[f][m], floor));
      for (let c = 0; c < p.numCoefficients; c++) {
        const row = this.dct[c];
        let s = 0;
        for (let m = 0; m < p.melFilters; m++) s += row[m] * logE[m];
        out[c * p.numFrames + f] = s;
      }
    }
    return out;
  }
}

/** One-off convenience: MFCC map of a clip with the given parameters (default: AV-MNIST's). */
export function mfcc(samples: ArrayLike<number>, sampleRate: number, params: Readonly<MfccParams> = AVMNIST_MFCC): Float32Array {
  return new MfccExtractor(params).compute(samples, sampleRate);
}
