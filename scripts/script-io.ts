// Small helpers shared by the Node scripts (training, benchmarks, fusion search): `--name value`
// arguments, and fetch over local files so the app's loaders read public/ from disk.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `--name value` pairs → { name: value }; throws on a stray word or a name without a value. */
export function parseNameValueArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`expected --name value, got "${argv[i]}"`);
    out[argv[i].slice(2)] = argv[i + 1];
  }
  return out;
}

/** fetch over local files: the URL path is relative to `dir`; a missing file is a 404 response. */
export const localFetch = (dir: string) =>
  (async (input: RequestInfo | URL) => {
    try {
      return new Response(await readFile(join(dir, String(input))));
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
