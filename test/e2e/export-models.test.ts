// The headless search's --export-models: every front network's bundle, scored by
// `npm run predict` on the test split, agrees with the search's result file (to 0.01 %).
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('npm run search -- --export-models, then npm run predict', () => {
  it('reproduces the test accuracy of every front network of a quick run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hnas-export-'));
    try {
      execFileSync('npx', ['tsx', 'scripts/search.ts', '--preset', 'quick', '--seed', '2', '--out', join(dir, 'result.json'), '--export-models', join(dir, 'models')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 900_000 });
      const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { front: { id: number; testAccuracy: number }[] };
      expect(result.front.length).toBeGreaterThan(0);
      for (const e of result.front) {
        const out = JSON.parse(execFileSync('npx', ['tsx', 'scripts/predict.ts', '--bundle', join(dir, 'models', `network-${e.id}`), '--split', 'test'], { encoding: 'utf8' }));
        expect(Math.abs(out.accuracy - e.testAccuracy), `network #${e.id}`).toBeLessThan(0.01);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 1_200_000);
});
