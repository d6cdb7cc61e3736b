// VTLP training copies: K maps per clip in clip order, factors stratified inside 1 ± range,
// reproducible from the seed, resampled like the demo pipeline, and α = 1 gives the plain map.
import { describe, expect, it } from 'vitest';
import { LOG_MEL_FRONT_END, vtlpCopies } from '../../../src/core/audio/vtlp-copies';
import { AVMNIST_MFCC, MfccExtractor } from '../../../src/core/audio/mfcc';
import { AVMNIST_LOG_MEL, logMelMap } from '../../../src/core/audio/log-mel';
import { resample } from '../../../src/core/audio/resample';
import { Rng } from '../../../src/core/rng';
import { SR, tone } from './test-signals';

const clipA = { samples: tone(440, 0.4), sampleRate: SR };
// 0.4 s of 900 Hz at 16 kHz, resampled to 8 kHz inside
const clipB = { samples: Float32Array.from({ length: 6400 }, (_, t) => 0.5 * Math.sin((2 * Math.PI * 900 * t) / 16000)), sampleRate: 16000 };
const n = AVMNIST_MFCC.numCoefficients * AVMNIST_MFCC.numFrames;

describe('vtlpCopies', () => {
  it('gives K maps per clip, in clip order, each factor in its stratum of 1 ± range', () => {
    const rng = new Rng(7);
    const { maps, alphas } = vtlpCopies([clipA, clipB], 3, () => rng.next(), 0.15);
    expect(maps).toHaveLength(6);
    for (const m of maps) expect(m).toHaveLength(n);
    for (const clip of [0, 1]) {
      const mine = alphas.slice(clip * 3, clip * 3 + 3);
      mine.forEach((a, j) => {
        expect(a).toBeGreaterThanOrEqual(0.85 + (0.3 * j) / 3);
        expect(a).toBeLessThan(0.85 + (0.3 * (j + 1)) / 3);
      });
    }
    // warped copies differ from one another
    expect(Array.from(maps[0])).not.toEqual(Array.from(maps[2]));
  });

  it('is reproducible from the seed', () => {
    const run = (seed: number) => {
      const rng = new Rng(seed);
      return vtlpCopies([clipA], 2, () => rng.next());
    };
    expect(run(3).alphas).toEqual(run(3).alphas);
    expect(Array.from(run(3).maps[1])).toEqual(Array.from(run(3).maps[1]));
    expect(run(3).alphas).not.toEqual(run(4).alphas);
  });

  it('with range 0 is the unwarped demo (MFCC) map of the clip at 8 kHz, or the log-mel map with that front end', () => {
    const { maps, alphas } = vtlpCopies([clipB], 1, () => 0.5, 0);
    expect(alphas).toEqual([1]);
    const at8k = resample(clipB.samples, 16000, SR);
    expect(Array.from(maps[0])).toEqual(Array.from(new MfccExtractor(AVMNIST_MFCC).compute(at8k, SR)));
    const logMel = vtlpCopies([clipB], 1, () => 0.5, 0, LOG_MEL_FRONT_END).maps;
    expect(Array.from(logMel[0])).toEqual(Array.from(logMelMap(new MfccExtractor(AVMNIST_LOG_MEL), at8k, SR)));
  });

  it('warps the log-mel front end too: a warped copy differs from the plain map, same size', () => {
    const rng = new Rng(5);
    const { maps } = vtlpCopies([clipA], 2, () => rng.next(), 0.15, LOG_MEL_FRONT_END);
    const plain = logMelMap(new MfccExtractor(AVMNIST_LOG_MEL), clipA.samples, SR);
    for (const m of maps) {
      expect(m).toHaveLength(plain.length);
      expect(Array.from(m)).not.toEqual(Array.from(plain));
    }
  });
});
