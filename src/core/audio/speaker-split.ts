// Leave-one-speaker-out splits of FSDD-named clips (`<digit>_<speaker>_<take>.wav`): train on the
// other speakers' takes from `valTakes` on, validate on their first `valTakes` takes (the
// dataset's own test takes are 0–4), test on every take of the held-out speaker. The test
// speaker's voice is never seen in training or validation.

import type { FsddName } from './demo-features';

export interface SpeakerSplit<T> {
  heldOut: string;
  train: T[];
  val: T[];
  test: T[];
}

export function leaveOneSpeakerOut<T extends { name: FsddName }>(clips: readonly T[], heldOut: string, valTakes = 5): SpeakerSplit<T> {
  const speakers = new Set(clips.map((c) => c.name.speaker));
  if (!speakers.has(heldOut)) throw new Error(`no clip of speaker "${heldOut}" (speakers: ${[...speakers].sort().join(', ')})`);
  if (speakers.size < 2) throw new Error('leave-one-speaker-out needs at least two speakers');
  const others = clips.filter((c) => c.name.speaker !== heldOut);
  return {
    heldOut,
    train: others.filter((c) => c.name.take >= valTakes),
    val: others.filter((c) => c.name.take < valTakes),
    test: clips.filter((c) => c.name.speaker === heldOut),
  };
}
