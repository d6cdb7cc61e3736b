// One layer of a device table, built alone on the current tfjs backend so that it can be
// timed (the profiling worker): a layer key (the LUT grammar of src/core/backbone-layers.ts and
// the fusion operator keys) → seeded weights and a batch-1 input, and a forward pass in
// inference mode — convolution, folded-in BatchNorm statistics and activation as the extracted
// networks run them; the fusion operators through src/ml/fusion/ops.ts on two [1, L, C] inputs.

import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../core/rng';
import { parseLayerKey, type LayerKey } from '../../core/layer-key';
import { FUSION_OPS, type FusionOp } from '../../core/types';
import { VarStore, evalCtx } from '../fusion/layers';
import { applyOp, makeOp } from '../fusion/ops';

export interface LayerRunner {
  key: string;
  /** One forward pass; returns the output (the caller reads it to synchronise, then disposes). */
  forward(): tf.Tensor;
  dispose(): void;
}

function randn(rng: Rng, shape: number[], scale = 0.1): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = rng.normal() * scale;
  return tf.tensor(data, shape);
}

/** conv → (BN with fixed statistics) → ReLU, as an extracted network runs one ConvLayer. */
function convRunner({ key, cin, h, cout, k, s, bn }: Extract<LayerKey, { kind: 'ConvLayer' }>, rng: Rng): LayerRunner {
  const x = randn(rng, [1, h, h, cin], 1) as tf.Tensor4D;
  const w = randn(rng, [k, k, cin, cout]) as tf.Tensor4D;
  const stats = bn ? [randn(rng, [cout]), tf.ones([cout]), tf.ones([cout]), tf.zeros([cout])] : [];
  return {
    key,
    forward: () =>
      tf.tidy(() => {
        let y: tf.Tensor = tf.conv2d(x, w, s, 'same');
        if (bn) y = tf.batchNorm(y, stats[0], stats[1], stats[3], stats[2], 1e-5);
        return tf.relu(y);
      }),
    dispose: () => tf.dispose([x, w, ...stats]),
  };
}

/** The MBConv block: 1×1 expand → BN → ReLU, k×k depthwise → BN → ReLU, 1×1 project → BN, (+ input). */
function mbconvRunner({ key, cin, h, cout, e, mid, k, s }: Extract<LayerKey, { kind: 'MBConvLayer' }>, rng: Rng): LayerRunner {
  const x = randn(rng, [1, h, h, cin], 1) as tf.Tensor4D;
  const expand = e === 1 ? null : (randn(rng, [1, 1, cin, mid]) as tf.Tensor4D);
  const dw = randn(rng, [k, k, mid, 1]) as tf.Tensor4D;
  const project = randn(rng, [1, 1, mid, cout]) as tf.Tensor4D;
  const bnOf = (c: number) => [randn(rng, [c]), tf.ones([c]), tf.ones([c]), tf.zeros([c])];
  const bns = [bnOf(mid), bnOf(mid), bnOf(cout)];
  const bn = (t: tf.Tensor, p: tf.Tensor[]) => tf.batchNorm(t, p[0], p[1], p[3], p[2], 1e-5);
  const residual = s === 1 && cin === cout;
  return {
    key,
    forward: () =>
      tf.tidy(() => {
        let u: tf.Tensor4D = expand ? (tf.relu(bn(tf.conv2d(x, expand, 1, 'same'), bns[0])) as tf.Tensor4D) : x;
        u = tf.relu(bn(tf.depthwiseConv2d(u, dw, s, 'same'), bns[1])) as tf.Tensor4D;
        const out = bn(tf.conv2d(u, project, 1, 'same'), bns[2]);
        return residual ? tf.add(out, x) : out;
      }),
    dispose: () => tf.dispose([x, dw, project, ...(expand ? [expand] : []), ...bns.flat()]),
  };
}

function linearRunner({ key, cin, cout }: Extract<LayerKey, { kind: 'LinearLayer' }>, rng: Rng): LayerRunner {
  const x = randn(rng, [1, cin], 1) as tf.Tensor2D;
  const w = randn(rng, [cin, cout]) as tf.Tensor2D;
  const b = randn(rng, [cout]);
  return { key, forward: () => tf.tidy(() => tf.add(tf.matMul(x, w), b)), dispose: () => tf.dispose([x, w, b]) };
}

function fusionRunner(key: string, op: FusionOp, c: number, l: number, rng: Rng): LayerRunner {
  const store = new VarStore(rng);
  const params = makeOp(store, op, c);
  const x = randn(rng, [1, l, c], 1);
  const y = randn(rng, [1, l, c], 1);
  const ctx = evalCtx();
  return {
    key,
    forward: () => tf.tidy(() => applyOp(params, x, y, ctx)),
    dispose: () => tf.dispose([x, y, ...store.weights, ...store.stats]),
  };
}

/** The layer of `key`, ready to time; throws for a key it cannot build. */
export function layerRunner(key: string, seed = 1): LayerRunner {
  const rng = new Rng(seed);
  const k = parseLayerKey(key);
  if (k.kind === 'ConvLayer') return convRunner(k, rng);
  if (k.kind === 'MBConvLayer') return mbconvRunner(k, rng);
  if (k.kind === 'LinearLayer') return linearRunner(k, rng);
  if ((FUSION_OPS as readonly string[]).includes(k.op)) return fusionRunner(key, k.op as FusionOp, k.c, k.l, rng);
  throw new Error(`cannot build layer "${key}" on its own`);
}
