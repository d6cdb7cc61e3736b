import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../core/luts';

const run = (args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/cost.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });

describe('scripts/cost.ts (spawned)', () => {
  it('prints the "most frugal" model cost as JSON', () => {
    const r = run(['--device', 'jetson-tx2', '--image', 'k5557e3643d2', '--audio', 'k3375e3336d2', '--fusion', 'ConcatFC,CatConvMish']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.latencyMs, out.energyMj]).toEqual([9.117, 13.886]);
  });

  it('exits 2 with one stderr line for a bad genome', () => {
    const r = run(['--device', 'jetson-tx2', '--image', 'k5457e3643d2', '--audio', 'k3375e3336d2']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cost: --image: kernel size 4 at block 2 of "k5457e3643d2": allowed 3, 5, 7\n');
  });
});
