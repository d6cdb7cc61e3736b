import { describe, expect, it } from 'vitest';
import { BENCH_NUMBER_FIELDS, BENCH_TEXT_FIELDS, benchReportProblems, entryScriptsOf, mainThreadChunks, staticImportsOf, tensorsLeakedPerCandidate } from '../../../src/core/bench/bench-report';

const complete = (): Record<string, unknown> => ({
  ...Object.fromEntries(BENCH_NUMBER_FIELDS.map((f, i) => [f, i + 0.5])),
  ...Object.fromEntries(BENCH_TEXT_FIELDS.map((f) => [f, 'x'])),
});

describe('benchReportProblems', () => {
  it('accepts a report with every field', () => {
    expect(benchReportProblems(complete())).toEqual([]);
  });
  it('names each missing or non-finite field', () => {
    const r = complete();
    delete r.supernetOverhead;
    r.hypervolumeVsRandom = NaN;
    r.backend = '';
    expect(benchReportProblems(r)).toEqual([
      'backend is missing',
      'supernetOverhead is missing',
      'hypervolumeVsRandom is not a finite number (null)',
    ]);
  });
});

describe('tensorsLeakedPerCandidate', () => {
  it('is 0 when the tensor count stays flat', () => {
    expect(tensorsLeakedPerCandidate([{ generation: 0, numTensors: 182 }, { generation: 1, numTensors: 182 }], [6, 5])).toBe(0);
  });
  it('divides the growth by the candidates evaluated after the first sample', () => {
    const samples = [{ generation: 2, numTensors: 130 }, { generation: 0, numTensors: 100 }, { generation: 1, numTensors: 110 }];
    expect(tensorsLeakedPerCandidate(samples, [4, 5, 5])).toBe(3);
  });
  it('needs two samples', () => {
    expect(() => tensorsLeakedPerCandidate([{ generation: 0, numTensors: 1 }], [3])).toThrow(/two generations/);
  });
});

describe('main-thread chunks', () => {
  const html = '<script type="module" crossorigin src="./assets/index-a.js"></script><link rel="modulepreload" crossorigin href="./assets/vendor-b.js">';
  const files: Record<string, string> = {
    'assets/index-a.js': 'import{x as y}from"./vendor-b.js";import"./style-c.js";const w=new Worker(new URL("search.worker-d.js",import.meta.url));import("./lazy-e.js")',
    'assets/vendor-b.js': 'export{q}from"./shared-f.js";',
    'assets/style-c.js': '',
    'assets/shared-f.js': 'const a=1',
  };
  it('lists entry scripts and preloads', () => {
    expect(entryScriptsOf(html)).toEqual(['./assets/index-a.js', './assets/vendor-b.js']);
  });
  it('follows static imports and re-exports, not dynamic imports or workers', () => {
    expect(staticImportsOf(files['assets/index-a.js'])).toEqual(['./vendor-b.js', './style-c.js']);
    expect(mainThreadChunks(html, (p) => files[p])).toEqual(['assets/index-a.js', 'assets/shared-f.js', 'assets/style-c.js', 'assets/vendor-b.js']);
  });
});
