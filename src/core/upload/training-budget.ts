// Supernet training on an uploaded dataset: the budgets a person chooses from (how many
// warm-up and sandwich epochs), the two starting points (transfer from the pretrained demo
// supernets, or from scratch), the optimiser settings they imply, and the expected training time
// from step times measured on this machine (the training worker's timeSteps). Pure.

export const TRAINING_MODES = ['transfer', 'scratch'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];

export const TRAINING_BUDGETS = ['tiny', 'default', 'long'] as const;
export type TrainingBudget = (typeof TRAINING_BUDGETS)[number];

export interface BudgetPlan {
  /** Epochs training the largest subnet alone (then channels are sorted by importance). */
  warmupEpochs: number;
  /** Sandwich-rule epochs (largest + smallest + 2 random subnets per step). */
  epochs: number;
  /** Peak learning rate of the cosine schedule. */
  lr: number;
  batchSize: number;
}

const BATCH = 32;
/**
 * Transfer keeps the demo supernets' channel order (no warm-up, no re-sorting) and fine-tunes at a
 * lower rate; from scratch needs the warm-up of the largest subnet first, as the shipped weights had.
 * `default` is sized so both supernets train on the example zip (84 training samples) in well under
 * 10 minutes on a 2-core machine without a GPU.
 */
const PLANS: Readonly<Record<TrainingMode, Readonly<Record<TrainingBudget, BudgetPlan>>>> = {
  transfer: {
    tiny: { warmupEpochs: 0, epochs: 1, lr: 1e-3, batchSize: BATCH },
    default: { warmupEpochs: 0, epochs: 16, lr: 1e-3, batchSize: BATCH },
    long: { warmupEpochs: 0, epochs: 40, lr: 1e-3, batchSize: BATCH },
  },
  scratch: {
    tiny: { warmupEpochs: 1, epochs: 1, lr: 3e-3, batchSize: BATCH },
    default: { warmupEpochs: 4, epochs: 16, lr: 3e-3, batchSize: BATCH },
    long: { warmupEpochs: 8, epochs: 40, lr: 3e-3, batchSize: BATCH },
  },
};

export const BUDGET_LABELS: Readonly<Record<TrainingBudget, string>> = { tiny: 'tiny (a smoke test)', default: 'default', long: 'long' };

export function budgetPlan(mode: TrainingMode, budget: TrainingBudget): BudgetPlan {
  return PLANS[mode][budget];
}

/** Optimiser steps per epoch for `trainCount` samples (a last batch under half a batch is dropped, as in training). */
export function stepsPerEpoch(trainCount: number, batchSize: number): number {
  const full = Math.floor(trainCount / batchSize);
  const rest = trainCount - full * batchSize;
  return full + (rest * 2 >= batchSize ? 1 : 0);
}

/** Step and validation times measured on this machine (ms). */
export interface MeasuredStepMs {
  warmupStepMs: number;
  sandwichStepMs: number;
  /** One subnet's validation (BN recalibration + the validation split). */
  evaluationMs: number;
}

/**
 * Expected seconds to train one supernet: every step at its measured time, plus each epoch's
 * validation (the largest subnet after a warm-up epoch; the largest and the smallest after a
 * sandwich epoch).
 */
export function expectedTrainingSeconds(plan: BudgetPlan, trainCount: number, measured: MeasuredStepMs): number {
  const steps = stepsPerEpoch(trainCount, plan.batchSize);
  const ms =
    plan.warmupEpochs * (steps * measured.warmupStepMs + measured.evaluationMs) +
    plan.epochs * (steps * measured.sandwichStepMs + 2 * measured.evaluationMs);
  return ms / 1000;
}

/** Where training is: the phase, the epoch (0-based) and the step within it (1-based, done). */
export interface TrainingPosition {
  phase: 'warmup' | 'sandwich';
  epoch: number;
  step: number;
}

/** Expected ms of the work up to and including `at` (validations of completed epochs counted). */
export function expectedWorkDoneMs(plan: BudgetPlan, trainCount: number, measured: MeasuredStepMs, at: TrainingPosition): number {
  const steps = stepsPerEpoch(trainCount, plan.batchSize);
  const warmEpoch = steps * measured.warmupStepMs + measured.evaluationMs;
  const sandEpoch = steps * measured.sandwichStepMs + 2 * measured.evaluationMs;
  if (at.phase === 'warmup') return at.epoch * warmEpoch + at.step * measured.warmupStepMs;
  return plan.warmupEpochs * warmEpoch + at.epoch * sandEpoch + at.step * measured.sandwichStepMs;
}
