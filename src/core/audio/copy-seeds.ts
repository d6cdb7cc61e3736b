// Where each kind of augmented training copy (speaker-independent audio issue) draws its random
// numbers: its own stream, seeded `seed + offset`, so adding one kind leaves the others' copies as
// they were. scripts/loso-audio.ts and scripts/train-supernet-node.ts both draw from these streams,
// so a shipped supernet trains on the copies its leave-one-speaker-out rows measured.

import { Rng } from '../rng';

export const COPY_SEED_OFFSETS = Object.freeze({ vtlp: 1000, speed: 2000, crop: 3000, noise: 4000, tight: 5000, cut: 6000 });

export type CopyKind = keyof typeof COPY_SEED_OFFSETS;

/** The random stream of one kind of copy for a run seeded `seed`. */
export const copyRng = (kind: CopyKind, seed: number): Rng => new Rng(seed + COPY_SEED_OFFSETS[kind]);
