import { describe, expect, it } from 'vitest';
import { runMain } from '../../scripts/cli-args';
import { ArgError, USAGE, parseFusionSearchArgs } from '../../scripts/fusion-search-args';

const DEVICES = ['jetson-tx2', 'jetson-agx-xavier'];
const BASE = ['--image', 'k5557e3643d2', '--audio', 'k3375e3336d2', '--cells', '2', '--nodes', '1', '--device', 'jetson-tx2', '--lambda', '0', '--seed', '1'];
const parse = (argv: string[]) => parseFusionSearchArgs(argv, DEVICES);
const without = (flag: string) => {
  const i = BASE.indexOf(flag);
  return [...BASE.slice(0, i), ...BASE.slice(i + 2)];
};
const set = (flag: string, value: string) => BASE.map((v, i) => (BASE[i - 1] === flag ? value : v));

describe('fusion-search arguments', () => {
  it('parses the issue example with the paper defaults', () => {
    const a = parse(BASE);
    expect(a.image).toEqual({ ks: [5, 5, 5, 7], e: [3, 6, 4, 3], d: 2 });
    expect(a.audio.d).toBe(2);
    expect(a).toMatchObject({ cells: 2, nodes: 1, device: 'jetson-tx2', lambda: 0, energyLambda: 0, seed: 1 });
    expect(a).toMatchObject({ epochs: 25, retrainEpochs: 10, c: 192, paperFaithful: false, bnBatches: 10, backend: 'wasm', maxCandidates: 6, allowUnimodal: false });
    expect(parse([...BASE, '--allow-unimodal']).allowUnimodal).toBe(true);
  });

  it('takes the optional flags', () => {
    const a = parse([...set('--lambda', '0.5'), '--epochs', '3', '--c', '16', '--retrain-epochs', '0', '--energy-lambda', '0.2']);
    expect(a).toMatchObject({ lambda: 0.5, epochs: 3, c: 16, retrainEpochs: 0, energyLambda: 0.2 });
    expect(parse([...BASE, '--paper-faithful']).paperFaithful).toBe(true);
    expect(parse([...BASE, '--backend', 'cpu']).backend).toBe('cpu');
    expect(parse([...BASE, '--max-candidates', '1']).maxCandidates).toBe(1);
  });

  const bad: [string, string[], RegExp][] = [
    ['missing --seed', without('--seed'), /--seed is required/],
    ['missing --image', without('--image'), /--image is required/],
    ['unknown flag', [...BASE, '--gpu'], /unknown argument "--gpu"; allowed: --image, --audio, .*--allow-unimodal$/],
    ['switch with a value', [...BASE, '--paper-faithful=1'], /--paper-faithful takes no value/],
    ['flag without value', [...BASE, '--epochs'], /--epochs needs a value/],
    ['repeated flag', [...BASE, '--seed', '2'], /--seed given twice/],
    ['malformed genome', set('--image', 'k555e3643d2'), /--image: kernel part/],
    ['cells out of range', set('--cells', '5'), /--cells must be a whole number from 1 to 4, got "5"/],
    ['nodes not an integer', set('--nodes', '1.5'), /--nodes must be a whole number from 1 to 4, got "1.5"/],
    ['unknown device', set('--device', 'pi4'), /--device must be jetson-tx2 or jetson-agx-xavier, got "pi4"/],
    ['negative lambda', set('--lambda', '-1'), /--lambda must be a number ≥ 0, got "-1"/],
    ['lambda not a number', set('--lambda', 'abc'), /--lambda must be a number ≥ 0/],
    ['zero epochs', [...BASE, '--epochs', '0'], /--epochs must be a whole number ≥ 1, got "0"/],
    ['zero candidates', [...BASE, '--max-candidates', '0'], /--max-candidates must be a whole number ≥ 1, got "0"/],
    ['unknown backend', [...BASE, '--backend', 'webgl'], /--backend must be wasm or cpu, got "webgl"/],
    ['bad C', [...BASE, '--c', 'x'], /--c must be a whole number ≥ 1, got "x"/],
    ['negative seed', set('--seed', '-3'), /--seed must be a whole number from 0 to 4294967295, got "-3"/],
    ['paper-faithful with a hardware term', [...set('--lambda', '1'), '--paper-faithful'], /--paper-faithful has no hardware term/],
  ];
  for (const [what, argv, message] of bad) {
    it(`rejects ${what} with one line`, () => {
      let err: unknown;
      try {
        parse(argv);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ArgError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
    });
  }

  it('documents every flag in its usage line', () => {
    expect(USAGE).toBe(
      'usage: fusion-search --image GENOME --audio GENOME --cells N --nodes N --device ID --lambda X --seed N [--epochs N] ' +
        '[--retrain-epochs N] [--max-candidates N] [--c N] [--energy-lambda X] [--bn-batches N] [--backend wasm|cpu] [--paper-faithful] [--allow-unimodal]',
    );
  });

  it('a bad argument gives exit status 2 and one stderr line', async () => {
    const err: string[] = [];
    const io = { stdout: () => {}, stderr: (t: string) => void err.push(t) };
    expect(await runMain('fusion-search', (argv) => void parse(argv), [...BASE, '--bogus', '1'], io)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^fusion-search: unknown argument "--bogus"; allowed: .*\n$/);
  });
});
