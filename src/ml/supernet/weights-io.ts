// Supernet weights ↔ {manifest, ArrayBuffer} in the TensorFlow.js weights format (a
// weightsManifest of named float32 specs + one binary), for the shipped pretrained supernets
// (public/models/avmnist-{image,audio}/) and for saving trained supernets. Every shared variable
// is stored, BN running statistics and kernel transforms included.

import * as tf from '@tensorflow/tfjs';
import type { SupernetConfig } from './config';
import { Supernet } from './supernet';

export const SUPERNET_FORMAT = 'harmonic-nas-supernet';

export interface SupernetManifest {
  format: typeof SUPERNET_FORMAT;
  formatVersion: 1;
  config: SupernetConfig;
  weightsManifest: tf.io.WeightsManifestConfig;
}

/** Encodes every variable of `net` (binary file name `weightsFile`, relative to the manifest). */
export async function serializeSupernet(net: Supernet, weightsFile = 'supernet.bin'): Promise<{ manifest: SupernetManifest; data: ArrayBuffer }> {
  const named = net.namedVariables().map(([name, tensor]) => ({ name, tensor }));
  const { data, specs } = await tf.io.encodeWeights(named);
  return {
    manifest: {
      format: SUPERNET_FORMAT,
      formatVersion: 1,
      config: net.config,
      weightsManifest: [{ paths: [weightsFile], weights: specs }],
    },
    data,
  };
}

/** Checks a parsed manifest; throws naming what is wrong. */
export function checkSupernetManifest(json: unknown): SupernetManifest {
  const m = json as Partial<SupernetManifest> | null;
  if (!m || m.format !== SUPERNET_FORMAT || m.formatVersion !== 1) throw new Error(`not a ${SUPERNET_FORMAT} v1 manifest`);
  if (!m.config || !Array.isArray(m.weightsManifest) || m.weightsManifest.length !== 1) throw new Error('supernet manifest lacks config or a single weights group');
  return m as SupernetManifest;
}

/** Writes decoded weights into an existing supernet of the same configuration. */
export function loadSupernetWeights(net: Supernet, manifest: SupernetManifest, data: ArrayBuffer): void {
  const specs = manifest.weightsManifest[0].weights;
  const tensors = tf.io.decodeWeights(data, specs);
  try {
    for (const [name, v] of net.namedVariables()) {
      const t = tensors[name];
      if (!t) throw new Error(`supernet weights lack "${name}"`);
      if (t.shape.join(',') !== v.shape.join(',')) throw new Error(`"${name}" has shape [${t.shape}], expected [${v.shape}]`);
      v.assign(t);
    }
  } finally {
    tf.dispose(Object.values(tensors));
  }
}

/** A new supernet built from a manifest and its binary. */
export function deserializeSupernet(manifest: SupernetManifest, data: ArrayBuffer): Supernet {
  const net = new Supernet(manifest.config, 0);
  try {
    loadSupernetWeights(net, manifest, data);
  } catch (e) {
    net.dispose();
    throw e;
  }
  return net;
}

/** Fetches `<baseUrl>/supernet.json` and its binary and builds the supernet. */
export async function fetchSupernet(baseUrl: string, fetchFn: typeof fetch = (i, o) => fetch(i, o), manifestFile = 'supernet.json'): Promise<Supernet> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const res = await fetchFn(base + manifestFile);
  if (!res.ok) throw new Error(`supernet manifest missing (HTTP ${res.status} for ${base + manifestFile})`);
  const manifest = checkSupernetManifest(await res.json());
  const bin = manifest.weightsManifest[0].paths[0];
  const binRes = await fetchFn(base + bin);
  if (!binRes.ok) throw new Error(`supernet weights missing (HTTP ${binRes.status} for ${base + bin})`);
  return deserializeSupernet(manifest, await binRes.arrayBuffer());
}
