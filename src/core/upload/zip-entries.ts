// Checks of an uploaded zip's directory, made before anything is inflated: the archive's size,
// the files' total inflated size, compression ratios that signal a zip bomb, and names that
// could escape the dataset (`..`, absolute paths, drive letters, control characters).

import { UPLOAD_LIMITS } from './limits';

/** One file of the zip's central directory. */
export interface ZipEntry {
  name: string;
  /** Stored (compressed) bytes. */
  size: number;
  /** Bytes once inflated. */
  originalSize: number;
}

const MB = (b: number) => `${(b / 1048576).toFixed(1)} MB`;

/** What is wrong with one path inside the zip, or null. */
export function entryNameProblem(name: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'has control characters in its name';
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name)) return 'is an absolute path';
  if (name.split(/[/\\]/).includes('..')) return 'has ".." in its path';
  return null;
}

/** Every problem of the directory, each naming the file (or the zip). */
export function checkZipEntries(zipBytes: number, entries: readonly ZipEntry[]): string[] {
  const L = UPLOAD_LIMITS;
  const problems: string[] = [];
  if (zipBytes > L.maxCompressedBytes) problems.push(`The zip is ${MB(zipBytes)}; at most ${MB(L.maxCompressedBytes)} is accepted.`);
  let total = 0;
  for (const e of entries) {
    const p = entryNameProblem(e.name);
    if (p) problems.push(`${JSON.stringify(e.name)} ${p}.`);
    total += e.originalSize;
    if (e.originalSize > L.ratioCheckAboveBytes && e.originalSize > L.maxCompressionRatio * Math.max(1, e.size)) {
      problems.push(`${e.name} would inflate ${Math.round(e.originalSize / Math.max(1, e.size))}× (${MB(e.originalSize)} from ${MB(e.size)}): that looks like a zip bomb.`);
    }
  }
  if (total > L.maxUncompressedBytes) problems.push(`The zip's files add up to ${MB(total)} once inflated; at most ${MB(L.maxUncompressedBytes)} is accepted.`);
  else if (total > L.ratioCheckAboveBytes && total > L.maxCompressionRatio * Math.max(1, zipBytes)) {
    problems.push(`The zip would inflate ${Math.round(total / Math.max(1, zipBytes))}× (${MB(total)} from ${MB(zipBytes)}): that looks like a zip bomb.`);
  }
  return problems;
}
