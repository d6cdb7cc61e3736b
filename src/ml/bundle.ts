// A model bundle: one found multimodal network, runnable outside the search. `model.json`
// describes it (both genomes, in our compact form and OFA's list form, the fusion macro and
// genotype, board, latency, energy, validation and test accuracy, dataset, seed, app version);
// `image/` and `audio/` hold the two extracted backbones (BN statistics as the search scored
// them) as TensorFlow.js layers models; `fusion/weights.bin` the retrained fusion network's
// weights, described in model.json. `loadBundle` rebuilds it, `predictLogits` runs it.
//
//   const b = await loadBundle(files);         // files: path → bytes, e.g. from the zip
//   const logits = predictLogits(b, images, audio);   // NHWC single-channel batches
//   const { accuracy, n } = await bundleAccuracy(b, split); // a split of the dataset
//   b.dispose();

import * as tf from '@tensorflow/tfjs';
import type { BackboneGenome, FusionGenotype, FusionMacro } from '../core/types';
import { formatGenome, validateGenome } from '../core/genome';
import { validateFusionGenotype } from '../core/fusion-genotype';
import { Rng } from '../core/rng';
import { createDiscreteNet, discreteForward, disposeDiscreteNet, type DiscreteNet } from './fusion/discrete-network';
import { importNetWeights, type NetWeights } from './fusion/net-weights';
import type { FusionNetConfig } from './fusion/cell-common';
import { adaptiveMaxPool4 } from './fusion/feature-projection';
import { runExtracted } from './supernet/extract';
import { fusableFeatures } from './search-evaluator';

export const BUNDLE_FORMAT = 'harmonic-nas-bundle/1';
/** Path → bytes of a bundle's files. */
export type BundleFiles = Record<string, Uint8Array>;

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  appVersion: string;
  /** 'avmnist' (the demo set), 'avmnist-unseen' (its unseen-speaker variant) or 'upload' (a dataset uploaded in the browser). */
  dataset: string;
  /** The dataset's name as the app shows it (the upload's manifest name). */
  datasetName?: string;
  seed: number;
  device: string;
  image: { genome: string; ofa: { ks: number[]; e: number[]; d: number[] }; inputSize: number };
  audio: { genome: string; ofa: { ks: number[]; e: number[]; d: number[] }; inputSize: number };
  fusion: { macro: FusionMacro; genotype: FusionGenotype; ops: string[]; config: Omit<FusionNetConfig, 'cells' | 'nodes'> };
  latencyMs: number;
  energyMj: number;
  /** %, on the splits of `dataset`; selectionSplit says which one chose the network. */
  valAccuracy: number;
  testAccuracy: number;
  selectionSplit: 'val' | 'test';
  /** The fusion network's arrays in fusion/weights.bin, in order: weights then statistics. */
  fusionWeights: { name: string; shape: number[] }[];
}

/** The genome in OFA's list form (one elastic stage: `d` is a one-element list). */
export const ofaForm = (g: BackboneGenome) => ({ ks: [...g.ks], e: [...g.e], d: [g.d] });

async function saveLayers(model: tf.LayersModel): Promise<{ json: Uint8Array; bin: Uint8Array }> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (a) => {
    saved = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  const a = saved as unknown as tf.io.ModelArtifacts;
  const data = a.weightData instanceof ArrayBuffer ? a.weightData : tf.io.concatenateArrayBuffers(a.weightData as ArrayBuffer[]);
  const json = { format: 'layers-model', generatedBy: 'harmonic-nas-playground', modelTopology: a.modelTopology, weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }] };
  return { json: new TextEncoder().encode(JSON.stringify(json)), bin: new Uint8Array(data) };
}

function concat(parts: Float32Array[]): Uint8Array {
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return new Uint8Array(out.buffer);
}

export interface BundleInput {
  meta: Omit<BundleManifest, 'format' | 'fusionWeights' | 'image' | 'audio' | 'fusion'>;
  image: { genome: BackboneGenome; model: tf.LayersModel; inputSize: number };
  audio: { genome: BackboneGenome; model: tf.LayersModel; inputSize: number };
  fusion: { macro: FusionMacro; genotype: FusionGenotype; ops: string[]; config: Omit<FusionNetConfig, 'cells' | 'nodes'>; weights: NetWeights };
}

export async function buildBundle(b: BundleInput): Promise<BundleFiles> {
  const arrays = [...b.fusion.weights.weights.map((w, i) => ({ name: `weight_${i}`, ...w })), ...b.fusion.weights.stats.map((w, i) => ({ name: `stat_${i}`, ...w }))];
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    ...b.meta,
    image: { genome: formatGenome(b.image.genome), ofa: ofaForm(b.image.genome), inputSize: b.image.inputSize },
    audio: { genome: formatGenome(b.audio.genome), ofa: ofaForm(b.audio.genome), inputSize: b.audio.inputSize },
    fusion: { macro: b.fusion.macro, genotype: b.fusion.genotype, ops: b.fusion.ops, config: b.fusion.config },
    fusionWeights: arrays.map((a) => ({ name: a.name, shape: a.shape })),
  };
  const image = await saveLayers(b.image.model);
  const audio = await saveLayers(b.audio.model);
  return {
    'model.json': new TextEncoder().encode(JSON.stringify(manifest, null, 1)),
    'image/model.json': image.json,
    'image/weights.bin': image.bin,
    'audio/model.json': audio.json,
    'audio/weights.bin': audio.bin,
    'fusion/weights.bin': concat(arrays.map((a) => a.data)),
  };
}

