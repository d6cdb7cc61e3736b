// Radix-2 fast Fourier transform for the audio front end (MFCC features of the audio modality).
// Pure TypeScript, no allocation per call beyond what the caller passes in.

/** True when n is a positive power of two. */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;
}

/**
 * In-place iterative Cooley–Tukey FFT of the complex sequence (re, im), both of length n,
 * n a power of two. Forward transform, no scaling: X[k] = Σ x[t]·e^(−2πi·k·t/n).
 */
export function fftInPlace(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  if (im.length !== n) throw new Error(`fft: real and imaginary parts differ in length (${n} vs ${im.length})`);
  if (!isPowerOfTwo(n)) throw new Error(`fft: length ${n} is not a power of two`);
  // Bit-reversal permutation.
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = (-2 * Math.PI) / size;
    for (let k = 0; k < half; k++) {
      const wr = Math.cos(step * k);
      const wi = Math.sin(step * k);
      for (let start = k; start < n; start += size) {
        const a = start;
        const b = start + half;
        const tr = wr * re[b] - wi * im[b];
        const ti = wr * im[b] + wi * re[b];
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
}

/**
 * Power spectrum |X[k]|² for k = 0..n/2 of a real frame (zero-padded to n = fftSize).
 * Returns fftSize/2 + 1 values.
 */
export function powerSpectrum(frame: ArrayLike<number>, fftSize: number): Float64Array {
  if (frame.length > fftSize) throw new Error(`powerSpectrum: frame of ${frame.length} exceeds FFT size ${fftSize}`);
  const re = new Float64Array(fftSize);
  const im = new Float64Array(fftSize);
  for (let i = 0; i < frame.length; i++) re[i] = frame[i];
  fftInPlace(re, im);
  const out = new Float64Array(fftSize / 2 + 1);
  for (let k = 0; k < out.length; k++) out[k] = re[k] * re[k] + im[k] * im[k];
  return out;
}
