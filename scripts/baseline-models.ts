// Tiny models in plain typed arrays for the AV-MNIST unimodal baselines (scripts/train-baseline.ts):
// a small fixed CNN and a linear softmax classifier.
// tfjs's cpu backend in Node trains convolutions too slowly on this shared machine, so the
// baseline's fixed network is written out by hand: forward, backward and Adam, nothing else.
//
// Network: conv 3×3 (1→c1) + ReLU → max-pool 2 → conv 3×3 (c1→c2) + ReLU → max-pool 2 →
// dense → 10 logits; softmax cross-entropy. Layout: channel-major [c][y][x]; inputs have 1 channel.

import type { Rng } from '../src/core/rng';

interface Param {
  w: Float32Array;
  g: Float32Array;
  m: Float32Array;
  v: Float32Array;
}

function param(n: number, fanIn: number, rng: Rng | null): Param {
  const w = new Float32Array(n);
  if (rng) {
    const a = Math.sqrt(6 / fanIn); // He uniform
    for (let i = 0; i < n; i++) w[i] = (2 * rng.next() - 1) * a;
  }
  return { w, g: new Float32Array(n), m: new Float32Array(n), v: new Float32Array(n) };
}

/** Adam update (β 0.9 / 0.999) of parameters whose gradients are sums over `batch` samples. */
function adam(params: Param[], batch: number, lr: number, step: number): void {
  const c1 = 1 - 0.9 ** step;
  const c2 = 1 - 0.999 ** step;
  for (const p of params) {
    for (let i = 0; i < p.w.length; i++) {
      const g = p.g[i] / batch;
      p.m[i] = 0.9 * p.m[i] + 0.1 * g;
      p.v[i] = 0.999 * p.v[i] + 0.001 * g * g;
      p.w[i] -= (lr * (p.m[i] / c1)) / (Math.sqrt(p.v[i] / c2) + 1e-8);
    }
  }
}

/** Index of the largest value (the first one on ties): the predicted class. */
function argMax(z: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < z.length; c++) if (z[c] > z[best]) best = c;
  return best;
}

/** Softmax cross-entropy of one sample: its loss and ∂loss/∂logits (softmax − one-hot). */
function softmaxCrossEntropy(logits: Float32Array, label: number): { loss: number; dLogits: number[] } {
  const max = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return { loss: -Math.log(e[label] / sum), dLogits: Array.from(e, (v, c) => v / sum - (c === label ? 1 : 0)) };
}

/** Valid 3×3 convolution + ReLU. */
class Conv3 {
  readonly k: Param;
  readonly b: Param;
  readonly oh: number;
  readonly ow: number;
  constructor(readonly cin: number, readonly cout: number, readonly h: number, readonly wd: number, rng: Rng) {
    this.k = param(cout * cin * 9, cin * 9, rng);
    this.b = param(cout, 1, null);
    this.oh = h - 2;
    this.ow = wd - 2;
  }
  forward(x: Float32Array): Float32Array {
    const { cin, cout, wd, oh, ow } = this;
    const out = new Float32Array(cout * oh * ow);
    const k = this.k.w;
    for (let o = 0; o < cout; o++) {
      const base = o * oh * ow;
      out.fill(this.b.w[o], base, base + oh * ow);
      for (let c = 0; c < cin; c++) {
        const xi = c * this.h * wd;
        for (let ky = 0; ky < 3; ky++) {
          for (let kx = 0; kx < 3; kx++) {
            const kv = k[((o * cin + c) * 3 + ky) * 3 + kx];
            for (let y = 0; y < oh; y++) {
              const row = xi + (y + ky) * wd + kx;
              const orow = base + y * ow;
              for (let xx = 0; xx < ow; xx++) out[orow + xx] += kv * x[row + xx];
            }
          }
        }
      }
    }
    for (let i = 0; i < out.length; i++) if (out[i] < 0) out[i] = 0;
    return out;
  }
  /** dy: gradient w.r.t. the ReLU output y; accumulates parameter gradients, returns dx. */
  backward(x: Float32Array, y: Float32Array, dy: Float32Array): Float32Array {
    const { cin, cout, wd, oh, ow } = this;
    const dx = new Float32Array(x.length);
    const k = this.k.w;
    const gk = this.k.g;
    for (let i = 0; i < dy.length; i++) if (y[i] <= 0) dy[i] = 0;
    for (let o = 0; o < cout; o++) {
      const base = o * oh * ow;
      let gb = 0;
      for (let i = 0; i < oh * ow; i++) gb += dy[base + i];
      this.b.g[o] += gb;
      for (let c = 0; c < cin; c++) {
        const xi = c * this.h * wd;
        for (let ky = 0; ky < 3; ky++) {
          for (let kx = 0; kx < 3; kx++) {
            const ki = ((o * cin + c) * 3 + ky) * 3 + kx;
            const kv = k[ki];
            let acc = 0;
            for (let yy = 0; yy < oh; yy++) {
              const row = xi + (yy + ky) * wd + kx;
              const orow = base + yy * ow;
              for (let xx = 0; xx < ow; xx++) {
                const d = dy[orow + xx];
                acc += d * x[row + xx];
                dx[row + xx] += d * kv;
              }
            }
            gk[ki] += acc;
          }
        }
      }
    }
    return dx;
  }
}

