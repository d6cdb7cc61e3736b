// The one command-line parser of the Node scripts, on Node's own util.parseArgs. A CLI declares
// its flags once (a spec: name → kind, default, required), and gets from it the typed values,
// the usage line and the same one-line errors as every other CLI:
//
//   unknown argument "--foo"; allowed: --preset, --seed, ...    --out needs a value
//   --seed given twice    --out is required    --seed must be a whole number from 0 to 4294967295, got "x"
//
// Spec keys are camelCase; the flag is their kebab-case (`maxCandidates` → `--max-candidates`).
// `runCli` runs a script's main: an ArgError becomes `<cli>: <message>` on stderr and exit 2.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** A bad command line; the message is one line naming the argument and what is allowed. */
export class ArgError extends Error {}

interface Common {
  required?: boolean;
  /** Placeholder of the value in the usage line (default N for numbers, VALUE for strings). */
  value?: string;
}
export interface StringFlag extends Common { type: 'string'; default?: string }
export interface IntFlag extends Common { type: 'int'; min?: number; max?: number; default?: number }
export interface NumberFlag extends Common { type: 'number'; min?: number; default?: number }
export interface ChoiceFlag extends Common { type: 'choice'; choices: readonly string[]; default?: string }
/** A value read by `parse`; whatever it throws becomes `--flag: <its message>`. */
export interface ParseFlag<T> extends Common { type: 'parse'; parse: (text: string) => T; default?: T }
/** A switch: present → true, absent → false; it takes no value. */
export interface BooleanFlag { type: 'boolean' }

export type FlagSpec = StringFlag | IntFlag | NumberFlag | ChoiceFlag | BooleanFlag | ParseFlag<any>;
export type FlagSpecs = Record<string, FlagSpec>;

type ValueOf<F> = F extends { type: 'boolean' }
  ? boolean
  : F extends { type: 'int' | 'number' }
    ? number
    : F extends { type: 'choice'; choices: readonly (infer C)[] }
      ? C
      : F extends { type: 'parse'; parse: (text: string) => infer T }
        ? T
        : string;
type AlwaysSet<F> = F extends { type: 'boolean' } ? true : F extends { required: true } | { default: unknown } ? true : false;

/** The parsed values: required flags, flags with a default and switches are always set. */
export type FlagValues<S extends FlagSpecs> = {
  -readonly [K in keyof S as AlwaysSet<S[K]> extends true ? K : never]: ValueOf<S[K]>;
} & {
  -readonly [K in keyof S as AlwaysSet<S[K]> extends true ? never : K]?: ValueOf<S[K]>;
};

/** Declares a spec, keeping its literal types (choices, required) for FlagValues. */
export function defineFlags<const S extends FlagSpecs>(spec: S): S {
  return spec;
}

/** `maxCandidates` → `--max-candidates`. */
export const flagName = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** `a`, `a or b`, `a, b or c`. */
const orList = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** A whole number in min..max, or an ArgError naming `flag`. */
export function intValue(flag: string, text: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  const v = Number(text);
  if (!/^-?\d+$/.test(text) || v < min || v > max) {
    const range =
      max !== Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : min !== Number.MIN_SAFE_INTEGER ? ` ≥ ${min}` : '';
    throw new ArgError(`${flag} must be a whole number${range}, got "${text}"`);
  }
  return v;
}

/** A finite number ≥ min, or an ArgError naming `flag`. */
export function numberValue(flag: string, text: string, min = -Infinity): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < min) {
    throw new ArgError(`${flag} must be a number${min > -Infinity ? ` ≥ ${min}` : ''}, got "${text}"`);
  }
  return v;
}

/** `text` if it is one of `choices`, else an ArgError naming `flag` and the choices. */
export function oneOf<C extends string>(flag: string, text: string, choices: readonly C[]): C {
  if (!(choices as readonly string[]).includes(text)) throw new ArgError(`${flag} must be ${orList(choices)}, got "${text}"`);
  return text as C;
}

function convert(flag: string, spec: Exclude<FlagSpec, BooleanFlag>, text: string): unknown {
  switch (spec.type) {
    case 'string':
      return text;
    case 'int':
      return intValue(flag, text, spec.min, spec.max);
    case 'number':
      return numberValue(flag, text, spec.min);
    case 'choice':
      return oneOf(flag, text, spec.choices);
    case 'parse':
      try {
        return spec.parse(text);
      } catch (e) {
        throw new ArgError(`${flag}: ${e instanceof Error ? e.message : String(e)}`);
      }
  }
}

export interface ParseOptions {
  /** Names of the optional positional (non-flag) arguments, e.g. ['DIR']; default none. */
  positionals?: readonly string[];
}

