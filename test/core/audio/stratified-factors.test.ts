import { describe, expect, it } from 'vitest';
import { checkCopyCount, stratifiedCopies, stratifiedFactors } from '../../../src/core/audio/stratified-factors';
import { Rng } from '../../../src/core/rng';

describe('stratified draws for training copies', () => {
  it('puts copy j inside the j-th of K equal strata of the range', () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 20; trial++) {
      const values = stratifiedCopies(4, 'test', () => rng.next(), 8, 20, (v) => v);
      values.forEach((v, j) => {
        expect(v).toBeGreaterThanOrEqual(8 + j * 3);
        expect(v).toBeLessThan(8 + (j + 1) * 3);
      });
    }
    const factors = stratifiedFactors(3, () => 0.5, 0.15, 'vtlp');
    expect(factors.map((f) => Number(f.toFixed(6)))).toEqual([0.9, 1, 1.1]);
  });

  it('draws each value just before its copy is made (a maker sharing the stream sees it in loop order)', () => {
    const order: string[] = [];
    let n = 0;
    const uniform = () => (order.push(`u${n}`), (n++ % 10) / 10);
    stratifiedCopies(3, 'test', uniform, 0, 1, (v) => order.push(`make ${v.toFixed(3)}`));
    expect(order).toEqual(['u0', 'make 0.000', 'u1', 'make 0.367', 'u2', 'make 0.733']);
  });

  it('refuses a copy count that is not a non-negative integer, naming the augmentation', () => {
    expect(() => checkCopyCount(-1, 'noise')).toThrow('noise: copy count must be a non-negative integer, got -1');
    expect(() => stratifiedCopies(1.5, 'tight crop', Math.random, 0, 1, (v) => v)).toThrow('tight crop: copy count must be a non-negative integer, got 1.5');
    expect(stratifiedCopies(0, 'noise', () => { throw new Error('no draw expected'); }, 0, 1, (v) => v)).toEqual([]);
  });
});