/** 2×2 max-pool (floor), remembering the winners. */
function pool(x: Float32Array, c: number, h: number, w: number) {
  const oh = h >> 1;
  const ow = w >> 1;
  const out = new Float32Array(c * oh * ow);
  const arg = new Int32Array(out.length);
  for (let ch = 0; ch < c; ch++) {
    for (let y = 0; y < oh; y++) {
      for (let xx = 0; xx < ow; xx++) {
        let best = -Infinity;
        let bi = 0;
        for (let dy = 0; dy < 2; dy++) {
          for (let dx = 0; dx < 2; dx++) {
            const i = ch * h * w + (2 * y + dy) * w + 2 * xx + dx;
            if (x[i] > best) {
              best = x[i];
              bi = i;
            }
          }
        }
        const o = ch * oh * ow + y * ow + xx;
        out[o] = best;
        arg[o] = bi;
      }
    }
  }
  return { out, arg, oh, ow };
}

export class TinyCnn {
  private readonly conv1: Conv3;
  private readonly conv2: Conv3;
  private readonly dense: Param;
  private readonly denseB: Param;
  private readonly flat: number;
  private step = 0;

  constructor(h: number, w: number, rng: Rng, c1 = 8, c2 = 16, readonly classes = 10) {
    this.conv1 = new Conv3(1, c1, h, w, rng);
    const p1h = this.conv1.oh >> 1;
    const p1w = this.conv1.ow >> 1;
    this.conv2 = new Conv3(c1, c2, p1h, p1w, rng);
    this.flat = c2 * (this.conv2.oh >> 1) * (this.conv2.ow >> 1);
    this.dense = param(classes * this.flat, this.flat, rng);
    this.denseB = param(classes, 1, null);
  }

  private params(): Param[] {
    return [this.conv1.k, this.conv1.b, this.conv2.k, this.conv2.b, this.dense, this.denseB];
  }

  private forward(x: Float32Array) {
    const a1 = this.conv1.forward(x);
    const p1 = pool(a1, this.conv1.cout, this.conv1.oh, this.conv1.ow);
    const a2 = this.conv2.forward(p1.out);
    const p2 = pool(a2, this.conv2.cout, this.conv2.oh, this.conv2.ow);
    const logits = new Float32Array(this.classes);
    for (let c = 0; c < this.classes; c++) {
      let s = this.denseB.w[c];
      const row = c * this.flat;
      for (let i = 0; i < this.flat; i++) s += this.dense.w[row + i] * p2.out[i];
      logits[c] = s;
    }
    return { a1, p1, a2, p2, logits };
  }

  predict(x: Float32Array): number {
    return argMax(this.forward(x).logits);
  }

  /** One Adam step on a batch; returns the mean cross-entropy. */
  trainBatch(xs: Float32Array[], labels: number[], lr = 2e-3): number {
    for (const p of this.params()) p.g.fill(0);
    let loss = 0;
    xs.forEach((x, n) => {
      const f = this.forward(x);
      const ce = softmaxCrossEntropy(f.logits, labels[n]);
      loss += ce.loss;
      const dFlat = new Float32Array(this.flat);
      for (let c = 0; c < this.classes; c++) {
        const d = ce.dLogits[c];
        this.denseB.g[c] += d;
        const row = c * this.flat;
        for (let i = 0; i < this.flat; i++) {
          this.dense.g[row + i] += d * f.p2.out[i];
          dFlat[i] += d * this.dense.w[row + i];
        }
      }
      const dA2 = new Float32Array(f.a2.length);
      f.p2.arg.forEach((src, i) => (dA2[src] += dFlat[i]));
      const dP1 = this.conv2.backward(f.p1.out, f.a2, dA2);
      const dA1 = new Float32Array(f.a1.length);
      f.p1.arg.forEach((src, i) => (dA1[src] += dP1[i]));
      this.conv1.backward(x, f.a1, dA1);
    });
    this.step++;
    adam(this.params(), xs.length, lr, this.step);
    return loss / xs.length;
  }

  snapshot(): Float32Array[] {
    return this.params().map((p) => p.w.slice());
  }

  restore(weights: Float32Array[]): void {
    this.params().forEach((p, i) => p.w.set(weights[i]));
  }
}

/** Softmax regression on the flattened input (the "linear classifier" check). */
export class LinearSoftmax {
  private readonly w: Param;
  private readonly b: Param;
  private step = 0;

  constructor(readonly inputs: number, readonly classes = 10) {
    this.w = param(classes * inputs, inputs, null);
    this.b = param(classes, 1, null);
  }

  private logits(x: Float32Array): Float32Array {
    const z = new Float32Array(this.classes);
    for (let c = 0; c < this.classes; c++) {
      let s = this.b.w[c];
      for (let i = 0; i < this.inputs; i++) s += this.w.w[c * this.inputs + i] * x[i];
      z[c] = s;
    }
    return z;
  }

  predict(x: Float32Array): number {
    return argMax(this.logits(x));
  }

  trainBatch(xs: Float32Array[], labels: number[], lr = 2e-3): number {
    this.w.g.fill(0);
    this.b.g.fill(0);
    let loss = 0;
    xs.forEach((x, n) => {
      const ce = softmaxCrossEntropy(this.logits(x), labels[n]);
      loss += ce.loss;
      for (let c = 0; c < this.classes; c++) {
        const d = ce.dLogits[c];
        this.b.g[c] += d;
        for (let i = 0; i < this.inputs; i++) this.w.g[c * this.inputs + i] += d * x[i];
      }
    });
    this.step++;
    adam([this.w, this.b], xs.length, lr, this.step);
    return loss / xs.length;
  }

  snapshot(): Float32Array[] {
    return [this.w.w.slice(), this.b.w.slice()];
  }

  restore(weights: Float32Array[]): void {
    this.w.w.set(weights[0]);
    this.b.w.set(weights[1]);
  }
}
