// The benchmark's report (npm run bench): the fields it must hold, the checks a test runs on
// it, and the pure arithmetic of its Node side — tensors left behind per search candidate from
// the run's per-generation tf.memory() samples, and which built chunks the main thread loads
// before any worker starts (static imports from the page's entry).

/** Numeric fields every report holds; each must be finite. */
export const BENCH_NUMBER_FIELDS = [
  'supernetStepMs',
  'staticStepMs',
  'supernetOverhead',
  'fusionEpochCachedMs',
  'fusionEpochRecomputeMs',
  'backboneShareRemoved',
  'matmulPeakGflops',
  'dartsStepGflops',
  'dartsStepPeakRatio',
  'trainMatmulPeakGflops',
  'trainStepGflops',
  'trainStepPeakRatio',
  'quickSearchSeconds',
  'tensorsLeakedPerCandidate',
  'hypervolumeVsRandom',
  'mainBundleGzipKb',
] as const;

/** Text fields every report holds (non-empty). */
export const BENCH_TEXT_FIELDS = ['backend', 'adapter', 'trainBackend'] as const;

/** Every missing, empty or non-finite field of a report, in words; [] when complete. */
export function benchReportProblems(report: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const f of BENCH_TEXT_FIELDS) {
    if (typeof report[f] !== 'string' || (report[f] as string).length === 0) problems.push(`${f} is missing`);
  }
  for (const f of BENCH_NUMBER_FIELDS) {
    const v = report[f];
    if (v === undefined) problems.push(`${f} is missing`);
    else if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${f} is not a finite number (${JSON.stringify(v)})`);
  }
  return problems;
}

export interface MemorySample {
  generation: number;
  numTensors: number;
}

/**
 * Tensors left behind per candidate: the growth of the worker's tensor count from the first
 * generation's sample to the last, over the candidates (backbone evaluations + fusion searches)
 * evaluated between them. Needs at least two samples.
 */
export function tensorsLeakedPerCandidate(samples: readonly MemorySample[], candidatesPerGeneration: readonly number[]): number {
  if (samples.length < 2) throw new Error('the leak needs tf.memory() samples of at least two generations');
  const sorted = [...samples].sort((a, b) => a.generation - b.generation);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let candidates = 0;
  for (let g = first.generation + 1; g <= last.generation; g++) candidates += candidatesPerGeneration[g] ?? 0;
  if (candidates === 0) throw new Error('no candidates were evaluated between the memory samples');
  return (last.numTensors - first.numTensors) / candidates;
}

/** Relative paths of the JS modules a module imports statically (not `import()`), from its text. */
export function staticImportsOf(code: string): string[] {
  const found = new Set<string>();
  const patterns = [/\bimport\s*[^("'`]*?\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']/g, /\bimport\s*["'](\.{1,2}\/[^"']+\.js)["']/g, /\bexport\s*[^("'`]*?\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']/g];
  for (const re of patterns) for (const m of code.matchAll(re)) found.add(m[1]);
  return [...found];
}

/** The module scripts and modulepreload links of a built index.html (paths as written). */
export function entryScriptsOf(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) out.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) out.add(m[1]);
  return [...out];
}

/**
 * Every chunk the page loads before any dynamic import or worker: the entry scripts and what
 * they import statically, transitively. `read(path)` returns a chunk's text (paths relative to
 * the page, normalised without a leading "./").
 */
export function mainThreadChunks(html: string, read: (path: string) => string): string[] {
  const norm = (p: string) => p.replace(/^\.\//, '');
  const seen = new Set<string>();
  const stack = entryScriptsOf(html).map(norm);
  while (stack.length > 0) {
    const path = stack.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    for (const rel of staticImportsOf(read(path))) stack.push(normaliseJoin(dir, rel));
  }
  return [...seen].sort();
}

function normaliseJoin(dir: string, rel: string): string {
  const parts = (dir + rel).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '.' || p === '') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}
