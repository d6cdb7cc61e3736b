// The outer tier's real SearchEvaluator (docs/ARCHITECTURE.md, 'Outer tier'): a backbone is scored by
// BatchNorm recalibration of its subnet on training batches, then top-1 accuracy (%) on the
// validation and test splits of the frozen supernet; a backbone pair gets its fusable features
// cached (frozen subnets, eval-mode BN) and one inner DARTS fusion search (runFusionSearch).
// Costs are not computed here: the engine prices every network from the device table.
//
// Paper-faithful mode: the authors' code selects on the TEST split, so the score the
// engine selects on (`valAccuracy`) is the test accuracy there, for backbones and fusions alike.

import { networkKey } from '../core/search/archive';
import { netWeightBytes, type NetWeights } from './fusion/net-weights';
import type { FusionNetConfig } from './fusion/cell-common';
import { extractSubnet } from './supernet/extract';
import { hardwareWeights } from '../core/fusion-candidate-choice';
import type { BackboneGenome, FusionGenotype, FusionMacro, Modality } from '../core/types';
import type { DeviceTable } from '../core/device-table';
import { Rng } from '../core/rng';
import { genomeKey } from '../core/genome';
import {
  EvaluationAborted,
  type AccuracyPair,
  type EvalContext,
  type FusionHooks,
  type FusionResult,
  type SearchEvaluator,
} from '../core/search/evaluator';
import { LEGACY_RETRAIN_LR, type Objective } from '../core/search/settings';
import * as tf from '@tensorflow/tfjs';
import type { Supernet } from './supernet/supernet';
import type { Split } from './supernet/batches';
import { recalibrateBn } from './supernet/bn-recalibration';
import { adaptiveMaxPool4 } from './fusion/feature-projection';
import { FusionSearchCancelled, runFusionSearch } from './fusion/fusion-search';
import { repeatSplit, type CachedFeatures, type CachedSplit } from './fusion/data';
import { FeatureCache, type BackboneFeatures } from './feature-cache-lru';

/** One split of the paired dataset: NHWC single-channel maps in [−1, 1] and labels. */
export interface EvaluatorSplit {
  count: number;
  images: Float32Array;
  audio: Float32Array;
  labels: Uint8Array;
}

export interface EvaluatorData {
  train: EvaluatorSplit;
  val: EvaluatorSplit;
  test: EvaluatorSplit;
  /** Side of the square inputs: image (28) and audio (20). */
  imageSize: number;
  audioSize: number;
}

export interface EvaluatorSettings {
  /** Channels of the projected fusable features. */
  C: number;
  fusionEpochs: number;
  retrainEpochs: number;
  /** Adam learning rate of the retraining (absent: 1e-3, the fusion search's default). */
  retrainLr?: number;
  /** Training batches used for BN recalibration. */
  bnBatches: number;
  /** First N training pairs used for recalibration, caching and the fusion search (0 / absent = all). */
  trainSubset?: number;
  /** Weight of the expected LUT cost (per ms and/or per mJ) in the architecture loss. */
  lambda: number;
  /** Which cost terms λ weighs: latency if 'latency' is an objective, energy if 'energy' is. */
  objectives: readonly Objective[];
  paperFaithful: boolean;
  /** Mini-batch size of recalibration, evaluation and the fusion search (default 64). */
  batchSize?: number;
  /** Bytes of pooled backbone features kept between calls (default 192 MiB). */
  featureCacheBytes?: number;
}

type SplitName = 'train' | 'val' | 'test';

/**
 * The 4 fusable features of a backbone (what the inner tier fuses) among its 2 + d feature
 * maps: stem, block0, the first stage block (where the resolution halves) and the last active one.
 */
export function fusableFeatures<T>(features: readonly T[], depth: number): T[] {
  if (features.length !== 2 + depth || depth < 1) throw new Error(`expected ${2 + depth} feature maps, got ${features.length}`);
  return depth === 1 ? [features[0], features[1], features[2], features[2]] : [features[0], features[1], features[2], features[1 + depth]];
}

/** FNV-1a of a string → 32-bit seed; the same subnet always gets the same BN statistics. */
export function stringSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const aborted = (signal: EvalContext['signal']) => signal?.aborted === true;

/** A searched network's retrained fusion part: enough to rebuild it (model bundles). */
export interface KeptNetwork {
  genotype: FusionGenotype;
  config: Omit<FusionNetConfig, 'cells' | 'nodes'>;
  weights: NetWeights;
}

