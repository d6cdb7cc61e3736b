// Reading an uploaded dataset zip with fflate: first only its central directory (names and
// sizes, nothing inflated), then — once the directory passed its checks — the two text files
// the validator reads. A file that is not a zip, or a corrupt one, is one clear message.

import { unzipSync } from 'fflate';
import type { UploadListing } from '../core/upload/validate';
import type { ZipEntry } from '../core/upload/zip-entries';

export function listZip(bytes: Uint8Array, fileName = 'the file'): { listing: UploadListing } | { error: string } {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter(f) {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        return false;
      },
    });
  } catch (err) {
    return { error: `${fileName} is not a zip file, or it is damaged (${(err as Error).message}).` };
  }
  const text = (name: string): string | null => {
    if (!entries.some((e) => e.name === name)) return null;
    try {
      const out = unzipSync(bytes, { filter: (f) => f.name === name });
      return new TextDecoder().decode(out[name]);
    } catch {
      return null;
    }
  };
  return { listing: { zipBytes: bytes.byteLength, entries, text } };
}
