// Cepstral truncation inside a fixed-size MFCC map laid out [coefficient][frame]: coefficients
// from `keep` on are set to zero, so the map keeps its 20×20 shape (the device tables price that
// input) while carrying only the smooth spectral envelope. High-order cepstral coefficients hold
// the fine spectral detail — pitch harmonics, much of what tells one voice from another — and
// per-utterance CMVN scales every coefficient to the same spread, so without this they weigh as
// much as the formants. One candidate of the speaker-independent audio issue (scripts/loso-audio.ts).

export function keepCoefficients(map: ArrayLike<number>, numCoefficients: number, numFrames: number, keep: number): Float32Array {
  if (map.length !== numCoefficients * numFrames) throw new Error(`an MFCC map of ${numCoefficients}×${numFrames} has ${numCoefficients * numFrames} values, got ${map.length}`);
  if (!Number.isInteger(keep) || keep < 1 || keep > numCoefficients) throw new Error(`keep must be a whole number from 1 to ${numCoefficients}, got ${keep}`);
  const out = Float32Array.from(map);
  out.fill(0, keep * numFrames);
  return out;
}
