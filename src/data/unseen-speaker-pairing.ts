// The second demo dataset, "AV-MNIST, unseen speaker": the demo set's own images and labels,
// with its audio replaced so that the test split speaks with a voice that training and
// validation never heard. Leave-one-speaker-out on FSDD (src/core/audio/speaker-split.ts):
// train pairs take the other speakers' takes 5–49, validation pairs their takes 0–4, test
// pairs the held-out speaker's clips. Per class, the demo split's samples keep their order and
// images; a split keeps as many of them as it has clips of that class (validation: 10 of 15),
// and the clips are dealt in a seeded shuffle. Pure: the build script reads and writes files.

import { Rng } from '../core/rng';
import { parseFsddName, type FsddName } from '../core/audio/demo-features';
import { leaveOneSpeakerOut } from '../core/audio/speaker-split';
import type { SplitName } from './avmnist-pairing';

/**
 * The voice the test split holds. Chosen by a rule fixed before any result was seen: the first
 * of the three FSDD speakers in alphabetical order.
 */
export const UNSEEN_SPEAKER = 'jackson';

export interface UnseenSplit {
  /** Indices (into the demo split) of the samples kept, in the demo order. */
  keep: number[];
  /** The FSDD file of each kept sample. */
  fsdd: string[];
}

export function pairUnseenSpeaker(
  demoLabels: Record<SplitName, ArrayLike<number>>,
  fsddFiles: readonly string[],
  heldOut: string,
  seed: number,
): Record<SplitName, UnseenSplit> {
  const clips = fsddFiles.flatMap((file) => {
    const name = parseFsddName(file);
    return name ? [{ name, file }] : [];
  });
  const split = leaveOneSpeakerOut(clips, heldOut);
  const rng = new Rng(seed);
  const out = {} as Record<SplitName, UnseenSplit>;
  for (const s of ['train', 'val', 'test'] as const) {
    const labels = Array.from(demoLabels[s]);
    const byClass = new Map<number, { name: FsddName; file: string }[]>();
    for (const c of split[s]) byClass.set(c.name.digit, [...(byClass.get(c.name.digit) ?? []), c]);
    for (const [digit, list] of byClass) byClass.set(digit, rng.shuffle(list.sort((a, b) => a.file.localeCompare(b.file))));
    const used = new Map<number, number>();
    const keep: number[] = [];
    const fsdd: string[] = [];
    labels.forEach((label, i) => {
      const k = used.get(label) ?? 0;
      const pool = byClass.get(label) ?? [];
      if (k >= pool.length) return; // more demo samples of this class than clips: the rest are left out
      used.set(label, k + 1);
      keep.push(i);
      fsdd.push(pool[k].file);
    });
    out[s] = { keep, fsdd };
  }
  return out;
}
