// Argument parsing of scripts/fusion-search.ts (pure, tested in Node): the inner tier for one
// backbone pair and fusion macro-shape. Errors are one-line ArgErrors; runCli prints them on
// stderr and exits with status 2. USAGE is generated from FUSION_SEARCH_FLAGS, e.g.
//
//   fusion-search --image k5557e3643d2 --audio k3375e3336d2 --cells 2 --nodes 1 --device jetson-tx2
//                 --lambda 0 --seed 1 [--epochs N] [--retrain-epochs N] [--max-candidates N] [--c N]
//                 [--paper-faithful] [--allow-unimodal] [--backend wasm|cpu]

import { parseGenome } from '../src/core/genome';
import { CELL_CHOICES, NODE_CHOICES, type BackboneGenome } from '../src/core/types';
import { ArgError, defineFlags, oneOf, parseFlags, usageLine } from './cli-args';

export { ArgError };

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

/** Flags of fusion-search; the paper's defaults where it has them. */
export const FUSION_SEARCH_FLAGS = defineFlags({
  image: { type: 'parse', parse: parseGenome, required: true, value: 'GENOME' },
  audio: { type: 'parse', parse: parseGenome, required: true, value: 'GENOME' },
  cells: { type: 'int', min: CELL_CHOICES[0], max: CELL_CHOICES[CELL_CHOICES.length - 1], required: true },
  nodes: { type: 'int', min: NODE_CHOICES[0], max: NODE_CHOICES[NODE_CHOICES.length - 1], required: true },
  device: { type: 'string', required: true, value: 'ID' },
  lambda: { type: 'number', min: 0, required: true, value: 'X' },
  seed: { type: 'int', min: 0, max: 2 ** 32 - 1, required: true },
  epochs: { type: 'int', min: 1, default: 25 },
  retrainEpochs: { type: 'int', min: 0, default: 10 },
  maxCandidates: { type: 'int', min: 1, default: 6 },
  c: { type: 'int', min: 1, default: 192 },
  energyLambda: { type: 'number', min: 0, default: 0, value: 'X' },
  bnBatches: { type: 'int', min: 1, default: 10 },
  backend: { type: 'choice', choices: ['wasm', 'cpu'], default: 'wasm' },
  paperFaithful: { type: 'boolean' },
  allowUnimodal: { type: 'boolean' },
});

export const USAGE = usageLine('fusion-search', FUSION_SEARCH_FLAGS);

/** Parses argv (without node and script). `knownDevices`: ids that have a cost table. */
export function parseFusionSearchArgs(argv: readonly string[], knownDevices?: readonly string[]): FusionSearchArgs {
  const { values: a } = parseFlags(argv, FUSION_SEARCH_FLAGS);
  if (knownDevices) oneOf('--device', a.device, knownDevices);
  if (a.paperFaithful && (a.lambda > 0 || a.energyLambda > 0)) {
    throw new ArgError('--paper-faithful has no hardware term: use --lambda 0 (and no --energy-lambda) with it');
  }
  return a;
}
