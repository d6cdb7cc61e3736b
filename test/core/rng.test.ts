import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng';

describe('Rng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('keeps next, int, pick and bool in range', () => {
    const r = new Rng(7);
    const seen = new Set<number>();
    let heads = 0;
    for (let i = 0; i < 5000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) throw new Error(`next() out of range: ${x}`);
      const k = r.int(6);
      if (!(Number.isInteger(k) && k >= 0 && k < 6)) throw new Error(`int(6) out of range: ${k}`);
      seen.add(k);
      if (!['a', 'b', 'c'].includes(r.pick(['a', 'b', 'c']))) throw new Error('pick outside the list');
      if (r.bool(0.3)) heads++;
    }
    expect(seen.size).toBe(6);
    expect(heads / 5000).toBeGreaterThan(0.27);
    expect(heads / 5000).toBeLessThan(0.33);
    expect(() => r.int(0)).toThrow();
    expect(() => r.int(2.5)).toThrow();
    expect(() => r.pick([])).toThrow();
    expect(() => new Rng(NaN)).toThrow();
  });

  it('has a roughly uniform mean and a standard normal', () => {
    const r = new Rng(1);
    let s = 0;
    let n1 = 0;
    let n2 = 0;
    const N = 20000;
    for (let i = 0; i < N; i++) {
      s += r.next();
      const z = r.normal();
      n1 += z;
      n2 += z * z;
    }
    expect(s / N).toBeCloseTo(0.5, 1);
    expect(n1 / N).toBeCloseTo(0, 1);
    expect(n2 / N).toBeCloseTo(1, 1);
  });

  it('round-trips its state', () => {
    const r = new Rng(123);
    for (let i = 0; i < 10; i++) r.next();
    const saved = r.state();
    const expected = Array.from({ length: 10 }, () => r.nextUint32());
    const restored = Rng.fromState(saved);
    expect(Array.from({ length: 10 }, () => restored.nextUint32())).toEqual(expected);
    expect(() => Rng.fromState([1, 2, 3])).toThrow();
  });

  it('shuffles in place to a permutation, reproducibly', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const r1 = new Rng(9);
    const out = r1.shuffle(items);
    expect(out).toBe(items);
    expect([...out].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(out).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    const again = new Rng(9).shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect(again).toEqual(out);
  });

  it('forks an independent, reproducible generator', () => {
    const a = new Rng(5);
    const b = new Rng(5);
    const fa = a.fork();
    const fb = b.fork();
    expect(fa.next()).toBe(fb.next());
    expect(a.next()).toBe(b.next());
    expect(fa.state()).not.toEqual(a.state());
  });
});
