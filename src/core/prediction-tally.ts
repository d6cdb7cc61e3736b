// Tallies of predicted classes against true ones (pure TypeScript): accuracy (%) per speaker and
// over all rows, and confusion counts. The ml side predicts (src/ml/supernet/evaluate.ts
// `predictedClasses`); the scripts and the evaluation helpers count here, so every figure of one
// prediction pass comes from the same predictions.

/** counts[true class][predicted class] over all rows. */
export function confusionTally(predicted: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number[][] {
  if (predicted.length !== labels.length) throw new Error(`predicted (${predicted.length}) and labels (${labels.length}) must have one entry per row`);
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) counts[labels[i]][predicted[i]]++;
  return counts;
}

/** Accuracy (%) and clip count per speaker, and over all rows, of predicted labels against true ones. */
export function accuracyBySpeaker(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  speakers: readonly string[],
): { accuracy: number; n: number; perSpeaker: Record<string, { accuracy: number; n: number }> } {
  if (predicted.length !== labels.length || labels.length !== speakers.length) throw new Error(`predicted (${predicted.length}), labels (${labels.length}) and speakers (${speakers.length}) must have one entry per row`);
  const tally = new Map<string, { right: number; n: number }>();
  let right = 0;
  speakers.forEach((s, i) => {
    const t = tally.get(s) ?? { right: 0, n: 0 };
    t.n++;
    if (predicted[i] === labels[i]) {
      t.right++;
      right++;
    }
    tally.set(s, t);
  });
  const perSpeaker: Record<string, { accuracy: number; n: number }> = {};
  for (const [s, t] of [...tally].sort(([a], [b]) => a.localeCompare(b))) perSpeaker[s] = { accuracy: (100 * t.right) / t.n, n: t.n };
  return { accuracy: labels.length ? (100 * right) / labels.length : 0, n: labels.length, perSpeaker };
}
