// Fractions done and time left (ETA) for the search's progress bars: the run, the
// current generation and the current inner fusion search. Pure. Times are active compute time
// in ms (paused time excluded); the estimate is elapsed × (1 − f) / f.

import type { RunnerProgress } from '../core/search-protocol';

/** Share of a generation's time taken by the unimodal evaluations (the fusion searches dominate). */
export const UNIMODAL_SHARE = 0.15;

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * Fraction (0..1) of the current inner search done: its search epochs, then the retraining epochs
 * of each candidate genotype (one candidate assumed until the retraining says how many).
 */
export function fusionFraction(p: Pick<RunnerProgress, 'fusion' | 'fusionEpochs' | 'retrainEpochs'>): number {
  const f = p.fusion;
  if (!f) return 0;
  const candidates = f.stage === 'retrain' ? Math.max(1, f.candidates ?? 1) : 1;
  const total = p.fusionEpochs + p.retrainEpochs * candidates;
  const done = f.stage === 'search' ? f.epoch : p.fusionEpochs + p.retrainEpochs * ((f.candidate ?? 1) - 1) + f.epoch;
  return clamp01(done / Math.max(1, total));
}

/** Fraction (0..1) of the current generation done. */
export function generationFraction(p: RunnerProgress): number {
  switch (p.phase) {
    case 'unimodal evaluation':
      return clamp01(UNIMODAL_SHARE * (p.candidates > 0 ? p.candidate / p.candidates : 0));
    case 'selection':
      return UNIMODAL_SHARE;
    case 'fusion search': {
      const pairs = Math.max(1, p.candidates);
      const inPair = p.fusion && p.fusion.pair === p.candidate ? fusionFraction(p) : 0;
      return clamp01(UNIMODAL_SHARE + (1 - UNIMODAL_SHARE) * ((p.candidate + inPair) / pairs));
    }
    default:
      return 1;
  }
}

/** Fraction (0..1) of the whole run done. */
export function runFraction(p: RunnerProgress): number {
  if (p.phase === 'finished') return 1;
  return clamp01((p.generation + generationFraction(p)) / Math.max(1, p.generations));
}

/** Milliseconds left, or null when nothing is done yet to extrapolate from. */
export function timeLeftMs(elapsedMs: number, fraction: number): number | null {
  if (!(fraction > 0) || !(elapsedMs > 0)) return null;
  if (fraction >= 1) return 0;
  return (elapsedMs * (1 - fraction)) / fraction;
}

/** "1 min 05 s", "42 s", "—" (unknown). */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

export interface Etas {
  run: { fraction: number; leftMs: number | null };
  generation: { fraction: number; leftMs: number | null };
  fusion: { fraction: number; leftMs: number | null } | null;
}

export function etas(p: RunnerProgress): Etas {
  const run = runFraction(p);
  const gen = generationFraction(p);
  const fus = p.phase === 'fusion search' && p.fusion ? fusionFraction(p) : null;
  return {
    run: { fraction: run, leftMs: timeLeftMs(p.runMs, run) },
    generation: { fraction: gen, leftMs: timeLeftMs(p.generationMs, gen) },
    fusion: fus === null ? null : { fraction: fus, leftMs: timeLeftMs(p.fusionMs, fus) },
  };
}
