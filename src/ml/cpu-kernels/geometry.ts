// Geometry of an NHWC 2-D convolution for the fast cpu kernels (supernet training in Node):
// sizes, strides and the top/left padding, taken from tfjs's own backend_util.computeConv2DInfo
// so 'same' / 'valid' / explicit padding (and dimRoundingMode) match the stock kernels exactly.

import * as tf from '@tensorflow/tfjs';

export interface ConvGeometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  /** Output channels (depthwise: equals inC, channel multiplier 1). */
  outC: number;
  kH: number;
  kW: number;
  strideH: number;
  strideW: number;
  padTop: number;
  padLeft: number;
}

type Shape4 = [number, number, number, number];

/** The attributes the conv kernels share (a subset of Conv2DAttrs / DepthwiseConv2dNativeAttrs). */
export interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function isOne(v: number | [number, number] | undefined): boolean {
  return v == null || (typeof v === 'number' ? v === 1 : v.every((d) => d === 1));
}

/** True when the fast loops handle these attributes: NHWC, dilation 1 (any stride, any padding). */
export function fastAttrsSupported(attrs: ConvAttrs): boolean {
  return (attrs.dataFormat == null || attrs.dataFormat === 'NHWC') && isOne(attrs.dilations);
}

export function convGeometry(xShape: readonly number[], filterShape: readonly number[], attrs: ConvAttrs, depthwise: boolean): ConvGeometry {
  const info = tf.backend_util.computeConv2DInfo(
    xShape as Shape4,
    filterShape as Shape4,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    depthwise,
    'channelsLast',
  );
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    kH: info.filterHeight,
    kW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}
