// Log-mel front end of the demo audio (the speaker-independent audio issue's measured winner over
// the paper's 20×20 MFCC map, scripts/loso-audio.ts `--features logmel-cmn`): the framing of
// ./mfcc.ts unchanged — pre-emphasis, the clip cut into 20 equal segments, Hann windows of 256
// samples averaged inside each segment, 256-point FFT — but 20 triangular mel filters (20 Hz –
// 4 kHz) and the natural log of their energies with no DCT. Neighbouring rows are neighbouring
// frequencies, so a vocal-tract-length difference moves a pattern along the rows instead of
// smearing it over every cepstral coefficient. Output row-major [band][frame], band 0 the lowest,
// 20 × 20 like the MFCC map (the device tables price that shape). Pure TypeScript.

import { AVMNIST_MFCC, MfccExtractor, type MfccParams } from './mfcc';

/** The demo front end's parameters: AV-MNIST's framing with 20 mel filters (numCoefficients = bands kept). */
export const AVMNIST_LOG_MEL: Readonly<MfccParams> = Object.freeze({ ...AVMNIST_MFCC, melFilters: 20, numCoefficients: 20 });

/** Log mel energies (nats, floored at the extractor's energyFloor), row-major [band][frame]; a VTLP-warped extractor gives the warped map. */
export function logMelMap(extractor: MfccExtractor, samples: ArrayLike<number>, sampleRate: number): Float32Array {
  const p = extractor.params;
  if (p.numCoefficients !== p.melFilters) throw new Error(`log-mel: the extractor keeps ${p.numCoefficients} of ${p.melFilters} bands; it must keep all`);
  const energies = extractor.melEnergies(samples, sampleRate);
  const floor = extractor.energyFloor(energies);
  const out = new Float32Array(p.melFilters * p.numFrames);
  for (let f = 0; f < p.numFrames; f++) {
    for (let m = 0; m < p.melFilters; m++) out[m * p.numFrames + f] = Math.log(Math.max(energies[f][m], floor));
  }
  return out;
}