/**
 * Parses argv (without node and script) against `spec`. Flags take `--flag value` or
 * `--flag=value`; a value may not start with `--` unless written `--flag=--x`. Throws an
 * ArgError with one line for an unknown flag, a missing or doubled value, a missing required
 * flag, or a value its kind refuses.
 */
export function parseFlags<const S extends FlagSpecs>(
  argv: readonly string[],
  spec: S,
  options: ParseOptions = {},
): { values: FlagValues<S>; positionals: string[] } {
  const byFlag = new Map(Object.keys(spec).map((key) => [flagName(key), key]));
  const nodeOptions = Object.fromEntries(
    Object.entries(spec).map(([key, s]) => [flagName(key).slice(2), { type: s.type === 'boolean' ? ('boolean' as const) : ('string' as const) }]),
  );
  const { tokens } = parseArgs({ args: [...argv], options: nodeOptions, strict: false, allowPositionals: true, tokens: true });
  const names = options.positionals ?? [];
  const allowed = `allowed: ${[...byFlag.keys(), ...names].join(', ') || 'no arguments'}`;
  const texts = new Map<string, string | true>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (positionals.length >= names.length) throw new ArgError(`unknown argument "${token.value}"; ${allowed}`);
      positionals.push(token.value);
      continue;
    }
    const flag = token.rawName;
    const key = byFlag.get(flag);
    if (key === undefined) throw new ArgError(`unknown argument "${flag}"; ${allowed}`);
    if (texts.has(key)) throw new ArgError(`${flag} given twice`);
    if (spec[key].type === 'boolean') {
      if (token.value !== undefined) throw new ArgError(`${flag} takes no value, got "${token.value}"`);
      texts.set(key, true);
    } else {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) throw new ArgError(`${flag} needs a value`);
      texts.set(key, token.value);
    }
  }
  const values: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(spec)) {
    const text = texts.get(key);
    if (s.type === 'boolean') values[key] = text === true;
    else if (typeof text === 'string') values[key] = convert(flagName(key), s, text);
    else if (s.required) throw new ArgError(`${flagName(key)} is required`);
    else if (s.default !== undefined) values[key] = s.default;
  }
  return { values: values as FlagValues<S>, positionals };
}

/** `usage: <cli> --out FILE [--seed N] [--paper-faithful] [DIR]`, from the spec. */
export function usageLine(cli: string, spec: FlagSpecs, positionals: readonly string[] = []): string {
  const parts = Object.entries(spec).map(([key, s]) => {
    const flag = flagName(key);
    if (s.type === 'boolean') return `[${flag}]`;
    const value = s.value ?? (s.type === 'choice' ? s.choices.join('|') : s.type === 'int' || s.type === 'number' ? 'N' : 'VALUE');
    return s.required ? `${flag} ${value}` : `[${flag} ${value}]`;
  });
  return ['usage:', cli, ...parts, ...positionals.map((p) => `[${p}]`)].join(' ');
}

/** Where a CLI writes: process.stdout / process.stderr, or a test's buffers. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A script's main: gets argv (without node and script); returns its exit status (default 0). */
export type CliMain = (argv: string[], io: CliIo) => number | void | Promise<number | void>;

export interface CliOptions {
  /** Printed on stdout for --help or -h (exit 0); without it those are ordinary arguments. */
  usage?: string;
  /** Print the stack of an unexpected error instead of its one-line message. */
  stack?: boolean;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * Runs `main` and returns the exit status: main's own, 0 after --help, 2 after an ArgError
 * (`<cli>: <message>`, one line on stderr), 1 after any other error (`<cli>: <message>`).
 */
export async function runMain(cli: string, main: CliMain, argv: readonly string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  if (options.usage !== undefined && (argv.includes('--help') || argv.includes('-h'))) {
    io.stdout(options.usage.endsWith('\n') ? options.usage : `${options.usage}\n`);
    return 0;
  }
  try {
    return (await main([...argv], io)) ?? 0;
  } catch (e) {
    if (e instanceof ArgError) {
      io.stderr(`${cli}: ${oneLine(e.message)}\n`);
      return 2;
    }
    const text = e instanceof Error ? (options.stack ? (e.stack ?? e.message) : oneLine(e.message)) : String(e);
    io.stderr(`${cli}: ${text}\n`);
    return 1;
  }
}

/**
 * Runs a script's main on process.argv and exits with its status. A failure (status ≥ 1)
 * exits at once, whatever handles are still open; success lets the process end by itself
 * unless `exit` is set (for a main that leaves servers or browsers behind).
 */
export function runCli(cli: string, main: CliMain, options: CliOptions & { exit?: boolean } = {}): void {
  const io: CliIo = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };
  void runMain(cli, main, process.argv.slice(2), io, options).then((code) => {
    if (code !== 0 || options.exit) process.exit(code);
  });
}

/** True when the module at `moduleUrl` (its import.meta.url) is the script node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(resolve(process.argv[1])).href;
}
