import { describe, expect, it } from 'vitest';
import { codaCuts } from '../../../src/core/audio/coda-cut';

const SR = 8000;
/** 100 ms of silence, 400 ms of a tone, 100 ms of silence. */
function clip(): Float32Array {
  return Float32Array.from({ length: 4800 }, (_, t) => (t >= 800 && t < 4000 ? Math.sin((2 * Math.PI * 440 * t) / SR) : 0));
}

describe('codaCuts', () => {
  it('keeps the clip from its start to the drawn share of the speech span', () => {
    const x = clip();
    // speech span: 800 − 20 ms margin (160) to 4000 + 160 = [640, 4160), 3,520 samples
    const [half] = codaCuts(x, SR, 1, () => 0.5, { minKept: 0.4, maxKept: 0.6 });
    expect(half.byteOffset).toBe(x.byteOffset);
    expect(half.length).toBe(640 + 1760);
    const [whole] = codaCuts(x, SR, 1, () => 0, { minKept: 1, maxKept: 1 });
    expect(whole.length).toBe(4160);
  });

  it('stratifies the cut points: copy j keeps less than copy j + 1', () => {
    const copies = codaCuts(clip(), SR, 4, () => 0.5);
    expect(copies).toHaveLength(4);
    for (let j = 1; j < 4; j++) expect(copies[j].length).toBeGreaterThan(copies[j - 1].length);
    expect(copies[0].length).toBe(640 + Math.round(0.55 * 3520));
    expect(copies[3].length).toBe(640 + Math.round(0.85 * 3520));
  });

  it('rejects a bad count or range', () => {
    expect(() => codaCuts(clip(), SR, 1.5, Math.random)).toThrow('coda cut: copy count must be a non-negative integer, got 1.5');
    expect(() => codaCuts(clip(), SR, 1, Math.random, { minKept: 0.9, maxKept: 0.5 })).toThrow('coda cut: need 0 < min ≤ max ≤ 1');
  });
});