export class TfSearchEvaluator implements SearchEvaluator {
  private readonly batchSize: number;
  /**
   * Pooled fusable features per (modality, genome, split). BN recalibration is seeded by the
   * genome, so a subnet's features are the same whenever they are computed: the val / test
   * passes of `evaluateBackbone` are reused by the fusion searches of every pair it joins.
   */
  private readonly cache: FeatureCache;

  constructor(
    private readonly data: EvaluatorData,
    private readonly nets: Record<Modality, Supernet>,
    private readonly table: DeviceTable,
    private readonly settings: EvaluatorSettings,
  ) {
    this.batchSize = settings.batchSize ?? 64;
    this.cache = new FeatureCache(settings.featureCacheBytes ?? 192 * 2 ** 20);
  }

  /** The kept retrained fusion network of each searched network (by networkKey), for model bundles. */
  private readonly networks = new Map<string, KeptNetwork>();

  keptNetwork(image: BackboneGenome, audio: BackboneGenome, macro: FusionMacro): KeptNetwork | null {
    return this.networks.get(networkKey(image, audio, macro)) ?? null;
  }

  /** Keeps only these networks' fusion weights (the runner passes the front after each generation). */
  retainNetworks(keys: ReadonlySet<string>): void {
    for (const k of [...this.networks.keys()]) if (!keys.has(k)) this.networks.delete(k);
  }

  /** Bytes of fusion weights kept for export. */
  keptNetworkBytes(): number {
    let n = 0;
    for (const k of this.networks.values()) n += netWeightBytes(k.weights);
    return n;
  }

  /**
   * The static network of one backbone with the BN statistics the search scored it with (the
   * same seeded recalibration). The caller disposes the model.
   */
  async extractBackbone(modality: Modality, genome: BackboneGenome): Promise<tf.LayersModel> {
    await this.recalibrate(modality, genome);
    return extractSubnet(this.nets[modality], genome);
  }

  /** Samples of a split in use: the training split may be cut to `trainSubset`. */
  private count(which: SplitName): number {
    const all = this.data[which].count;
    const subset = this.settings.trainSubset ?? 0;
    return which === 'train' && subset > 0 ? Math.min(subset, all) : all;
  }

  private split(modality: Modality, which: SplitName): Split {
    const s = this.data[which];
    const n = this.count(which);
    const size = modality === 'image' ? this.data.imageSize : this.data.audioSize;
    const inputs = modality === 'image' ? s.images : s.audio;
    return { inputs: inputs.subarray(0, n * size * size), labels: s.labels.subarray(0, n), size };
  }

  /** Genome whose BN statistics each supernet holds now (recalibration is skipped if unchanged). */
  private recalibrated: Record<Modality, string> = { image: '', audio: '' };

  /** Re-estimates the subnet's BN statistics on `bnBatches` seeded training batches. */
  private async recalibrate(modality: Modality, genome: BackboneGenome): Promise<void> {
    const key = `${modality}/${genomeKey(genome)}`;
    if (this.recalibrated[modality] === key) return;
    const rng = new Rng(stringSeed(key));
    await recalibrateBn(this.nets[modality], genome, this.split(modality, 'train'), {
      batchSize: this.batchSize,
      batches: this.settings.bnBatches,
      rng,
    });
    this.recalibrated[modality] = key;
  }

