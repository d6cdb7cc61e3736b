// Argument parsing of scripts/eval-subnet.ts (pure, tested in Node). Errors are one-line
// messages; the CLI prints them on stderr and exits with status 2.

import { parseGenome } from '../src/core/genome';
import type { BackboneGenome, Modality } from '../src/core/types';

export type EvalSplit = 'train' | 'val' | 'test';

export interface EvalArgs {
  modality: Modality;
  genome: BackboneGenome;
  split: EvalSplit;
  /** Training batches (of 64) for BN recalibration; undefined = the whole training split. */
  bnBatches?: number;
  /** Folder holding avmnist-image/ and avmnist-audio/ (default public/models). */
  modelsDir?: string;
}

export class ArgError extends Error {}

const USAGE =
  'usage: eval-subnet --modality image|audio --genome k7777e6666d4 [--split train|val|test] [--bn-batches N] [--models DIR]';

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const seen = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!['--modality', '--genome', '--split', '--bn-batches', '--models'].includes(flag)) {
      throw new ArgError(`unknown argument "${flag}"; ${USAGE}`);
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new ArgError(`${flag} needs a value; ${USAGE}`);
    if (seen.has(flag)) throw new ArgError(`${flag} given twice`);
    seen.set(flag, value);
    i++;
  }
  const modality = seen.get('--modality');
  if (modality === undefined) throw new ArgError(`--modality is required; ${USAGE}`);
  if (modality !== 'image' && modality !== 'audio') throw new ArgError(`--modality must be image or audio, got "${modality}"`);
  const genomeText = seen.get('--genome');
  if (genomeText === undefined) throw new ArgError(`--genome is required; ${USAGE}`);
  let genome: BackboneGenome;
  try {
    genome = parseGenome(genomeText);
  } catch (e) {
    throw new ArgError(`--genome: ${(e as Error).message}`);
  }
  const split = seen.get('--split') ?? 'test';
  if (split !== 'train' && split !== 'val' && split !== 'test') throw new ArgError(`--split must be train, val or test, got "${split}"`);
  let bnBatches: number | undefined;
  const bn = seen.get('--bn-batches');
  if (bn !== undefined) {
    bnBatches = Number(bn);
    if (!/^\d+$/.test(bn) || bnBatches < 1) throw new ArgError(`--bn-batches must be a positive integer, got "${bn}"`);
  }
  return { modality, genome, split, bnBatches, modelsDir: seen.get('--models') };
}
