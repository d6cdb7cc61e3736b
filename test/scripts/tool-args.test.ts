// The smaller tools' flags: each parses its defaults, and a bad argument is one line with exit
// status 2 (in-process through runMain; build-luts also spawned, it loads nothing heavy).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runMain, type CliMain } from '../../scripts/cli-args';
import {
  TOOL_USAGE,
  parseBenchCpuKernelsArgs,
  parseBenchFusionCacheArgs,
  parseBuildAvmnistArgs,
  parseBuildLutsArgs,
  parseTrainBaselineArgs,
  parseTrainSupernetArgs,
  parseTrainSupernetNodeArgs,
} from '../../scripts/tool-args';
import { REPO_ROOT } from '../core/luts';

async function exitOf(cli: string, main: CliMain, argv: string[]) {
  const err: string[] = [];
  const code = await runMain(cli, main, argv, { stdout: () => {}, stderr: (t) => void err.push(t) });
  return { code, stderr: err.join('') };
}

describe('tool flags', () => {
  it('keep each tool’s defaults', () => {
    expect(parseBenchCpuKernelsArgs([])).toEqual({ modality: 'image', batch: 64, reps: 2, stockSandwich: false, profile: false });
    expect(parseBenchCpuKernelsArgs(['--stock-sandwich', '--profile', '--batch', '8'])).toMatchObject({ stockSandwich: true, profile: true, batch: 8 });
    expect(parseBenchFusionCacheArgs([])).toEqual({
      image: { ks: [5, 5, 5, 7], e: [3, 6, 4, 3], d: 2 },
      audio: { ks: [3, 3, 7, 5], e: [3, 3, 3, 6], d: 2 },
      cells: 2, nodes: 1, c: 192, batch: 64, device: 'jetson-tx2', bnBatches: 4, reps: 1, backend: 'cpu', profile: false,
    });
    expect(parseTrainSupernetArgs(['--modality', 'image'])).toEqual({
      modality: 'image', seed: 1, epochs: 8, batch: 64, lr: 3e-3, valRecalBatches: 4, randomSubnets: 50, randomRecalBatches: 4,
      randomBudgetS: 150, warmup: 2, budgetS: 1200, backend: 'webgpu', fixed: '0',
    });
    expect(parseTrainSupernetArgs(['--modality', 'audio', '--measure', '3', '--fixed', '1', '--flags', '{"WEBGPU_X":true}'])).toMatchObject({
      measure: 3, fixed: '1', flags: { WEBGPU_X: true },
    });
    expect(parseTrainSupernetNodeArgs(['--modality', 'audio', '--warmup-epochs', '0', '--train-subset', '100'])).toMatchObject({
      modality: 'audio', warmupEpochs: 0, trainSubset: 100, budgetS: Infinity, epochs: 8, lr: 3e-3,
    });
    expect(parseTrainSupernetNodeArgs(['--modality', 'image']).trainSubset).toBe(Infinity);
    expect(parseTrainBaselineArgs([])).toEqual({ modality: 'audio', model: 'cnn', epochs: 60, patience: 15, lr: 0.002, seed: 1 });
    expect(parseBuildAvmnistArgs(['--fsdd', 'rec'])).toEqual({ fsdd: 'rec', seed: 2023 });
    expect(parseBuildLutsArgs([])).toBeUndefined();
    expect(parseBuildLutsArgs(['ref'])).toBe('ref');
  });

  it.each([
    ['bench-cpu-kernels', parseBenchCpuKernelsArgs, ['--modality', 'video'], 'bench-cpu-kernels: --modality must be image or audio, got "video"'],
    ['bench-fusion-cache', parseBenchFusionCacheArgs, ['--cells', '9'], 'bench-fusion-cache: --cells must be a whole number from 1 to 4, got "9"'],
    ['bench-fusion-cache', parseBenchFusionCacheArgs, ['--profile', '1'], /^bench-fusion-cache: unknown argument "1"; allowed: --image, /],
    ['train-supernet', parseTrainSupernetArgs, ['--epochs', '2'], 'train-supernet: --modality is required'],
    ['train-supernet', parseTrainSupernetArgs, ['--modality', 'image', '--flags', '{x'], /^train-supernet: --flags: .*JSON/],
    ['train-supernet-node', parseTrainSupernetNodeArgs, ['--modality', 'image', '--warmup', '1'], /^train-supernet-node: unknown argument "--warmup"; allowed: --modality, /],
    ['train-supernet-node', parseTrainSupernetNodeArgs, ['--modality', 'image', '--lr', 'fast'], 'train-supernet-node: --lr must be a number ≥ 0, got "fast"'],
    ['train-supernet-node', parseTrainSupernetNodeArgs, ['--modality', 'image', '--vtlp', '3'], 'train-supernet-node: --vtlp and --loso-record warp and score recordings: they need --modality audio'],
    ['train-supernet-node', parseTrainSupernetNodeArgs, ['--modality', 'image', '--crop', '3'], 'train-supernet-node: --crop, --noise and --tight change recordings: they need --modality audio'],
    ['train-supernet-node', parseTrainSupernetNodeArgs, ['--modality', 'image', '--noise', '3'], 'train-supernet-node: --crop, --noise and --tight change recordings: they need --modality audio'],
    ['train-supernet-node', parseTrainSupernetNodeArgs, ['--modality', 'image', '--tight', '3'], 'train-supernet-node: --crop, --noise and --tight change recordings: they need --modality audio'],
    ['train-baseline', parseTrainBaselineArgs, ['--model', 'rnn'], 'train-baseline: --model must be cnn or linear, got "rnn"'],
    ['build-avmnist', parseBuildAvmnistArgs, ['--seed', 'x'], 'build-avmnist: --seed must be a whole number from 0 to 4294967295, got "x"'],
    ['build-luts', parseBuildLutsArgs, ['a', 'b'], 'build-luts: unknown argument "b"; allowed: REFERENCE_DIR'],
  ] as const)('%s: a bad argument gives exit status 2 and one stderr line', async (cli, parse, argv, message) => {
    const r = await exitOf(cli, (a) => void parse(a), [...argv]);
    expect(r.code).toBe(2);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    if (typeof message === 'string') expect(r.stderr).toBe(`${message}\n`);
    else expect(r.stderr).toMatch(message);
  });

  it('have a usage line each, from their flags', () => {
    expect(TOOL_USAGE['train-supernet-node']).toMatch(/^usage: train-supernet-node --modality image\|audio \[--seed N\].*\[--warmup-epochs N\]/);
    expect(TOOL_USAGE['build-luts']).toBe('usage: build-luts [REFERENCE_DIR]');
  });

  it('build-luts (spawned) exits 2 with one stderr line for a flag', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/build-luts.ts', '--bogus', '1'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('build-luts: unknown argument "--bogus"; allowed: REFERENCE_DIR\n');
  });
});
