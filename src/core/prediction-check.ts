// How well a per-layer table sum predicts a whole network's latency: Kendall's rank
// correlation τ (does the table order networks as the device does?) and the mean absolute
// percentage error (by how much is it off?) over pairs of predicted and measured latencies.

export interface PredictionPoint {
  predictedMs: number;
  measuredMs: number;
}

/** Kendall's τ-b over the points (ties in either coordinate handled); NaN for fewer than 2 points. */
export function kendallTau(points: readonly PredictionPoint[]): number {
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dx = Math.sign(points[i].predictedMs - points[j].predictedMs);
      const dy = Math.sign(points[i].measuredMs - points[j].measuredMs);
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiesX++;
      else if (dy === 0) tiesY++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const denom = Math.sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY));
  return denom === 0 ? NaN : (concordant - discordant) / denom;
}

/** Mean absolute percentage error of the prediction against the measurement, %. */
export function meanAbsolutePercentageError(points: readonly PredictionPoint[]): number {
  if (points.length === 0) return NaN;
  return (100 * points.reduce((s, p) => s + Math.abs(p.predictedMs - p.measuredMs) / p.measuredMs, 0)) / points.length;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
