import { describe, expect, it } from 'vitest';
import { backboneLayers, convOutputSize } from '../../src/core/backbone-layers';
import { enumerateCanonicalGenomes, parseGenome } from '../../src/core/genome';
import { referenceLut } from './luts';

describe('backbone layers', () => {
  it('computes the spatial sizes of the strided convs', () => {
    expect(convOutputSize(28, 3, 2)).toBe(14);
    expect(convOutputSize(20, 3, 2)).toBe(10);
    for (const k of [3, 5, 7]) {
      expect(convOutputSize(14, k, 2)).toBe(7);
      expect(convOutputSize(10, k, 2)).toBe(5);
      expect(convOutputSize(7, k, 1)).toBe(7);
    }
  });

  it('lists the layers of k5557e3643d2 on the image input', () => {
    const layers = backboneLayers(parseGenome('k5557e3643d2'), 'image');
    expect(layers.map((l) => l.kind)).toEqual(['stem', 'block0', 'stage', 'stage', 'head', 'head', 'head']);
    expect(layers.map((l) => l.key)).toEqual([
      'ConvLayer-input:1_1_28_28-in_ch:1-out_ch:16-kernel:3-stride:2-use_se:0-use_bn:1',
      'MBConvLayer-input:1_16_14_14-in_ch:16-out_ch:16-mid_ch:0-expand:1-kernel:3-stride:1-use_se:0',
      'MBConvLayer-input:1_16_14_14-in_ch:16-out_ch:24-mid_ch:48-expand:3-kernel:5-stride:2-use_se:0',
      'MBConvLayer-input:1_24_7_7-in_ch:24-out_ch:24-mid_ch:144-expand:6-kernel:5-stride:1-use_se:0',
      'ConvLayer-input:1_24_7_7-in_ch:24-out_ch:40-kernel:1-stride:1-use_se:0-use_bn:1',
      'ConvLayer-input:1_40_1_1-in_ch:40-out_ch:80-kernel:1-stride:1-use_se:0-use_bn:0',
      'LinearLayer-input:80-in_ch:80-out_ch:10',
    ]);
    expect(layers[2].blockIndex).toBe(0);
    expect(layers[3].blockIndex).toBe(1);
    expect(layers[3].description).toBe('MBConv k5 e6 24→24 at 7×7');
  });

  it('uses the 20×20 audio input and depth 4', () => {
    const layers = backboneLayers(parseGenome('k3577e4363d4'), 'audio');
    expect(layers.length).toBe(2 + 4 + 3);
    expect(layers[0].key).toContain('input:1_1_20_20');
    expect(layers[2].key).toBe('MBConvLayer-input:1_16_10_10-in_ch:16-out_ch:24-mid_ch:64-expand:4-kernel:3-stride:2-use_se:0');
    expect(layers[5].key).toBe('MBConvLayer-input:1_24_5_5-in_ch:24-out_ch:24-mid_ch:72-expand:3-kernel:7-stride:1-use_se:0');
    expect(layers[6].key).toBe('ConvLayer-input:1_24_5_5-in_ch:24-out_ch:40-kernel:1-stride:1-use_se:0-use_bn:1');
  });

  it('every layer of every canonical genome, both modalities, is in the reference LUT — and all 44 are used', () => {
    const lut = referenceLut('lut_ofa_mnist_tx2.json');
    const used = new Set<string>();
    const missing: string[] = [];
    for (const g of enumerateCanonicalGenomes()) {
      for (const modality of ['image', 'audio'] as const) {
        for (const l of backboneLayers(g, modality)) {
          if (!used.has(l.key)) {
            used.add(l.key);
            if (!(l.key in lut)) missing.push(l.key);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(used.size).toBe(44);
    expect(Object.keys(lut).length).toBe(44);
  });
});