export interface LoadedBundle {
  manifest: BundleManifest;
  image: tf.LayersModel;
  audio: tf.LayersModel;
  fusion: DiscreteNet;
  imageDepth: number;
  audioDepth: number;
  dispose(): void;
}

function file(files: BundleFiles, path: string): Uint8Array {
  const f = files[path];
  if (!f) throw new Error(`the bundle has no ${path}`);
  return f;
}

async function loadLayers(files: BundleFiles, dir: string): Promise<tf.LayersModel> {
  const json = JSON.parse(new TextDecoder().decode(file(files, `${dir}/model.json`)));
  const bin = file(files, `${dir}/weights.bin`);
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));
}

/** Rebuilds a bundle's network; throws naming what is missing or does not fit. */
export async function loadBundle(files: BundleFiles): Promise<LoadedBundle> {
  const manifest = JSON.parse(new TextDecoder().decode(file(files, 'model.json'))) as BundleManifest;
  if (manifest.format !== BUNDLE_FORMAT) throw new Error(`model.json is not a ${BUNDLE_FORMAT} bundle (format ${JSON.stringify(manifest.format)})`);
  const imageGenome = validateGenome({ ...manifest.image.ofa, d: manifest.image.ofa.d[0] });
  const audioGenome = validateGenome({ ...manifest.audio.ofa, d: manifest.audio.ofa.d[0] });
  const genotype = validateFusionGenotype(manifest.fusion.genotype, manifest.fusion.macro);
  const bin = file(files, 'fusion/weights.bin');
  const all = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  let off = 0;
  const arrays = manifest.fusionWeights.map((w) => {
    const n = w.shape.reduce((a, b) => a * b, 1);
    const data = all.subarray(off, off + n);
    off += n;
    return { name: w.name, shape: w.shape, data };
  });
  if (off !== all.length) throw new Error(`fusion/weights.bin holds ${all.length} values, model.json describes ${off}`);
  const fusion = createDiscreteNet(genotype, manifest.fusion.config, new Rng(0));
  try {
    importNetWeights(fusion, { weights: arrays.filter((a) => a.name.startsWith('weight_')), stats: arrays.filter((a) => a.name.startsWith('stat_')) });
  } catch (err) {
    disposeDiscreteNet(fusion);
    throw err;
  }
  const image = await loadLayers(files, 'image');
  const audio = await loadLayers(files, 'audio');
  return {
    manifest,
    image,
    audio,
    fusion,
    imageDepth: imageGenome.d,
    audioDepth: audioGenome.d,
    dispose() {
      image.dispose();
      audio.dispose();
      disposeDiscreteNet(fusion);
    },
  };
}

/** One backbone's 4 fusable features, max-pooled to 4×4, as the search fed them to the fusion. */
function pooled(model: tf.LayersModel, x: tf.Tensor4D, depth: number): tf.Tensor3D[] {
  const { logits, features } = runExtracted(model, x);
  logits.dispose();
  return fusableFeatures(features, depth).map((f) => {
    const p = adaptiveMaxPool4(f);
    return p.reshape([p.shape[0], 16, p.shape[3]]) as tf.Tensor3D;
  });
}

/**
 * Logits [N, classes] of the bundle's network on image [N, H, W, 1] and audio [N, H, W, 1]
 * batches (call inside tf.tidy, or dispose the result).
 */
export function predictLogits(b: LoadedBundle, images: tf.Tensor4D, audio: tf.Tensor4D): tf.Tensor2D {
  return tf.tidy(() => {
    const features = [...pooled(b.image, images, b.imageDepth), ...pooled(b.audio, audio, b.audioDepth)];
    return discreteForward(b.fusion, features, { training: false, updateStats: false, nextSeed: () => 0 });
  });
}

/** A split to score a bundle on: N image maps, N audio maps (row-major, one channel) and labels. */
export interface BundleSplit {
  count: number;
  images: Float32Array;
  audio: Float32Array;
  labels: Uint8Array;
}

/** Top-1 accuracy (%) of the bundle's network on `split`, and the number of samples. */
export async function bundleAccuracy(b: LoadedBundle, split: BundleSplit, batchSize = 64): Promise<{ accuracy: number; n: number }> {
  const ia = b.manifest.image.inputSize ** 2;
  const aa = b.manifest.audio.inputSize ** 2;
  let correct = 0;
  for (let start = 0; start < split.count; start += batchSize) {
    const m = Math.min(batchSize, split.count - start);
    const hits = tf.tidy(() => {
      const x = tf.tensor4d(split.images.subarray(start * ia, (start + m) * ia), [m, b.manifest.image.inputSize, b.manifest.image.inputSize, 1]);
      const y = tf.tensor4d(split.audio.subarray(start * aa, (start + m) * aa), [m, b.manifest.audio.inputSize, b.manifest.audio.inputSize, 1]);
      const labels = tf.tensor1d(Int32Array.from(split.labels.subarray(start, start + m)), 'int32');
      return tf.sum(tf.equal(tf.argMax(predictLogits(b, x, y), 1), labels).toInt());
    });
    correct += (await hits.data())[0];
    hits.dispose();
  }
  return { accuracy: (100 * correct) / split.count, n: split.count };
}
