// A dataset given as a folder (dropped, or chosen with a folder picker) instead of a zip: its
// files are packed into an uncompressed zip in memory (fflate) so that the one validator and
// reader of uploads (./upload-dataset.ts) handles both, and the kept copy in IndexedDB is a zip
// either way. The folder's own name is taken off the paths, so `mydata/manifest.json` sits at
// the top as a zip's would. A folder over the zip size limit is refused before anything is read.

import { zipSync } from 'fflate';
import { UPLOAD_LIMITS } from '../core/upload/limits';

/** One file of the folder: its path inside the folder (with `/`) and a way to read it. */
export interface FolderFile {
  path: string;
  size: number;
  read(): Promise<Uint8Array>;
}

/** The folder's name when every path starts with the same top folder, else null. */
export function commonTopFolder(paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  const tops = new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '')));
  const [top] = [...tops];
  return tops.size === 1 && top !== '' ? top : null;
}

/** The folder as zip bytes, or the one message saying why not. */
export async function zipFolder(files: readonly FolderFile[], folderName = 'the folder'): Promise<{ bytes: Uint8Array; name: string } | { error: string }> {
  if (files.length === 0) return { error: `${folderName} holds no files.` };
  const total = files.reduce((n, f) => n + f.size, 0);
  const limit = UPLOAD_LIMITS.maxCompressedBytes;
  if (total > limit) {
    return { error: `${folderName} holds ${(total / 1048576).toFixed(1)} MB; a dataset folder may hold at most ${limit / 1048576} MB, as a zip may.` };
  }
  const top = commonTopFolder(files.map((f) => f.path));
  const strip = (p: string) => (top ? p.slice(top.length + 1) : p);
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) {
    const path = strip(f.path);
    if (path === '' || path.split('/').some((part) => part.startsWith('.'))) continue; // hidden files (.DS_Store, …)
    entries[path] = [await f.read(), { level: 0 }];
  }
  return { bytes: zipSync(entries), name: top ?? folderName };
}

/** The files of a folder picked with `<input type="file" webkitdirectory>`. */
export function filesFromDirectoryInput(list: FileList | readonly File[]): FolderFile[] {
  return Array.from(list, (f) => ({ path: f.webkitRelativePath || f.name, size: f.size, read: async () => new Uint8Array(await f.arrayBuffer()) }));
}

interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: EntryLike[]) => void, fail: (e: unknown) => void): void };
}

/** Every file under a dropped directory entry (the File System Entry API of drag and drop). */
export async function filesFromDroppedEntry(root: EntryLike): Promise<FolderFile[]> {
  const out: FolderFile[] = [];
  const walk = async (e: EntryLike): Promise<void> => {
    if (e.isFile && e.file) {
      const file = await new Promise<File>((ok, fail) => e.file!(ok, fail));
      out.push({ path: e.fullPath.replace(/^\//, ''), size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) });
    } else if (e.isDirectory && e.createReader) {
      const reader = e.createReader();
      // readEntries returns its entries in chunks until an empty one
      for (;;) {
        const chunk = await new Promise<EntryLike[]>((ok, fail) => reader.readEntries(ok, fail));
        if (chunk.length === 0) break;
        for (const c of chunk) await walk(c);
      }
    }
  };
  await walk(root);
  return out;
}
