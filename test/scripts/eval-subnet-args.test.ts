import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ArgError, parseEvalArgs } from '../../scripts/eval-subnet-args';

describe('eval-subnet arguments', () => {
  it('parses a full command line', () => {
    const a = parseEvalArgs(['--modality', 'audio', '--genome', 'k3573e3646d3', '--split', 'val', '--bn-batches', '4']);
    expect(a.modality).toBe('audio');
    expect(a.genome).toEqual({ ks: [3, 5, 7, 3], e: [3, 6, 4, 6], d: 3 });
    expect(a.split).toBe('val');
    expect(a.bnBatches).toBe(4);
  });

  it('defaults to the test split and the whole training split for BN recalibration', () => {
    const a = parseEvalArgs(['--genome', 'k7777e6666d4', '--modality', 'image']);
    expect(a.split).toBe('test');
    expect(a.bnBatches).toBeUndefined();
  });

  it('keeps a --wav-dir result in a record only with --about', () => {
    const base = ['--modality', 'audio', '--genome', 'k7777e6666d4'];
    expect(parseEvalArgs([...base, '--wav-dir', 'm', '--record', 'r.json', '--about', 'my voice'])).toMatchObject({ record: 'r.json', about: 'my voice' });
    expect(() => parseEvalArgs([...base, '--record', 'r.json', '--about', 'x'])).toThrow('--record keeps a --wav-dir result: it needs --wav-dir');
    expect(() => parseEvalArgs([...base, '--wav-dir', 'm', '--record', 'r.json'])).toThrow('--record needs --about TEXT: where the recordings come from');
  });

  it('takes --adapt-bn only with --wav-dir', () => {
    expect(parseEvalArgs(['--modality', 'audio', '--genome', 'k7777e6666d4', '--wav-dir', 'mine', '--adapt-bn']).adaptBn).toBe(true);
    expect(parseEvalArgs(['--modality', 'audio', '--genome', 'k7777e6666d4', '--wav-dir', 'mine']).adaptBn).toBe(false);
    expect(() => parseEvalArgs(['--modality', 'audio', '--genome', 'k7777e6666d4', '--adapt-bn'])).toThrow('--adapt-bn adapts to the voices of recordings: it needs --wav-dir');
  });

  it('takes --wav-dir DIR for audio only', () => {
    expect(parseEvalArgs(['--modality', 'audio', '--genome', 'k7777e6666d4', '--wav-dir', 'mine']).wavDir).toBe('mine');
    expect(() => parseEvalArgs(['--modality', 'image', '--genome', 'k7777e6666d4', '--wav-dir', 'mine'])).toThrow(/needs --modality audio/);
  });

  it('takes --models DIR', () => {
    expect(parseEvalArgs(['--modality', 'image', '--genome', 'k7777e6666d4', '--models', 'elsewhere']).modelsDir).toBe('elsewhere');
  });

  it.each([
    [[], /--modality is required/],
    [['--modality', 'video', '--genome', 'k7777e6666d4'], /--modality must be image or audio, got "video"/],
    [['--modality', 'image'], /--genome is required/],
    [['--modality', 'image', '--genome', 'k7777e6666d5'], /--genome: depth 5/],
    [['--modality', 'image', '--genome', 'k7777e6666d4', '--split', 'dev'], /--split must be train, val or test, got "dev"/],
    [['--modality', 'image', '--genome', 'k7777e6666d4', '--bn-batches', '0'], /--bn-batches must be a whole number ≥ 1, got "0"/],
    [['--modality', 'image', '--genome', 'k7777e6666d4', '--bn-batches', '2.5'], /--bn-batches must be a whole number ≥ 1, got "2.5"/],
    [['--modality', 'image', '--genome'], /--genome needs a value/],
    [['--modality', 'image', '--frobnicate', '1'], /unknown argument "--frobnicate"; allowed: --modality, --genome, --split, --bn-batches, --models, --wav-dir, --adapt-bn, --record, --about$/],
    [['--modality', 'image', '--modality', 'audio'], /--modality given twice/],
  ])('rejects %j with a one-line message', (argv, msg) => {
    expect(() => parseEvalArgs(argv as string[])).toThrow(ArgError);
    try {
      parseEvalArgs(argv as string[]);
    } catch (e) {
      expect((e as Error).message).toMatch(msg);
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('the CLI exits with status 2 and one stderr line on bad arguments', () => {
    const root = resolve(__dirname, '../..');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval-subnet.ts', '--modality', 'image', '--genome', 'k9999e6666d4'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^eval-subnet: --genome: kernel size 9/);
  });
});
