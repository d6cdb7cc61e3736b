// The work one table entry stands for, read from its layer key (the LUT key grammar of
// ../backbone-layers.ts and ../cost-model.ts): floating-point operations, bytes of activations
// and weights moved (float32), and the number of framework kernels a batch-1 forward pass
// launches (our reading of a PyTorch eager implementation: each conv, BN, activation, add,
// concat, matmul, softmax or norm is one). The estimated-board model (./roofline.ts) prices
// these three with a board's published figures.

import { parseLayerKey, type LayerKey } from '../layer-key';

export interface LayerWorkload {
  flops: number;
  bytes: number;
  kernels: number;
}

const F32 = 4;
const outSize = (h: number, k: number, s: number) => Math.floor((h + 2 * Math.floor(k / 2) - k) / s) + 1;

function conv({ cin, h, cout, k, s, bn }: Extract<LayerKey, { kind: 'ConvLayer' }>): LayerWorkload {
  const ho = outSize(h, k, s);
  return {
    flops: 2 * ho * ho * cin * cout * k * k,
    bytes: F32 * (h * h * cin + ho * ho * cout * (bn ? 3 : 2) + k * k * cin * cout),
    kernels: 2 + (bn ? 1 : 0), // conv, (BN), activation
  };
}

function mbconv({ cin, h, cout, e, mid, k, s }: Extract<LayerKey, { kind: 'MBConvLayer' }>): LayerWorkload {
  const ho = outSize(h, k, s);
  const residual = s === 1 && cin === cout;
  const expand = e === 1 ? 0 : 1;
  return {
    flops: 2 * (expand * h * h * cin * mid + ho * ho * mid * k * k + ho * ho * mid * cout),
    bytes:
      F32 *
      (h * h * cin + expand * 3 * h * h * mid + 3 * ho * ho * mid + 2 * ho * ho * cout + (residual ? 2 * ho * ho * cout : 0) + expand * cin * mid + k * k * mid + mid * cout),
    kernels: 3 * expand + 3 + 2 + (residual ? 1 : 0), // expand conv/BN/act, depthwise conv/BN/act, project conv/BN, add
  };
}

function linear({ cin, cout }: Extract<LayerKey, { kind: 'LinearLayer' }>): LayerWorkload {
  return { flops: 2 * cin * cout, bytes: F32 * (cin + cout + cin * cout), kernels: 1 };
}

/** The six fusion operators on two [L, C] inputs (src/ml/fusion/ops.ts says what each computes). */
function fusion({ op, c, l, key }: Extract<LayerKey, { kind: 'fusion' }>): LayerWorkload {
  const act = l * c;
  switch (op) {
    case 'Sum':
      return { flops: act, bytes: F32 * 3 * act, kernels: 1 };
    case 'ScaleDotAttn': // x·yᵀ, scale, softmax, ·y, add, LayerNorm
      return { flops: 4 * l * l * c + 8 * act, bytes: F32 * (6 * act + 3 * l * l), kernels: 6 };
    case 'LinearGLU': // concat, 1×1 2C→2C, BN, sigmoid, multiply
      return { flops: 2 * l * 2 * c * 2 * c + 6 * act, bytes: F32 * (2 * act + 4 * c * c + 8 * act), kernels: 5 };
    case 'ConcatFC': // concat, 1×1 2C→C, BN, ReLU
    case 'CatConvMish': // concat, 1×1 2C→C, BN, Mish
      return { flops: 2 * l * 2 * c * c + 4 * act, bytes: F32 * (4 * act + 2 * c * c + 4 * act), kernels: 4 };
    case 'SE1':
    case 'SE2': // mean over L, linear C→C, sigmoid, gate
      return { flops: act + 2 * c * c + 2 * act, bytes: F32 * (3 * act + c * c), kernels: 4 };
    default:
      throw new Error(`unknown fusion operator in layer key "${key}"`);
  }
}

export function layerWorkload(key: string): LayerWorkload {
  const k = parseLayerKey(key);
  if (k.kind === 'ConvLayer') return conv(k);
  if (k.kind === 'MBConvLayer') return mbconv(k);
  if (k.kind === 'LinearLayer') return linear(k);
  return fusion(k);
}