  /**
   * One pass of the subnet over a split (eval-mode BN after recalibration): top-1 accuracy (%)
   * and the 4 fusable feature maps max-pooled to 4×4, as typed arrays. Cached.
   */
  private async pass(modality: Modality, genome: BackboneGenome, which: SplitName): Promise<BackboneFeatures> {
    const key = `${modality}/${genomeKey(genome)}/${which}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    await this.recalibrate(modality, genome);
    const net = this.nets[modality];
    const split = this.split(modality, which);
    const n = split.labels.length;
    const area = split.size * split.size;
    const chunks: Float32Array[][] = [[], [], [], []];
    const channels: number[] = [];
    let correct = 0;
    for (let start = 0; start < n; start += this.batchSize) {
      const m = Math.min(this.batchSize, n - start);
      const outs = tf.tidy(() => {
        const x = tf.tensor4d(split.inputs.subarray(start * area, (start + m) * area), [m, split.size, split.size, 1]);
        const y = tf.tensor1d(Int32Array.from(split.labels.subarray(start, start + m)), 'int32');
        const out = net.forward(genome, x, 'eval');
        const hits = tf.sum(tf.equal(tf.argMax(out.logits, 1), y).toInt());
        return [hits, ...fusableFeatures(out.features, genome.d).map((f) => adaptiveMaxPool4(f))];
      });
      const values = await Promise.all(outs.map((t) => t.data()));
      correct += values[0][0];
      outs.slice(1).forEach((t, k) => {
        if (start === 0) channels.push(t.shape[3]!);
        chunks[k].push(values[k + 1] as Float32Array);
      });
      tf.dispose(outs);
    }
    const features = chunks.map((parts) => {
      const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
      let off = 0;
      for (const p of parts) {
        out.set(p, off);
        off += p.length;
      }
      return out;
    });
    const result: BackboneFeatures = { accuracy: (100 * correct) / n, channels, features };
    this.cache.set(key, result);
    return result;
  }

  async evaluateBackbone(modality: Modality, genome: BackboneGenome, ctx?: EvalContext): Promise<AccuracyPair> {
    if (aborted(ctx?.signal)) throw new EvaluationAborted();
    const val = (await this.pass(modality, genome, 'val')).accuracy;
    if (aborted(ctx?.signal)) throw new EvaluationAborted();
    const test = (await this.pass(modality, genome, 'test')).accuracy;
    return this.settings.paperFaithful ? { valAccuracy: val, testAccuracy: test, selectionSplit: 'test' } : { valAccuracy: val, testAccuracy: test };
  }

  /** Pooled features of both frozen backbones for every sample of every split. */
  async features(imageGenome: BackboneGenome, audioGenome: BackboneGenome): Promise<CachedFeatures> {
    const splitOf = async (which: SplitName): Promise<CachedSplit> => {
      const a = await this.pass('image', imageGenome, which);
      const b = await this.pass('audio', audioGenome, which);
      return {
        n: this.count(which),
        channels: [...a.channels, ...b.channels],
        features: [...a.features, ...b.features],
        labels: Int32Array.from(this.data[which].labels.subarray(0, this.count(which))),
      };
    };
    // a training split smaller than trainSubset is repeated (whole passes) towards it
    const subset = this.settings.trainSubset ?? 0;
    const passes = Math.max(1, Math.floor(subset / this.data.train.count));
    return { train: repeatSplit(await splitOf('train'), passes), val: await splitOf('val'), test: await splitOf('test') };
  }

  async searchFusion(imageGenome: BackboneGenome, audioGenome: BackboneGenome, macro: FusionMacro, hooks?: FusionHooks): Promise<FusionResult> {
    if (aborted(hooks?.signal)) throw new EvaluationAborted();
    const features = await this.features(imageGenome, audioGenome);
    if (aborted(hooks?.signal)) throw new EvaluationAborted();
    const s = this.settings;
    try {
      const r = await runFusionSearch({
        features,
        macro,
        table: this.table,
        seed: hooks?.seed ?? 0,
        C: s.C,
        ...hardwareWeights(s),
        epochs: s.fusionEpochs,
        retrainEpochs: s.retrainEpochs,
        retrainLr: s.retrainLr ?? LEGACY_RETRAIN_LR,
        paperFaithful: s.paperFaithful,
        batchSize: this.batchSize,
        // Returned (not awaited here): a fusion search that awaits its epoch callback pauses there.
        onProgress: hooks?.onEpoch,
        shouldCancel: () => aborted(hooks?.signal),
      });
      if (r.network) this.networks.set(networkKey(imageGenome, audioGenome, macro), { genotype: JSON.parse(JSON.stringify(r.genotype)), ...r.network });
      return {
        // JSON-safe; keeps each cell's step wiring (`stepInputs`) for export.
        genotype: JSON.parse(JSON.stringify(r.genotype)),
        fusionOps: [...r.fusionOps],
        valAccuracy: r.valAccuracy,
        testAccuracy: r.testAccuracy,
        ...(s.paperFaithful ? { selectionSplit: 'test' as const } : {}),
        candidates: r.candidates.map((c, i) => ({
          genotype: JSON.parse(JSON.stringify(c.genotype)),
          fusionOps: [...c.fusionOps],
          epochs: [...c.epochs],
          valAccuracy: c.valAccuracy,
          valCrossEntropy: c.valCrossEntropy,
          objective: c.objective,
          kept: i === r.keptCandidate,
        })),
      };
    } catch (err) {
      if (err instanceof FusionSearchCancelled) throw new EvaluationAborted();
      throw err;
    }
  }
}
