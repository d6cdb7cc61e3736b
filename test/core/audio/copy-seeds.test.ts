import { describe, expect, it } from 'vitest';
import { COPY_SEED_OFFSETS, copyRng } from '../../../src/core/audio/copy-seeds';
import { Rng } from '../../../src/core/rng';

describe('random streams of the training copies', () => {
  it('gives each kind its own stream, seed + offset, and keeps the offsets the shipped weights used', () => {
    expect(COPY_SEED_OFFSETS).toEqual({ vtlp: 1000, speed: 2000, crop: 3000, noise: 4000, tight: 5000, cut: 6000 });
    expect(new Set(Object.values(COPY_SEED_OFFSETS)).size).toBe(6);
    expect(copyRng('tight', 1).next()).toBe(new Rng(5001).next());
    expect(copyRng('noise', 1).next()).not.toBe(copyRng('tight', 1).next());
  });
});
