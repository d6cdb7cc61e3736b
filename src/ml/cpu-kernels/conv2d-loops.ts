// Flat typed-array loops of the regular NHWC convolution and its two gradients, used by the fast
// cpu kernels that make supernet training practical in Node. Every loop walks output
// pixels × valid kernel taps × input channels with the output-channel loop innermost: in NHWC
// and HWIO layouts that loop is contiguous in every array it touches, so a 1×1 convolution
// becomes a cache-friendly (pixels × Ci) · (Ci × Co) matrix product. Sums over many terms
// (forward outputs, filter gradients) accumulate in Float64Array.

import type { ConvGeometry } from './geometry';

/** Range [lo, hi) of kernel taps that land inside an input of size `size` from corner `c0`. */
export function tapRange(c0: number, k: number, size: number): [number, number] {
  return [Math.max(0, -c0), Math.min(k, size - c0)];
}

/** y[b,oy,ox,co] = Σ x[b, oy·s − pad + ky, ox·s − pad + kx, ci] · w[ky,kx,ci,co]. */
export function conv2dForward(x: ArrayLike<number>, w: ArrayLike<number>, g: ConvGeometry): Float32Array {
  const { batch, inH, inW, inC: Ci, outH, outW, outC: Co, kH, kW, strideH, strideW, padTop, padLeft } = g;
  const y = new Float32Array(batch * outH * outW * Co);
  const acc = new Float64Array(Co);
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      const [ky0, ky1] = tapRange(iy0, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padLeft;
        const [kx0, kx1] = tapRange(ix0, kW, inW);
        acc.fill(0);
        for (let ky = ky0; ky < ky1; ky++) {
          for (let kx = kx0; kx < kx1; kx++) {
            const xo = ((b * inH + iy0 + ky) * inW + ix0 + kx) * Ci;
            const wo = (ky * kW + kx) * Ci * Co;
            for (let ci = 0; ci < Ci; ci++) {
              const xv = x[xo + ci];
              if (xv === 0) continue; // post-ReLU inputs are often zero
              const wr = wo + ci * Co;
              for (let co = 0; co < Co; co++) acc[co] += xv * w[wr + co];
            }
          }
        }
        const yo = ((b * outH + oy) * outW + ox) * Co;
        for (let co = 0; co < Co; co++) y[yo + co] = acc[co];
      }
    }
  }
  return y;
}

/** dx = gradient of conv2dForward w.r.t. x: scatter dy · wᵀ back onto the input pixels. */
export function conv2dBackpropInput(dy: ArrayLike<number>, w: ArrayLike<number>, g: ConvGeometry): Float32Array {
  const { batch, inH, inW, inC: Ci, outH, outW, outC: Co, kH, kW, strideH, strideW, padTop, padLeft } = g;
  const dx = new Float32Array(batch * inH * inW * Ci);
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      const [ky0, ky1] = tapRange(iy0, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padLeft;
        const [kx0, kx1] = tapRange(ix0, kW, inW);
        const dyo = ((b * outH + oy) * outW + ox) * Co;
        for (let ky = ky0; ky < ky1; ky++) {
          for (let kx = kx0; kx < kx1; kx++) {
            const xo = ((b * inH + iy0 + ky) * inW + ix0 + kx) * Ci;
            const wo = (ky * kW + kx) * Ci * Co;
            for (let ci = 0; ci < Ci; ci++) {
              const wr = wo + ci * Co;
              let s = 0;
              for (let co = 0; co < Co; co++) s += dy[dyo + co] * w[wr + co];
              dx[xo + ci] += s;
            }
          }
        }
      }
    }
  }
  return dx;
}

/** dw = gradient of conv2dForward w.r.t. w: Σ over batch and output pixels of x ⊗ dy per tap. */
export function conv2dBackpropFilter(x: ArrayLike<number>, dy: ArrayLike<number>, g: ConvGeometry): Float32Array {
  const { batch, inH, inW, inC: Ci, outH, outW, outC: Co, kH, kW, strideH, strideW, padTop, padLeft } = g;
  const acc = new Float64Array(kH * kW * Ci * Co);
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      const [ky0, ky1] = tapRange(iy0, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padLeft;
        const [kx0, kx1] = tapRange(ix0, kW, inW);
        const dyo = ((b * outH + oy) * outW + ox) * Co;
        for (let ky = ky0; ky < ky1; ky++) {
          for (let kx = kx0; kx < kx1; kx++) {
            const xo = ((b * inH + iy0 + ky) * inW + ix0 + kx) * Ci;
            const wo = (ky * kW + kx) * Ci * Co;
            for (let ci = 0; ci < Ci; ci++) {
              const xv = x[xo + ci];
              if (xv === 0) continue;
              const wr = wo + ci * Co;
              for (let co = 0; co < Co; co++) acc[wr + co] += xv * dy[dyo + co];
            }
          }
        }
      }
    }
  }
  return Float32Array.from(acc);
}
