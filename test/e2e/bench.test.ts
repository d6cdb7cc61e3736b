// npm run bench -- --tiny: the benchmark's worker half (headless Chromium, workers/bench.worker.ts)
// and its search half (the built app's search worker) print one JSON object with every field,
// each finite; the main-thread bundle holds no tfjs; the benchmark leaves no tensors behind.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { BENCH_NUMBER_FIELDS, benchReportProblems } from '../../src/core/bench/bench-report';

describe('npm run bench -- --tiny', () => {
  it('prints one JSON object with every field finite', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/bench.ts', '--tiny'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
    const r = JSON.parse(out);
    expect(benchReportProblems(r)).toEqual([]);
    for (const f of BENCH_NUMBER_FIELDS) expect(Number.isFinite(r[f])).toBe(true);
    expect(r.tiny).toBe(true);
    expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(r.backend);
    expect(r.supernetStepMs).toBeGreaterThan(0);
    expect(r.backboneShareRemoved).toBeLessThan(1);
    expect(r.mainBundleHasTfjs).toBe(false);
    expect(r.mainBundleGzipKb).toBeGreaterThan(10);
    expect(r.benchTensorsLeaked).toBe(0);
    expect(r.tensorsLeakedPerCandidate).toBe(0);
  }, 900_000);
});
