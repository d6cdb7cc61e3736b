import { describe, expect, it } from 'vitest';
import { ArgError, parseFusionSearchArgs } from '../../scripts/fusion-search-args';

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
    ['unknown flag', [...BASE, '--gpu'], /unknown argument "--gpu"/],
    ['flag without value', [...BASE, '--epochs'], /--epochs needs a value/],
    ['repeated flag', [...BASE, '--seed', '2'], /--seed given twice/],
    ['malformed genome', set('--image', 'k555e3643d2'), /--image: kernel part/],
    ['cells out of range', set('--cells', '5'), /--cells must be an integer in 1..4/],
    ['nodes not an integer', set('--nodes', '1.5'), /--nodes must be an integer in 1..4/],
    ['unknown device', set('--device', 'pi4'), /unknown device "pi4", allowed jetson-tx2, jetson-agx-xavier/],
    ['negative lambda', set('--lambda', '-1'), /--lambda must be a number ≥ 0/],
    ['lambda not a number', set('--lambda', 'abc'), /--lambda must be a number ≥ 0/],
    ['zero epochs', [...BASE, '--epochs', '0'], /--epochs must be an integer ≥ 1/],
    ['zero candidates', [...BASE, '--max-candidates', '0'], /--max-candidates must be an integer ≥ 1, got "0"/],
    ['unknown backend', [...BASE, '--backend', 'webgl'], /--backend must be cpu or wasm, got "webgl"/],
    ['bad C', [...BASE, '--c', 'x'], /--c must be an integer ≥ 1/],
    ['negative seed', set('--seed', '-3'), /--seed must be an integer in 0\.\./],
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
});
