import { describe, it, expect } from 'vitest';
import { runMain } from '../../scripts/cli-args';
import { ArgError, USAGE, parseSearchArgs } from '../../scripts/search-args';

describe('headless search arguments', () => {
  it('builds the page hash of the URL contract with run=1', () => {
    const a = parseSearchArgs(['--preset', 'quick', '--seed', '1', '--device', 'jetson-tx2', '--out', 'r.json'], ['jetson-tx2']);
    expect(a.out).toBe('r.json');
    expect(a.dist).toBe('dist');
    expect(a.timeoutS).toBe(1800);
    expect(a.settings).toMatchObject({ preset: 'quick', seed: 1, device: 'jetson-tx2', backend: 'auto', run: true });
    expect(a.hash).toBe('#view=search&preset=quick&seed=1&device=jetson-tx2&lambda=0.1&backend=auto&run=1');
    expect(a.record).toBeUndefined();
  });

  it('takes the optional flags: --record FILE (passed on, the hash unchanged), --timeout, --dist, --screenshot', () => {
    const a = parseSearchArgs(['--out', 'r.json', '--record', 'run.jsonl', '--timeout', '60', '--dist', 'build', '--screenshot', 'p.png']);
    expect(a).toMatchObject({ out: 'r.json', record: 'run.jsonl', timeoutS: 60, dist: 'build', screenshot: 'p.png' });
    expect(a.hash).toBe(parseSearchArgs(['--out', 'r.json']).hash);
    expect(USAGE).toContain('[--record FILE]');
    expect(USAGE).toMatch(/^usage: search --out FILE \[--preset quick\|demo\|paper\]/);
  });

  it('rejects bad arguments with one line', () => {
    const bad: [string[], RegExp][] = [
      [['--preset', 'quick'], /--out is required/],
      [['--out', 'x', '--preset', 'fast'], /--preset "fast" is not one of quick, demo, paper/],
      [['--out', 'x', '--seed', '-1'], /--seed "-1"/],
      [['--out', 'x', '--device', 'pi-9'], /--device "pi-9" is not one of jetson-tx2/],
      [['--out', 'x', '--backend', 'metal'], /--backend "metal"/],
      [['--out', 'x', '--timeout', '0'], /--timeout must be a whole number ≥ 1, got "0"/],
      [['--out', 'x', '--record'], /--record needs a value/],
      [['--out', 'x', '--bogus', '1'], /unknown argument "--bogus"/],
      [['--out'], /--out needs a value/],
      [['--out', 'x', '--out', 'y'], /given twice/],
    ];
    for (const [argv, re] of bad) {
      let err: unknown;
      try {
        parseSearchArgs(argv, ['jetson-tx2']);
      } catch (e) {
        err = e;
      }
      expect(err, argv.join(' ')).toBeInstanceOf(ArgError);
      expect((err as Error).message).toMatch(re);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('a bad argument gives exit status 2 and one stderr line', async () => {
    const err: string[] = [];
    const io = { stdout: () => {}, stderr: (t: string) => void err.push(t) };
    const code = await runMain('search', (argv) => void parseSearchArgs(argv, ['jetson-tx2']), ['--out', 'x', '--bogus', '1'], io);
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/^search: unknown argument "--bogus"; allowed: --out, --preset, .*--record, --baseline, --export-models, --checkpoint, --sitting-generations\n$/);
  });

  it('takes every preset number, the objectives and paper-faithful as flags, checked like the URL', () => {
    const a = parseSearchArgs(['--out', 'r.json', '--preset', 'demo', '--generations', '10', '--objectives', 'error,latency', '--paper-faithful', '1']);
    expect(a.settings).toMatchObject({ preset: 'demo', generations: 10, objectives: ['error', 'latency'], paperFaithful: true });
    expect(a.hash).toContain('generations=10');
    expect(() => parseSearchArgs(['--out', 'r.json', '--population-size', '1'])).toThrow(/^--population-size "1" must be an integer from 2 to 1024$/);
  });
});
