import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/predict.ts', ...args], { encoding: 'utf8' });

describe('npm run predict', () => {
  it('exits 2 with one stderr line for bad arguments', () => {
    const missing = run();
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('predict: --bundle is required\n');
    const split = run('--bundle', 'x', '--split', 'nope');
    expect(split.status).toBe(2);
    expect(split.stderr).toBe('predict: --split must be train, val or test, got "nope"\n');
  });

  it('exits 1 naming the problem for a bundle it cannot read', () => {
    const r = run('--bundle', 'no/such/bundle.zip');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^predict: .*no\/such\/bundle\.zip.*\n$/);
    expect(r.stdout).toBe('');
  });
});
