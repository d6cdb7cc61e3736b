import { describe, expect, it } from 'vitest';
import { budgetPlan, expectedTrainingSeconds, expectedWorkDoneMs, stepsPerEpoch, TRAINING_BUDGETS, TRAINING_MODES } from '../../../src/core/upload/training-budget';

describe('training budgets', () => {
  it('count steps as training does: a last batch under half a batch is dropped', () => {
    expect(stepsPerEpoch(84, 32)).toBe(3); // 32 + 32 + 20
    expect(stepsPerEpoch(79, 32)).toBe(2); // 32 + 32 + 15
    expect(stepsPerEpoch(16, 32)).toBe(1);
    expect(stepsPerEpoch(10, 32)).toBe(0);
  });

  it('grow with the budget in both modes; scratch always warms up, transfer never re-sorts', () => {
    for (const mode of TRAINING_MODES) {
      const epochs = TRAINING_BUDGETS.map((b) => budgetPlan(mode, b).epochs + budgetPlan(mode, b).warmupEpochs);
      expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
      expect(new Set(epochs).size).toBe(epochs.length);
    }
    for (const b of TRAINING_BUDGETS) {
      expect(budgetPlan('transfer', b).warmupEpochs).toBe(0);
      expect(budgetPlan('scratch', b).warmupEpochs).toBeGreaterThan(0);
    }
  });

  it("expect every step at its measured time plus each epoch's validations", () => {
    const plan = { warmupEpochs: 2, epochs: 3, lr: 1e-3, batchSize: 32 };
    // 3 steps per epoch: 2 × (3 × 100 + 50) + 3 × (3 × 400 + 2 × 50) = 700 + 3,900 ms
    expect(expectedTrainingSeconds(plan, 84, { warmupStepMs: 100, sandwichStepMs: 400, evaluationMs: 50 })).toBeCloseTo(4.6, 10);
  });
});

describe('expectedWorkDoneMs', () => {
  const plan = { warmupEpochs: 2, epochs: 3, lr: 1e-3, batchSize: 32 };
  const m = { warmupStepMs: 100, sandwichStepMs: 400, evaluationMs: 50 };
  it('runs from 0 to the whole expected time', () => {
    expect(expectedWorkDoneMs(plan, 84, m, { phase: 'warmup', epoch: 0, step: 0 })).toBe(0);
    expect(expectedWorkDoneMs(plan, 84, m, { phase: 'warmup', epoch: 1, step: 2 })).toBe(350 + 200);
    expect(expectedWorkDoneMs(plan, 84, m, { phase: 'sandwich', epoch: 0, step: 1 })).toBe(700 + 400);
    // the last step of the last epoch: everything but its two validations
    expect(expectedWorkDoneMs(plan, 84, m, { phase: 'sandwich', epoch: 2, step: 3 })).toBe(expectedTrainingSeconds(plan, 84, m) * 1000 - 100);
  });
});
