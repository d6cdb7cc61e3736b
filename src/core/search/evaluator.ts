// The interface between the outer evolutionary tier (pure, src/core/search/engine.ts) and the
// expensive work it orders (src/ml): scoring a backbone alone (accuracy after BatchNorm
// recalibration) and running one inner DARTS fusion search for a backbone pair.
// Costs are NOT the evaluator's business: the engine prices networks with the device table.

import type { BackboneGenome, FusionGenotype, FusionMacro, FusionOp, Modality } from '../types';
import type { CandidateSummary, FusionEpochEvent } from '../search-events';

/** Anything with an `aborted` flag — an AbortSignal fits. */
export interface AbortFlag {
  readonly aborted: boolean;
}

/** The split whose accuracy the search chooses on: validation, or test in paper-faithful mode. */
export type SelectionSplit = 'val' | 'test';

/** Accuracies in percent (0..100). Validation drives the search; test is for display only. */
export interface AccuracyPair {
  valAccuracy: number;
  testAccuracy: number;
  /**
   * The split the search chose on (default 'val'). Paper-faithful mode chooses on test, as the
   * reference code does; every view labels the chosen accuracy from this.
   */
  selectionSplit?: SelectionSplit;
}

/** The accuracy (%) the search chooses on. */
export function selectionAccuracy(a: AccuracyPair): number {
  return a.selectionSplit === 'test' ? a.testAccuracy : a.valAccuracy;
}

/** Per-call context the engine passes: a seed drawn from the run's generator, and a stop flag. */
export interface EvalContext {
  /** 32-bit seed for the call's own randomness (batch order, weight init); fixed per candidate. */
  seed: number;
  /** Set when the run is paused or cancelled; the evaluator may stop early and throw. */
  signal?: AbortFlag;
}

export interface FusionHooks extends EvalContext {
  /** Each search / retraining epoch of the inner tier, as darts.ts / retrain.ts emit it. */
  onEpoch?(epoch: FusionEpochEvent): unknown;
}

export interface FusionResult extends AccuracyPair {
  /** The discrete genotype; its shape must equal the macro asked for. */
  genotype: FusionGenotype;
  /** The genotype's operators, cell by cell — what its LUT cost sums over. */
  fusionOps: FusionOp[];
  /** The retrained candidates and which was kept (absent when the evaluator does not retrain). */
  candidates?: CandidateSummary[];
}

export interface SearchEvaluator {
  /** Accuracy of one subnet of the frozen supernet of `modality`, after BN recalibration. */
  evaluateBackbone(modality: Modality, genome: BackboneGenome, ctx?: EvalContext): Promise<AccuracyPair>;
  /** One inner fusion search (then retraining) on a backbone pair with the given macro-shape. */
  searchFusion(
    imageGenome: BackboneGenome,
    audioGenome: BackboneGenome,
    macro: FusionMacro,
    hooks?: FusionHooks,
  ): Promise<FusionResult>;
}

/** Thrown by an evaluator that stopped because its signal was set; the engine retries later. */
export class EvaluationAborted extends Error {
  constructor(message = 'evaluation aborted') {
    super(message);
    this.name = 'EvaluationAborted';
  }
}

function checkPercent(what: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) {
    throw new Error(`${what} must be a percentage in 0..100, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** Checks an evaluator's answer (a bug there must not silently corrupt a run). */
export function checkAccuracies(what: string, r: AccuracyPair): AccuracyPair {
  const checked: AccuracyPair = {
    valAccuracy: checkPercent(`${what} valAccuracy`, r?.valAccuracy),
    testAccuracy: checkPercent(`${what} testAccuracy`, r?.testAccuracy),
  };
  if (r.selectionSplit === 'test') checked.selectionSplit = 'test';
  else if (r.selectionSplit !== undefined && r.selectionSplit !== 'val') throw new Error(`${what} selectionSplit must be val or test, got ${JSON.stringify(r.selectionSplit)}`);
  return checked;
}
