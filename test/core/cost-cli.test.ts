import { describe, expect, it } from 'vitest';
import { runCostCli, type CostCliEnv } from '../../src/core/cost-cli';
import { shippedTable } from './luts';

const env: CostCliEnv = {
  devices: ['jetson-tx2', 'jetson-agx-xavier'],
  loadTable: (id) => shippedTable(id as 'jetson-tx2' | 'jetson-agx-xavier'),
};
const frugal = ['--device', 'jetson-tx2', '--image', 'k5557e3643d2', '--audio', 'k3375e3336d2'];

function fails(argv: string[]): string {
  const r = runCostCli(argv, env);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  return r.stderr;
}

describe('cost CLI logic', () => {
  it('prints one JSON object with totals and per-part, per-layer breakdowns', () => {
    const r = runCostCli([...frugal, '--fusion', 'ConcatFC,CatConvMish'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.device).toBe('jetson-tx2');
    expect([out.latencyMs, out.energyMj]).toEqual([9.117, 13.886]);
    expect(out.image.genome).toBe('k5557e3643d2');
    expect(out.image.layers).toHaveLength(7);
    expect(out.audio.layers[0].key).toContain('1_1_20_20');
    expect(out.fusion.ops).toEqual(['ConcatFC', 'CatConvMish']);
    expect(out.fusion.layers.map((l: { latencyMs: number }) => l.latencyMs)).toEqual([0.522, 0.617]);
    expect(out.image.latencyMs + out.audio.latencyMs + out.fusion.latencyMs).toBeCloseTo(out.latencyMs, 2);
  });

  it('accepts --flag=value, repeated operators, no fusion, and the AGX table', () => {
    const none = JSON.parse(runCostCli(frugal, env).stdout);
    expect(none.fusion).toEqual({ ops: [], latencyMs: 0, energyMj: 0, layers: [] });
    expect(none.latencyMs).toBe(7.978);
    const rep = JSON.parse(runCostCli([...frugal, '--fusion=Sum,Sum'], env).stdout);
    expect(rep.fusion.layers).toHaveLength(2);
    expect(rep.fusion.latencyMs).toBe(0.119);
    const agx = JSON.parse(runCostCli(['--device=jetson-agx-xavier', '--image=k5557e3643d2', '--audio=k3375e3336d2'], env).stdout);
    expect(agx.device).toBe('jetson-agx-xavier');
    expect(agx.latencyMs).not.toBe(none.latencyMs);
  });

  it('exits 2 with one line naming the problem and what is allowed', () => {
    expect(fails(['--device', 'jetson-nano', '--image', 'k5557e3643d2', '--audio', 'k3375e3336d2'])).toBe(
      'cost: unknown device "jetson-nano": allowed jetson-tx2, jetson-agx-xavier\n',
    );
    expect(fails(['--image', 'k5457e3643d2', '--audio', 'k3375e3336d2'])).toBe(
      'cost: --image: kernel size 4 at block 2 of "k5457e3643d2": allowed 3, 5, 7\n',
    );
    expect(fails(['--image', 'k5557e3643d2', '--audio', 'k3375e3336'])).toMatch(/--audio: malformed genome "k3375e3336"/);
    expect(fails([...frugal, '--fusion', 'ConcatFC,Attn'])).toBe(
      'cost: --fusion: unknown fusion operator "Attn" in "ConcatFC,Attn": allowed Sum, ScaleDotAttn, LinearGLU, ConcatFC, SE1, CatConvMish\n',
    );
    expect(fails([...frugal, '--speed', 'fast'])).toMatch(/unknown argument "--speed": allowed --device, --image, --audio, --fusion/);
    expect(fails(['--audio', 'k3375e3336d2'])).toMatch(/missing --image/);
    expect(fails(['--image', 'k5557e3643d2'])).toMatch(/missing --audio/);
    expect(fails(['--image'])).toMatch(/--image needs a value/);
    expect(fails([...frugal, '--image', 'k3333e3333d2'])).toMatch(/--image given twice/);
  });

  it('prints usage for --help', () => {
    const r = runCostCli(['--help'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage: cost/);
  });
});
