// Small helpers shared by the Node scripts (training, benchmarks, fusion search): fetch over
// local files so the app's loaders read public/ from disk, and starting a tfjs backend in Node.
// (Arguments: scripts/cli-args.ts.)

import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installFastCpuKernels } from '../src/ml/cpu-kernels';

/** fetch over local files: the URL path is relative to `dir`; a missing file is a 404 response. */
export const localFetch = (dir: string) =>
  (async (input: RequestInfo | URL) => {
    try {
      return new Response(await readFile(join(dir, String(input))));
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;

/**
 * Activates a tfjs backend in Node: `cpu` with our fast kernels, or `wasm` (tfjs's WebAssembly
 * backend, binaries read from node_modules). Throws on any other name.
 */
export async function useNodeBackend(name: string): Promise<'cpu' | 'wasm'> {
  if (name !== 'cpu' && name !== 'wasm') throw new Error(`backend must be cpu or wasm, got "${name}"`);
  if (name === 'wasm') setWasmPaths(fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  else installFastCpuKernels();
  if (!(await tf.setBackend(name))) throw new Error(`the ${name} backend did not start`);
  await tf.ready();
  return name;
}
