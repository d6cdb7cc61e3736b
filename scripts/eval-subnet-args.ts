// Argument parsing of scripts/eval-subnet.ts (pure, tested in Node): which subnet of which
// shipped supernet to score, on which split. Errors are one-line ArgErrors; runCli prints them
// on stderr and exits with status 2.
//
//   eval-subnet --modality image|audio --genome k7777e6666d4 [--split train|val|test] [--bn-batches N] [--models DIR]
//   eval-subnet --modality audio --genome G --wav-dir DIR   (every <digit>_<speaker>_<take>.wav in DIR)
//     [--adapt-bn]   (also score each voice with BN statistics from its own unlabelled clips, src/core/audio/speaker-folds.ts)
//     [--record FILE --about TEXT]   (keep the result in an unheard-voices record, src/core/unheard-voices.ts)

import { parseGenome } from '../src/core/genome';
import type { BackboneGenome, Modality } from '../src/core/types';
import { ArgError, defineFlags, parseFlags, usageLine } from './cli-args';

export { ArgError };

export type EvalSplit = 'train' | 'val' | 'test';

export interface EvalArgs {
  modality: Modality;
  genome: BackboneGenome;
  split: EvalSplit;
  /** Training batches (of 64) for BN recalibration; undefined = the whole training split. */
  bnBatches?: number;
  /** Folder holding avmnist-image/ and avmnist-audio/ (default public/models). */
  modelsDir?: string;
  /** Score the WAV files of this folder instead of a split (audio only). */
  wavDir?: string;
  /** With wavDir: also score each speaker after label-free BN adaptation to their own clips. */
  adaptBn: boolean;
  /** With wavDir: keep the result in this unheard-voices record (one result per genome). */
  record?: string;
  /** With record: where the recordings come from, in words. */
  about?: string;
}

export const EVAL_FLAGS = defineFlags({
  modality: { type: 'choice', choices: ['image', 'audio'], required: true },
  genome: { type: 'parse', parse: parseGenome, required: true, value: 'GENOME' },
  split: { type: 'choice', choices: ['train', 'val', 'test'], default: 'test' },
  bnBatches: { type: 'int', min: 1 },
  models: { type: 'string', value: 'DIR' },
  wavDir: { type: 'string', value: 'DIR' },
  adaptBn: { type: 'boolean' },
  record: { type: 'string', value: 'FILE' },
  about: { type: 'string', value: 'TEXT' },
});

export const USAGE = usageLine('eval-subnet', EVAL_FLAGS);

/** Parses argv (without node and script). */
export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const { values: a } = parseFlags(argv, EVAL_FLAGS);
  if (a.wavDir !== undefined && a.modality !== 'audio') throw new ArgError('--wav-dir scores recordings: it needs --modality audio');
  if (a.adaptBn === true && a.wavDir === undefined) throw new ArgError('--adapt-bn adapts to the voices of recordings: it needs --wav-dir');
  if (a.record !== undefined && a.wavDir === undefined) throw new ArgError('--record keeps a --wav-dir result: it needs --wav-dir');
  if (a.record !== undefined && !a.about) throw new ArgError('--record needs --about TEXT: where the recordings come from');
  return { modality: a.modality, genome: a.genome, split: a.split, bnBatches: a.bnBatches, modelsDir: a.models, wavDir: a.wavDir, adaptBn: a.adaptBn === true, record: a.record, about: a.about };
}
