// Silence trimming before the MFCC front end (the speaker-independent audio issue: a silence-robust
// frame alignment). The MFCC map cuts the whole clip into 20 equal segments, so leading or trailing
// silence shifts and squeezes the utterance inside the map; trimming it first makes the 20 frames
// span the speech. Pure TypeScript (no DOM, no tfjs).
//
// Rule: the clip is cut into consecutive frames of `frameMs` (the last may be shorter); a frame is
// speech when its mean-square energy is at least the loudest frame's times 10^(thresholdDb / 10)
// (thresholdDb < 0, relative to the clip's peak frame). The kept span runs from the first speech
// frame to the last, widened by `marginMs` on each side and clamped to the clip. A silent clip (every
// sample 0) or one too short to trim is returned whole. The result is a subarray view (no copy).

export interface TrimSettings {
  /** Length of the energy frames (ms). */
  frameMs: number;
  /** Speech threshold relative to the loudest frame's energy (dB, negative). */
  thresholdDb: number;
  /** Kept on each side of the speech span (ms). */
  marginMs: number;
}

export const DEFAULT_TRIM: Readonly<TrimSettings> = Object.freeze({ frameMs: 10, thresholdDb: -35, marginMs: 20 });

/** The [start, end) sample range trimSilence keeps. */
export function speechSpan(samples: ArrayLike<number>, sampleRate: number, settings: Readonly<TrimSettings> = DEFAULT_TRIM): [number, number] {
  if (!(settings.thresholdDb < 0)) throw new Error(`trim: threshold must be below 0 dB, got ${settings.thresholdDb}`);
  if (!(sampleRate > 0)) throw new Error(`trim: bad sample rate ${sampleRate}`);
  const n = samples.length;
  const frame = Math.max(1, Math.round((settings.frameMs * sampleRate) / 1000));
  const frames = Math.ceil(n / frame);
  if (frames < 2) return [0, n];
  const energy = new Float64Array(frames);
  let peak = 0;
  for (let f = 0; f < frames; f++) {
    const end = Math.min(n, (f + 1) * frame);
    let s = 0;
    for (let t = f * frame; t < end; t++) s += samples[t] * samples[t];
    energy[f] = s / (end - f * frame);
    peak = Math.max(peak, energy[f]);
  }
  if (peak === 0) return [0, n];
  const floor = peak * 10 ** (settings.thresholdDb / 10);
  let first = 0;
  while (energy[first] < floor) first++;
  let last = frames - 1;
  while (energy[last] < floor) last--;
  const margin = Math.round((settings.marginMs * sampleRate) / 1000);
  return [Math.max(0, first * frame - margin), Math.min(n, (last + 1) * frame + margin)];
}

/** The clip without its leading and trailing silence (a subarray of `samples`). */
export function trimSilence(samples: Float32Array, sampleRate: number, settings: Readonly<TrimSettings> = DEFAULT_TRIM): Float32Array {
  const [start, end] = speechSpan(samples, sampleRate, settings);
  return samples.subarray(start, end);
}
