// Per-band noise floor of a log-mel map (a front-end idea for the speaker-independent audio issue):
// FSDD's voices differ most in how far their background sits under the digit (nicolas's noise floor
// is the highest, and the networks read his "six" as "eight"). Each band's values are raised to that
// band's own quiet level — its frame at the given quantile over the clip — plus a margin, so every
// clip's background looks alike whatever its microphone and room. Pure TypeScript; maps laid out
// [band][frame] in nats.

export interface BandFloorSettings {
  /** Which frame of the band sets its quiet level: 0 = the quietest, 0.1 = the 10th percentile. */
  quantile: number;
  /** Raise the floor this far above the quiet level (nats; 1 nat ≈ 4.3 dB). */
  marginNats: number;
}

export const BAND_FLOOR: Readonly<BandFloorSettings> = Object.freeze({ quantile: 0.1, marginNats: 2 });

export function bandFloor(map: ArrayLike<number>, numBands: number, numFrames: number, settings: Readonly<BandFloorSettings> = BAND_FLOOR): Float32Array {
  if (map.length !== numBands * numFrames) throw new Error(`a ${numBands}×${numFrames} map has ${numBands * numFrames} values, got ${map.length}`);
  if (!(settings.quantile >= 0 && settings.quantile <= 1)) throw new Error(`band floor: quantile must lie in [0, 1], got ${settings.quantile}`);
  if (!(settings.marginNats >= 0)) throw new Error(`band floor: margin must be at least 0 nats, got ${settings.marginNats}`);
  const out = new Float32Array(map.length);
  for (let b = 0; b < numBands; b++) {
    const row = Float32Array.from({ length: numFrames }, (_, f) => map[b * numFrames + f]);
    const sorted = Float32Array.from(row).sort();
    const floor = sorted[Math.floor(settings.quantile * (numFrames - 1))] + settings.marginNats;
    for (let f = 0; f < numFrames; f++) out[b * numFrames + f] = Math.max(row[f], floor);
  }
  return out;
}
