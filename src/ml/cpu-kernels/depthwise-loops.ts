// Flat typed-array loops of the NHWC depthwise convolution (channel multiplier 1) and its two
// gradients, for the elastic k×k depthwise layers of the elastic supernet trained in Node.
// Each loop walks output pixels × valid kernel taps with the channel loop innermost, which is
// contiguous in x, y and the [kH,kW,C,1] filter. Filter gradients accumulate in Float64Array.

import type { ConvGeometry } from './geometry';
import { tapRange } from './conv2d-loops';

/** y[b,oy,ox,c] = Σ x[b, oy·s − pad + ky, ox·s − pad + kx, c] · w[ky,kx,c]. */
export function depthwiseForward(x: ArrayLike<number>, w: ArrayLike<number>, g: ConvGeometry): Float32Array {
  const { batch, inH, inW, inC: C, outH, outW, kH, kW, strideH, strideW, padTop, padLeft } = g;
  const y = new Float32Array(batch * outH * outW * C);
  const acc = new Float64Array(C);
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
            const xo = ((b * inH + iy0 + ky) * inW + ix0 + kx) * C;
            const wo = (ky * kW + kx) * C;
            for (let c = 0; c < C; c++) acc[c] += x[xo + c] * w[wo + c];
          }
        }
        const yo = ((b * outH + oy) * outW + ox) * C;
        for (let c = 0; c < C; c++) y[yo + c] = acc[c];
      }
    }
  }
  return y;
}

/** dx = gradient of depthwiseForward w.r.t. x (scatter of dy · w onto the input pixels). */
export function depthwiseBackpropInput(dy: ArrayLike<number>, w: ArrayLike<number>, g: ConvGeometry): Float32Array {
  const { batch, inH, inW, inC: C, outH, outW, kH, kW, strideH, strideW, padTop, padLeft } = g;
  const dx = new Float32Array(batch * inH * inW * C);
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      const [ky0, ky1] = tapRange(iy0, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padLeft;
        const [kx0, kx1] = tapRange(ix0, kW, inW);
        const dyo = ((b * outH + oy) * outW + ox) * C;
        for (let ky = ky0; ky < ky1; ky++) {
          for (let kx = kx0; kx < kx1; kx++) {
            const xo = ((b * inH + iy0 + ky) * inW + ix0 + kx) * C;
            const wo = (ky * kW + kx) * C;
            for (let c = 0; c < C; c++) dx[xo + c] += dy[dyo + c] * w[wo + c];
          }
        }
      }
    }
  }
  return dx;
}

/** dw = gradient of depthwiseForward w.r.t. w: Σ over batch and output pixels of x · dy per tap. */
export function depthwiseBackpropFilter(x: ArrayLike<number>, dy: ArrayLike<number>, g: ConvGeometry): Float32Array {
  const { batch, inH, inW, inC: C, outH, outW, kH, kW, strideH, strideW, padTop, padLeft } = g;
  const acc = new Float64Array(kH * kW * C);
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      const [ky0, ky1] = tapRange(iy0, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padLeft;
        const [kx0, kx1] = tapRange(ix0, kW, inW);
        const dyo = ((b * outH + oy) * outW + ox) * C;
        for (let ky = ky0; ky < ky1; ky++) {
          for (let kx = kx0; kx < kx1; kx++) {
            const xo = ((b * inH + iy0 + ky) * inW + ix0 + kx) * C;
            const wo = (ky * kW + kx) * C;
            for (let c = 0; c < C; c++) acc[wo + c] += x[xo + c] * dy[dyo + c];
          }
        }
      }
    }
  }
  return Float32Array.from(acc);
}
