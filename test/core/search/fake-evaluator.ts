// A FAKE, deterministic evaluator for the outer-tier tests: accuracy is a simple function of the
// genome plus noise seeded by the genome and the call's seed; the fusion "search" returns a
// genotype built from the macro. No training happens here — it only drives the pure engine.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Rng } from '../../../src/core/rng';
import { genomeKey } from '../../../src/core/genome';
import { parseDeviceTable, type DeviceTable } from '../../../src/core/device-table';
import { FUSION_OPS, type BackboneGenome, type FusionGenotype, type FusionMacro, type Modality } from '../../../src/core/types';
import { EvaluationAborted, type AccuracyPair, type EvalContext, type FusionHooks, type FusionResult, type SearchEvaluator } from '../../../src/core/search/evaluator';
import type { FusionSearchEpoch } from '../../../src/core/search-events';

export function loadTable(id = 'jetson-tx2'): DeviceTable {
  const url = new URL(`../../../public/luts/${id}.json`, import.meta.url);
  return parseDeviceTable(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')));
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Bigger subnets are more accurate: 60..~88 % plus ±1 % noise. */
export function fakeBackboneAccuracy(modality: Modality, g: BackboneGenome): number {
  let score = 60 + 3 * g.d;
  for (let i = 0; i < g.d; i++) score += (g.ks[i] - 3) * 0.6 + (g.e[i] - 3) * 0.5;
  const rng = new Rng(hash(`${modality}:${genomeKey(g)}`));
  return Math.min(99, score + 2 * rng.next() - 1);
}

export interface FakeOptions {
  /** Replaces every test accuracy (to prove test accuracy never drives a choice). */
  testAccuracy?: (val: number, key: string) => number;
  /** Extra val-accuracy bonus for a macro (to make the macro genes matter). */
  macroBonus?: (m: FusionMacro) => number;
}

export class FakeEvaluator implements SearchEvaluator {
  backboneCalls: string[] = [];
  fusionCalls: string[] = [];
  constructor(private readonly options: FakeOptions = {}) {}

  private test(val: number, key: string): number {
    if (this.options.testAccuracy) return this.options.testAccuracy(val, key);
    return Math.max(0, Math.min(100, val - 1 + 2 * new Rng(hash(`test:${key}`)).next()));
  }

  async evaluateBackbone(modality: Modality, genome: BackboneGenome, ctx?: EvalContext): Promise<AccuracyPair> {
    if (ctx?.signal?.aborted) throw new EvaluationAborted();
    const key = `${modality}/${genomeKey(genome)}`;
    this.backboneCalls.push(key);
    const val = fakeBackboneAccuracy(modality, genome);
    return { valAccuracy: val, testAccuracy: this.test(val, key) };
  }

  async searchFusion(image: BackboneGenome, audio: BackboneGenome, macro: FusionMacro, hooks?: FusionHooks): Promise<FusionResult> {
    const key = `${genomeKey(image)}|${genomeKey(audio)}|${macro.cells}x${macro.nodes}`;
    const rng = new Rng(hash(key) ^ (hooks?.seed ?? 0));
    const genotype: FusionGenotype = {
      cells: Array.from({ length: macro.cells }, (_, i) => ({
        inputs: [rng.int(4), 4 + rng.int(4 + i) ] as [number, number],
        ops: Array.from({ length: macro.nodes }, () => rng.pick(FUSION_OPS)),
      })),
    };
    for (let epoch = 1; epoch <= 2; epoch++) {
      if (hooks?.signal?.aborted) throw new EvaluationAborted();
      await Promise.resolve();
      hooks?.onEpoch?.(fakeSearchEpoch(epoch, 2, genotype, macro));
    }
    this.fusionCalls.push(key);
    const base = (fakeBackboneAccuracy('image', image) + fakeBackboneAccuracy('audio', audio)) / 2;
    const bonus = this.options.macroBonus ? this.options.macroBonus(macro) : 0.8 * macro.cells + 0.4 * macro.nodes;
    const val = Math.min(99.9, base + 5 + bonus + rng.next() - 0.5);
    return { genotype, fusionOps: genotype.cells.flatMap((c) => c.ops), valAccuracy: val, testAccuracy: this.test(val, key) };
  }
}

/** A search-epoch event of the right shape (flat α and γ) for a fake inner search. */
export function fakeSearchEpoch(epoch: number, epochs: number, genotype: FusionGenotype, macro: FusionMacro): FusionSearchEpoch {
  const flat = (n: number) => Array.from({ length: n }, () => 1 / n);
  return {
    stage: 'search', epoch, epochs, trainLoss: 1 / epoch, archLoss: 1 / epoch, archSplitAccuracy: 50 + epoch, archSplitObjective: 1 / epoch,
    expectedLatencyMs: 1, expectedEnergyMj: 1, genotype,
    alphas: Array.from({ length: macro.cells }, (_, c) => [flat(4 + c), flat(4 + c)]),
    gammas: Array.from({ length: macro.cells }, () => Array.from({ length: macro.nodes }, () => flat(FUSION_OPS.length))),
    seconds: 0,
  };
}
