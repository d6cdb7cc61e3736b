// Per-utterance mean normalisation of a log-mel map laid out [band][frame] (the demo audio's
// normalisation since the speaker-independent audio issue's log-mel front end): each band minus its
// mean over the clip's frames, divided by one fixed scale and clipped to [−1, 1]. Subtracting the
// clip's own mean removes what is constant over the clip — the microphone's and the room's colouring,
// the loudness, much of the speaker's spectral tilt — with nothing learnt from a training split. Unlike
// CMVN (./cmvn.ts), no band is divided by its own spread, so a quiet band is not blown up to the size
// of a loud one (measured: notes/runs/logmel-2026-12-06e/).

/** Deviations of ±6 nats (about ±26 dB) from the band's clip mean fill [−1, 1]; beyond is clipped. */
export const CMN_SCALE_NATS = 6;

/** The method in words, as the dataset manifests state it (then quantised to a byte like every map). */
export const CMN_METHOD =
  'per-utterance mean normalisation of the log-mel map: per band, minus its mean over the clip\'s frames, divided by scaleNats and clipped to [-1, 1]; ' +
  'u = 0.5 + x / 2; q = round(255 * u)';

export function cmn(map: ArrayLike<number>, numBands: number, numFrames: number, scaleNats = CMN_SCALE_NATS): Float32Array {
  if (map.length !== numBands * numFrames) throw new Error(`a ${numBands}×${numFrames} map has ${numBands * numFrames} values, got ${map.length}`);
  if (!(scaleNats > 0)) throw new Error(`CMN scale must be above 0, got ${scaleNats}`);
  const out = new Float32Array(map.length);
  for (let b = 0; b < numBands; b++) {
    let mean = 0;
    for (let f = 0; f < numFrames; f++) mean += map[b * numFrames + f];
    mean /= numFrames;
    for (let f = 0; f < numFrames; f++) out[b * numFrames + f] = Math.max(-1, Math.min(1, (map[b * numFrames + f] - mean) / scaleNats));
  }
  return out;
}
