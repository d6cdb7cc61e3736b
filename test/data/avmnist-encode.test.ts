import { describe, expect, it } from 'vitest';
import { chooseClips, parseIdx, quantiseUnit, stableJson } from '../../src/data/avmnist-encode';
import { decodeQuantised } from '../../src/data/avmnist-format';
import type { AvPair } from '../../src/data/avmnist-pairing';
import { crc32, crc32Hex } from '../../src/data/crc32';

describe('AV-MNIST encoding helpers', () => {
  it('parses an IDX file and rejects a wrong length or magic', () => {
    const bytes = Uint8Array.of(0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6);
    const idx = parseIdx(bytes, 'x.idx');
    expect(idx.dims).toEqual([2, 3]);
    expect(Array.from(idx.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => parseIdx(bytes.subarray(0, 17), 'x.idx')).toThrow(/x\.idx: 5 data bytes, dims 2×3 need 6/);
    expect(() => parseIdx(Uint8Array.of(0, 0, 9, 1, 0, 0, 0, 0), 'y.idx')).toThrow(/y\.idx: not an unsigned-byte IDX/);
  });

  it('quantises [0,1] to uint8 so that decoding gives (u − 0.5) / 0.5 within half a step', () => {
    const u = [0, 0.25, 0.5, 0.999, 1, -0.2, 1.3];
    const q = quantiseUnit(u);
    expect(Array.from(q)).toEqual([0, 64, 128, 255, 255, 0, 255]);
    for (let i = 0; i < 5; i++) expect(Math.abs(decodeQuantised(q[i]) - (u[i] - 0.5) / 0.5)).toBeLessThanOrEqual(1 / 255 + 1e-9);
    expect(decodeQuantised(0)).toBe(-1);
    expect(decodeQuantised(255)).toBe(1);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32Hex(new Uint8Array(0))).toBe('00000000');
  });

  it('writes stable JSON with primitive arrays on one line', () => {
    const v = { b: [1, 2, 'x'], a: { c: [{ d: null }] } };
    expect(stableJson(v)).toBe('{\n  "b": [1,2,"x"],\n  "a": {\n    "c": [\n      {\n        "d": null\n      }\n    ]\n  }\n}');
    expect(JSON.parse(stableJson(v))).toEqual(v);
  });

  it('chooses clips per digit from different speakers when it can', () => {
    const test: AvPair[] = [
      { label: 1, mnistSet: 'test', mnistIndex: 0, fsdd: '1_theo_0.wav' },
      { label: 1, mnistSet: 'test', mnistIndex: 1, fsdd: '1_theo_1.wav' },
      { label: 0, mnistSet: 'test', mnistIndex: 2, fsdd: '0_theo_2.wav' },
      { label: 1, mnistSet: 'test', mnistIndex: 3, fsdd: '1_jackson_3.wav' },
      { label: 0, mnistSet: 'test', mnistIndex: 4, fsdd: '0_theo_4.wav' },
    ];
    expect(chooseClips(test, 2, 2)).toEqual([
      { file: 'clips/0_theo_2.wav', label: 0, split: 'test', sample: 2 },
      { file: 'clips/0_theo_4.wav', label: 0, split: 'test', sample: 4 },
      { file: 'clips/1_theo_0.wav', label: 1, split: 'test', sample: 0 },
      { file: 'clips/1_jackson_3.wav', label: 1, split: 'test', sample: 3 },
    ]);
  });
});
