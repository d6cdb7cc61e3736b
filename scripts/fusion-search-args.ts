// Argument parsing of scripts/fusion-search.ts (pure, tested in Node): the inner tier (issue 5)
// for one backbone pair and fusion macro-shape. Errors are one-line messages; the CLI prints
// them on stderr and exits with status 2.
//
//   fusion-search --image k5557e3643d2 --audio k3375e3336d2 --cells 2 --nodes 1 --device jetson-tx2
//                 --lambda 0 --seed 1 [--epochs N] [--retrain-epochs N] [--max-candidates N] [--c N]
//                 [--paper-faithful] [--allow-unimodal] [--backend wasm|cpu]

import { parseGenome } from '../src/core/genome';
import { CELL_CHOICES, NODE_CHOICES, type BackboneGenome } from '../src/core/types';

export interface FusionSearchArgs {
  image: BackboneGenome;
  audio: BackboneGenome;
  cells: number;
  nodes: number;
  device: string;
  /** λ per ms of expected fusion latency. */
  lambda: number;
  /** λE per mJ of expected fusion energy (default 0). */
  energyLambda: number;
  seed: number;
  /** Search epochs (default 25, the paper's). */
  epochs: number;
  /** Retraining epochs of the discrete network (default 10). */
  retrainEpochs: number;
  /** Distinct per-epoch genotypes retrained and compared on validation (default 6). */
  maxCandidates: number;
  /** Fusion width C (default 192, the width the LUT prices). */
  c: number;
  paperFaithful: boolean;
  /** Let genotypes read one modality only (plain DARTS argmax); default: both modalities. */
  allowUnimodal: boolean;
  /** Training batches of 64 for each backbone's BN recalibration (default 10). */
  bnBatches: number;
  /** tfjs backend in Node: `wasm` (default; ~3× faster than cpu at C 192) or `cpu` (with our fast kernels). */
  backend: 'cpu' | 'wasm';
}

export class ArgError extends Error {}

export const USAGE =
  'usage: fusion-search --image <genome> --audio <genome> --cells 1-4 --nodes 1-4 --device <id> --lambda X --seed N ' +
  '[--epochs N] [--retrain-epochs N] [--max-candidates N] [--c N] [--energy-lambda X] [--bn-batches N] [--backend wasm|cpu] [--paper-faithful] [--allow-unimodal]';

const VALUED = ['--image', '--audio', '--cells', '--nodes', '--device', '--lambda', '--seed', '--epochs', '--retrain-epochs', '--max-candidates', '--c', '--energy-lambda', '--bn-batches', '--backend'];
const SWITCHES = ['--paper-faithful', '--allow-unimodal'];
const REQUIRED = ['--image', '--audio', '--cells', '--nodes', '--device', '--lambda', '--seed'];

function integer(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = Number(text);
  if (!/^-?\d+$/.test(text) || v < min || v > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in ${min}..${max}`;
    throw new ArgError(`${flag} must be ${range}, got "${text}"`);
  }
  return v;
}

function nonNegative(flag: string, text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < 0) throw new ArgError(`${flag} must be a number ≥ 0, got "${text}"`);
  return v;
}

function genome(flag: string, text: string): BackboneGenome {
  try {
    return parseGenome(text);
  } catch (e) {
    throw new ArgError(`${flag}: ${(e as Error).message}`);
  }
}

/** Parses argv (without node and script). `knownDevices`: ids that have a cost table. */
export function parseFusionSearchArgs(argv: readonly string[], knownDevices?: readonly string[]): FusionSearchArgs {
  const seen = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (SWITCHES.includes(flag)) {
      if (seen.has(flag)) throw new ArgError(`${flag} given twice`);
      seen.set(flag, 'true');
      continue;
    }
    if (!VALUED.includes(flag)) throw new ArgError(`unknown argument "${flag}"; ${USAGE}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new ArgError(`${flag} needs a value; ${USAGE}`);
    if (seen.has(flag)) throw new ArgError(`${flag} given twice`);
    seen.set(flag, value);
    i++;
  }
  for (const flag of REQUIRED) if (!seen.has(flag)) throw new ArgError(`${flag} is required; ${USAGE}`);
  const get = (flag: string) => seen.get(flag) as string;
  const device = get('--device');
  if (knownDevices && !knownDevices.includes(device)) {
    throw new ArgError(`--device: unknown device "${device}", allowed ${knownDevices.join(', ')}`);
  }
  const paperFaithful = seen.has('--paper-faithful');
  const backend = seen.get('--backend') ?? 'wasm';
  if (backend !== 'cpu' && backend !== 'wasm') throw new ArgError(`--backend must be cpu or wasm, got "${backend}"`);
  const lambda = nonNegative('--lambda', get('--lambda'));
  const energyLambda = seen.has('--energy-lambda') ? nonNegative('--energy-lambda', get('--energy-lambda')) : 0;
  if (paperFaithful && (lambda > 0 || energyLambda > 0)) {
    throw new ArgError('--paper-faithful has no hardware term: use --lambda 0 (and no --energy-lambda) with it');
  }
  return {
    image: genome('--image', get('--image')),
    audio: genome('--audio', get('--audio')),
    cells: integer('--cells', get('--cells'), CELL_CHOICES[0], CELL_CHOICES[CELL_CHOICES.length - 1]),
    nodes: integer('--nodes', get('--nodes'), NODE_CHOICES[0], NODE_CHOICES[NODE_CHOICES.length - 1]),
    device,
    lambda,
    energyLambda,
    seed: integer('--seed', get('--seed'), 0, 2 ** 32 - 1),
    epochs: seen.has('--epochs') ? integer('--epochs', get('--epochs'), 1) : 25,
    retrainEpochs: seen.has('--retrain-epochs') ? integer('--retrain-epochs', get('--retrain-epochs'), 0) : 10,
    maxCandidates: seen.has('--max-candidates') ? integer('--max-candidates', get('--max-candidates'), 1) : 6,
    c: seen.has('--c') ? integer('--c', get('--c'), 1) : 192,
    paperFaithful,
    allowUnimodal: seen.has('--allow-unimodal'),
    bnBatches: seen.has('--bn-batches') ? integer('--bn-batches', get('--bn-batches'), 1) : 10,
    backend,
  };
}
