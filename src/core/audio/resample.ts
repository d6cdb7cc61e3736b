// Sample-rate conversion for uploaded clips (any rate → the demo pipeline's 8 kHz): band-limited
// interpolation with a Hann-windowed sinc whose cut-off is the lower of the two Nyquist
// frequencies, so that a high-rate recording does not alias into the speech band.

/** `samples` at `fromHz` resampled to `toHz`; the length is round(n · toHz / fromHz). */
export function resample(samples: Float32Array, fromHz: number, toHz: number, halfWidth = 16): Float32Array {
  if (!(fromHz > 0) || !(toHz > 0)) throw new Error(`sample rates must be positive, got ${fromHz} and ${toHz}`);
  if (fromHz === toHz) return Float32Array.from(samples);
  const ratio = toHz / fromHz;
  const n = Math.round(samples.length * ratio);
  const out = new Float32Array(n);
  // Cut-off as a fraction of the input rate; when downsampling the kernel widens by 1/ratio.
  const cutoff = Math.min(1, ratio);
  const reach = Math.ceil(halfWidth / cutoff);
  for (let j = 0; j < n; j++) {
    const t = j / ratio; // position in input samples
    const centre = Math.floor(t);
    let acc = 0;
    let norm = 0;
    for (let i = centre - reach + 1; i <= centre + reach; i++) {
      if (i < 0 || i >= samples.length) continue;
      const x = (t - i) * cutoff;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const w = 0.5 + 0.5 * Math.cos((Math.PI * (t - i)) / (reach + 1));
      const k = sinc * w;
      acc += samples[i] * k;
      norm += k;
    }
    out[j] = norm !== 0 ? acc / norm : 0;
  }
  return out;
}
