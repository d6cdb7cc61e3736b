// Speaker adaptation folds (the speaker-independent audio issue, label-free adaptation to a new
// voice): before a voice is scored, the subnet's BatchNorm statistics may be re-estimated on that
// voice's own clips instead of the training split's (AdaBN). No label is used, but a clip must not
// lend its statistics to its own score, so each speaker's clips are dealt alternately into two folds
// and each fold is scored with the statistics of the other — like a speaker who records a few
// unlabelled digits first. A speaker with too few clips for two folds keeps the training split's
// statistics and is listed as unadapted. Pure TypeScript.

/** Fewest clips one fold may lend its statistics from (a speaker needs twice this to be adapted). */
export const MIN_ADAPTATION_CLIPS = 10;

/** One fold: the rows scored, and the rows of the same speaker whose statistics they are scored with. */
export interface AdaptationFold {
  speaker: string;
  adaptRows: number[];
  scoreRows: number[];
}

export interface SpeakerFolds {
  folds: AdaptationFold[];
  /** Speakers with fewer than 2 × minClips clips: scored with the training split's statistics. */
  unadapted: { speaker: string; rows: number[] }[];
}

/**
 * Two folds per speaker of `speakers` (one entry per row, in the rows' order): a speaker's k-th row
 * goes to fold k mod 2, so rows sorted by digit give each fold every digit. Speakers come sorted.
 */
export function speakerFolds(speakers: readonly string[], minClips = MIN_ADAPTATION_CLIPS): SpeakerFolds {
  if (!(Number.isInteger(minClips) && minClips >= 1)) throw new Error(`minClips must be a whole number ≥ 1, got ${minClips}`);
  const rowsOf = new Map<string, number[]>();
  speakers.forEach((s, row) => rowsOf.set(s, [...(rowsOf.get(s) ?? []), row]));
  const out: SpeakerFolds = { folds: [], unadapted: [] };
  for (const speaker of [...rowsOf.keys()].sort()) {
    const rows = rowsOf.get(speaker)!;
    if (rows.length < 2 * minClips) {
      out.unadapted.push({ speaker, rows });
      continue;
    }
    const even = rows.filter((_, k) => k % 2 === 0);
    const odd = rows.filter((_, k) => k % 2 === 1);
    out.folds.push({ speaker, adaptRows: odd, scoreRows: even }, { speaker, adaptRows: even, scoreRows: odd });
  }
  return out;
}
