import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng';
import {
  GenomeError,
  LARGEST_GENOME,
  SMALLEST_GENOME,
  canonicalGenome,
  crossoverGenomes,
  enumerateCanonicalGenomes,
  formatGenome,
  genomeKey,
  mutateGenome,
  parseGenome,
  sampleGenome,
  validateGenome,
} from '../../src/core/genome';
import { DEPTH_CHOICES, EXPAND_CHOICES, KERNEL_CHOICES, type BackboneGenome } from '../../src/core/types';

const genes = (g: BackboneGenome) => [...g.ks, ...g.e, g.d];

describe('genome text form', () => {
  it('parses and formats the canonical form', () => {
    const g = parseGenome('k5557e3643d2');
    expect(g).toEqual({ ks: [5, 5, 5, 7], e: [3, 6, 4, 3], d: 2 });
    expect(formatGenome(g)).toBe('k5557e3643d2');
    expect(formatGenome(LARGEST_GENOME)).toBe('k7777e6666d4');
    expect(formatGenome(SMALLEST_GENOME)).toBe('k3333e3333d2');
  });

  it('names the bad part and the allowed values', () => {
    expect(() => parseGenome('k5457e3643d2')).toThrow(GenomeError);
    expect(() => parseGenome('k5457e3643d2')).toThrow('kernel size 4 at block 2 of "k5457e3643d2": allowed 3, 5, 7');
    expect(() => parseGenome('k5557e3653d2')).toThrow('expand ratio 5 at block 3 of "k5557e3653d2": allowed 3, 4, 6');
    expect(() => parseGenome('k5557e3643d5')).toThrow('depth 5 of "k5557e3643d5": allowed 2, 3, 4');
    expect(() => parseGenome('k557e3643d2')).toThrow(/kernel part "k557".*expected 4/);
    expect(() => parseGenome('k5557e36431d2')).toThrow(/expand part "e36431".*expected 4/);
    expect(() => parseGenome('hello')).toThrow(/malformed genome "hello".*e\.g\. k5557e3643d2/);
    expect(() => parseGenome('')).toThrow(GenomeError);
  });

  it('validates untrusted objects', () => {
    expect(validateGenome({ ks: [3, 5, 7, 3], e: [4, 4, 6, 3], d: 3 })).toEqual({ ks: [3, 5, 7, 3], e: [4, 4, 6, 3], d: 3 });
    expect(() => validateGenome({ ks: [3, 5, 7], e: [4, 4, 6, 3], d: 3 })).toThrow(/genome\.ks must be an array of 4/);
    expect(() => validateGenome({ ks: [3, 5, 7, 3], e: [4, 2, 6, 3], d: 3 })).toThrow('expand ratio 2 at block 2 (genome.e[1]): allowed 3, 4, 6');
    expect(() => validateGenome({ ks: [3, 5, 7, 3], e: [4, 4, 6, 3], d: 1 })).toThrow('allowed 2, 3, 4');
    expect(() => validateGenome(null)).toThrow(GenomeError);
  });
});

describe('canonical subnets', () => {
  it('sets the genes of inactive blocks to k3 e3', () => {
    expect(genomeKey(parseGenome('k5557e3643d2'))).toBe('k5533e3633d2');
    expect(genomeKey(parseGenome('k5557e3643d3'))).toBe('k5553e3643d3');
    expect(genomeKey(LARGEST_GENOME)).toBe('k7777e6666d4');
  });

  it('has 7,371 distinct subnets: enumeration agrees with canonicalising all 19,683 genomes', () => {
    const keys = new Set<string>();
    const [K, E] = [KERNEL_CHOICES, EXPAND_CHOICES];
    for (const d of DEPTH_CHOICES)
      for (let code = 0; code < 3 ** 8; code++) {
        const digit = (i: number) => Math.floor(code / 3 ** i) % 3;
        const g = {
          ks: [K[digit(0)], K[digit(1)], K[digit(2)], K[digit(3)]],
          e: [E[digit(4)], E[digit(5)], E[digit(6)], E[digit(7)]],
          d,
        } as BackboneGenome;
        keys.add(genomeKey(g));
      }
    expect(keys.size).toBe(7371);
    const enumerated = enumerateCanonicalGenomes();
    expect(enumerated.length).toBe(7371);
    const enumKeys = new Set(enumerated.map(formatGenome));
    expect(enumKeys.size).toBe(7371);
    expect([...enumKeys].every((k) => keys.has(k))).toBe(true);
    for (const g of enumerated.slice(0, 200)) expect(canonicalGenome(g)).toEqual(g);
    expect(enumerated.filter((g) => g.d === 2).length).toBe(81);
    expect(enumerated.filter((g) => g.d === 3).length).toBe(729);
  });
});

describe('genetic operators', () => {
  it('samples valid genomes reproducibly, covering every choice', () => {
    const a = Array.from({ length: 300 }, ((r) => () => sampleGenome(r))(new Rng(3)));
    const b = Array.from({ length: 300 }, ((r) => () => sampleGenome(r))(new Rng(3)));
    expect(a).toEqual(b);
    a.forEach((g) => expect(validateGenome(g)).toEqual(g));
    expect(new Set(a.map((g) => g.d))).toEqual(new Set([2, 3, 4]));
    expect(new Set(a.flatMap((g) => g.ks))).toEqual(new Set([3, 5, 7]));
    expect(new Set(a.flatMap((g) => g.e))).toEqual(new Set([3, 4, 6]));
  });

  it('mutation re-draws each gene to a different value with probability p', () => {
    const rng = new Rng(11);
    const parent = parseGenome('k5557e3643d3');
    expect(mutateGenome(parent, rng, 0)).toEqual(parent);
    for (let i = 0; i < 50; i++) {
      const child = mutateGenome(parent, rng, 1);
      validateGenome(child);
      genes(child).forEach((v, j) => expect(v).not.toBe(genes(parent)[j]));
    }
    let changed = 0;
    const N = 2000;
    for (let i = 0; i < N; i++) {
      const g = sampleGenome(rng);
      const m = mutateGenome(g, rng, 0.4);
      changed += genes(m).filter((v, j) => v !== genes(g)[j]).length;
    }
    expect(changed / (N * 9)).toBeGreaterThan(0.38);
    expect(changed / (N * 9)).toBeLessThan(0.42);
    expect(mutateGenome(parent, new Rng(5), 0.4)).toEqual(mutateGenome(parent, new Rng(5), 0.4));
  });

  it('uniform crossover takes each gene from parent a with probability p', () => {
    const a = LARGEST_GENOME;
    const b = SMALLEST_GENOME;
    const rng = new Rng(21);
    expect(crossoverGenomes(a, b, rng, 1)).toEqual(a);
    expect(crossoverGenomes(a, b, rng, 0)).toEqual(b);
    let fromA = 0;
    const N = 2000;
    for (let i = 0; i < N; i++) {
      const c = crossoverGenomes(a, b, rng, 0.8);
      genes(c).forEach((v, j) => {
        if (v === genes(a)[j]) fromA++;
        else if (v !== genes(b)[j]) throw new Error(`gene ${j} = ${v} comes from neither parent`);
      });
    }
    expect(fromA / (N * 9)).toBeGreaterThan(0.78);
    expect(fromA / (N * 9)).toBeLessThan(0.82);
  });
});
