// The shared command-line parser: typed values from a spec, one-line errors naming the
// argument, and runMain's mapping of errors to exit statuses.
import { describe, expect, it } from 'vitest';
import { ArgError, defineFlags, flagName, parseFlags, runMain, usageLine, type CliIo, type CliMain } from '../../scripts/cli-args';

const SPEC = defineFlags({
  out: { type: 'string', required: true, value: 'FILE' },
  seed: { type: 'int', min: 0, max: 2 ** 32 - 1, default: 1 },
  lambda: { type: 'number', min: 0, value: 'X' },
  backend: { type: 'choice', choices: ['cpu', 'wasm'], default: 'wasm' },
  upper: { type: 'parse', parse: (t: string) => { if (t !== t.toUpperCase()) throw new Error(`"${t}" is not upper case`); return t; } },
  maxCandidates: { type: 'int', min: 1 },
  paperFaithful: { type: 'boolean' },
});
const parse = (argv: string[]) => parseFlags(argv, SPEC).values;

/** The ArgError message `run` throws; fails when it throws none or something else. */
function argError(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ArgError);
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('no ArgError thrown');
}

describe('parseFlags', () => {
  it('returns typed values with defaults, switches and both value forms', () => {
    const a = parse(['--out', 'r.json', '--lambda=0.5', '--max-candidates', '3', '--paper-faithful']);
    expect(a).toEqual({ out: 'r.json', seed: 1, lambda: 0.5, backend: 'wasm', maxCandidates: 3, paperFaithful: true });
    const out: string = a.out; // required → always a string
    const seed: number = a.seed; // defaulted → always a number
    const backend: 'cpu' | 'wasm' = a.backend;
    expect([out, seed, backend]).toEqual(['r.json', 1, 'wasm']);
    expect(parse(['--out', 'x']).paperFaithful).toBe(false);
    expect(parse(['--out', 'x', '--upper', 'AB']).upper).toBe('AB');
  });

  it('takes a value starting with one dash (a negative number) and --flag=--x', () => {
    expect(argError(() => parse(['--out', 'x', '--seed', '-1']))).toBe('--seed must be a whole number from 0 to 4294967295, got "-1"');
    expect(parse(['--out=--x']).out).toBe('--x');
  });

  it.each([
    ['unknown flag', ['--out', 'x', '--foo', '1'], 'unknown argument "--foo"; allowed: --out, --seed, --lambda, --backend, --upper, --max-candidates, --paper-faithful'],
    ['stray word', ['--out', 'x', 'extra'], 'unknown argument "extra"; allowed: --out, --seed, --lambda, --backend, --upper, --max-candidates, --paper-faithful'],
    ['short option', ['-o', 'x'], /^unknown argument "-o"; allowed: --out/],
    ['missing value at the end', ['--out'], '--out needs a value'],
    ['value that is the next flag', ['--out', '--seed', '2'], '--out needs a value'],
    ['repeated flag', ['--out', 'x', '--out', 'y'], '--out given twice'],
    ['repeated switch', ['--out', 'x', '--paper-faithful', '--paper-faithful'], '--paper-faithful given twice'],
    ['switch with a value', ['--out', 'x', '--paper-faithful=yes'], '--paper-faithful takes no value, got "yes"'],
    ['missing required flag', ['--seed', '2'], '--out is required'],
    ['bad whole number', ['--out', 'x', '--seed', 'x'], '--seed must be a whole number from 0 to 4294967295, got "x"'],
    ['fraction for a whole number', ['--out', 'x', '--max-candidates', '1.5'], '--max-candidates must be a whole number ≥ 1, got "1.5"'],
    ['whole number below its minimum', ['--out', 'x', '--max-candidates', '0'], '--max-candidates must be a whole number ≥ 1, got "0"'],
    ['bad number', ['--out', 'x', '--lambda', 'abc'], '--lambda must be a number ≥ 0, got "abc"'],
    ['empty number', ['--out', 'x', '--lambda='], '--lambda must be a number ≥ 0, got ""'],
    ['number below its minimum', ['--out', 'x', '--lambda', '-0.1'], '--lambda must be a number ≥ 0, got "-0.1"'],
    ['value not among the choices', ['--out', 'x', '--backend', 'webgl'], '--backend must be cpu or wasm, got "webgl"'],
    ['value its parser refuses', ['--out', 'x', '--upper', 'ab'], '--upper: "ab" is not upper case'],
  ])('refuses a %s with one line naming the argument', (_what, argv, message) => {
    const got = argError(() => parse(argv as string[]));
    if (typeof message === 'string') expect(got).toBe(message);
    else expect(got).toMatch(message);
  });

  it('takes as many positionals as it names, and lists them as allowed', () => {
    expect(parseFlags(['dir'], {}, { positionals: ['DIR'] }).positionals).toEqual(['dir']);
    expect(parseFlags([], {}, { positionals: ['DIR'] }).positionals).toEqual([]);
    expect(argError(() => parseFlags(['a', 'b'], {}, { positionals: ['DIR'] }))).toBe('unknown argument "b"; allowed: DIR');
    expect(argError(() => parseFlags(['--x'], {}))).toBe('unknown argument "--x"; allowed: no arguments');
  });
});

describe('usageLine and flag names', () => {
  it('derives kebab-case flags and a usage line from the spec', () => {
    expect(flagName('maxCandidates')).toBe('--max-candidates');
    expect(flagName('budgetS')).toBe('--budget-s');
    expect(usageLine('tool', SPEC, ['DIR'])).toBe(
      'usage: tool --out FILE [--seed N] [--lambda X] [--backend cpu|wasm] [--upper VALUE] [--max-candidates N] [--paper-faithful] [DIR]',
    );
  });
});

/** Runs `main` through runMain with captured output. */
async function run(main: CliMain, argv: string[], usage?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
  const code = await runMain('tool', main, argv, io, { usage });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('runMain', () => {
  const main: CliMain = (argv) => {
    parse(argv);
  };

  it('turns an ArgError into exit 2 and exactly one stderr line prefixed with the CLI', async () => {
    const r = await run(main, ['--out', 'x', '--bogus', '1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`tool: unknown argument "--bogus"; allowed: ${Object.keys(SPEC).map(flagName).join(', ')}\n`);
  });

  it('returns main’s status, 0 by default, and 1 with one line for any other error', async () => {
    expect((await run(main, ['--out', 'x'])).code).toBe(0);
    expect((await run(async () => 3, [])).code).toBe(3);
    const r = await run(() => {
      throw new Error('table broken\nat line 2');
    }, []);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'tool: table broken at line 2\n' });
  });

  it('prints the usage for --help or -h when it has one', async () => {
    expect(await run(main, ['--help'], 'usage: tool --out FILE')).toEqual({ code: 0, stdout: 'usage: tool --out FILE\n', stderr: '' });
    expect((await run(main, ['-h'], 'usage: tool')).code).toBe(0);
    expect((await run(main, ['--help'])).code).toBe(2);
  });
});
