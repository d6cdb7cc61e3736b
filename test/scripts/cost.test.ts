// scripts/cost.ts: its flags and exit statuses in-process (runMain over a test env), and the
// spawned CLI once for a good and once for a bad command line.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runMain } from '../../scripts/cli-args';
import { COST_USAGE, costMain, parseCostArgs, type CostCliEnv } from '../../scripts/cost';
import { REPO_ROOT, shippedTable } from '../core/luts';

const env: CostCliEnv = {
  devices: ['jetson-tx2', 'jetson-agx-xavier'],
  loadTable: (id) => shippedTable(id as 'jetson-tx2' | 'jetson-agx-xavier'),
};
const frugal = ['--device', 'jetson-tx2', '--image', 'k5557e3643d2', '--audio', 'k3375e3336d2'];

async function cost(argv: string[], e: CostCliEnv = env) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  const code = await runMain('cost', costMain(() => e), argv, io, { usage: COST_USAGE });
  return { code, stdout, stderr };
}

/** The one stderr line of a command line refused with exit 2. */
async function fails(argv: string[]): Promise<string> {
  const r = await cost(argv);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  return r.stderr;
}

describe('cost CLI (in-process)', () => {
  it('prints one JSON object with totals and breakdowns', async () => {
    const r = await cost([...frugal, '--fusion', 'ConcatFC,CatConvMish']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect([out.latencyMs, out.energyMj]).toEqual([9.117, 13.886]);
    expect(out.fusion.ops).toEqual(['ConcatFC', 'CatConvMish']);
  });

  it('accepts --flag=value, repeated operators, no fusion, the default device and the AGX table', () => {
    expect(parseCostArgs(['--image=k5557e3643d2', '--audio=k3375e3336d2'], env.devices)).toMatchObject({ device: 'jetson-tx2', fusionOps: [] });
    expect(parseCostArgs([...frugal, '--fusion=Sum,Sum'], env.devices).fusionOps).toEqual(['Sum', 'Sum']);
    expect(parseCostArgs(['--device=jetson-agx-xavier', '--image=k5557e3643d2', '--audio=k3375e3336d2'], env.devices).device).toBe('jetson-agx-xavier');
  });

  it('exits 2 with one line naming the argument and what is allowed', async () => {
    expect(await fails(['--device', 'jetson-nano', '--image', 'k5557e3643d2', '--audio', 'k3375e3336d2'])).toBe(
      'cost: --device must be jetson-tx2 or jetson-agx-xavier, got "jetson-nano"\n',
    );
    expect(await fails(['--image', 'k5457e3643d2', '--audio', 'k3375e3336d2'])).toBe(
      'cost: --image: kernel size 4 at block 2 of "k5457e3643d2": allowed 3, 5, 7\n',
    );
    expect(await fails(['--image', 'k5557e3643d2', '--audio', 'k3375e3336'])).toMatch(/--audio: malformed genome "k3375e3336"/);
    expect(await fails([...frugal, '--fusion', 'ConcatFC,Attn'])).toBe(
      'cost: --fusion: unknown fusion operator "Attn" in "ConcatFC,Attn": allowed Sum, ScaleDotAttn, LinearGLU, ConcatFC, SE1, CatConvMish\n',
    );
    expect(await fails([...frugal, '--speed', 'fast'])).toBe('cost: unknown argument "--speed"; allowed: --device, --image, --audio, --fusion\n');
    expect(await fails(['--audio', 'k3375e3336d2'])).toBe('cost: --image is required\n');
    expect(await fails(['--image', 'k5557e3643d2'])).toBe('cost: --audio is required\n');
    expect(await fails(['--image'])).toBe('cost: --image needs a value\n');
    expect(await fails([...frugal, '--image', 'k3333e3333d2'])).toBe('cost: --image given twice\n');
  });

  it('exits 1 with one line when the table is broken', async () => {
    const broken: CostCliEnv = { devices: ['jetson-tx2'], loadTable: (id) => ({ ...shippedTable('jetson-tx2'), id, entries: {} }) };
    const r = await cost(frugal, broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cost: layer ".*" is missing from the cost table of device "jetson-tx2"\n$/);
  });

  it('prints usage for --help', async () => {
    const r = await cost(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: cost \[--device ID\] --image GENOME --audio GENOME \[--fusion OP,OP,...\]\n/);
  });
});

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
