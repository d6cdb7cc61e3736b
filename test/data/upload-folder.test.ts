// A dataset folder becomes the zip the one upload reader takes: the folder's name comes off
// the paths, hidden files are left out, an empty or oversized folder is one clear message, and
// the packed example passes the same checks as the zip.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync } from 'fflate';
import { commonTopFolder, zipFolder, type FolderFile } from '../../src/data/upload-folder';
import { listZip } from '../../src/data/upload-zip';
import { validateUpload } from '../../src/core/upload/validate';

const file = (path: string, bytes: Uint8Array | string): FolderFile => {
  const b = typeof bytes === 'string' ? strToU8(bytes) : bytes;
  return { path, size: b.length, read: async () => b };
};

describe('dataset folders', () => {
  it('finds the common top folder', () => {
    expect(commonTopFolder(['mine/manifest.json', 'mine/image/a.png'])).toBe('mine');
    expect(commonTopFolder(['manifest.json', 'image/a.png'])).toBeNull();
    expect(commonTopFolder(['a/x', 'b/y'])).toBeNull();
  });

  it('packs the folder with its name taken off and hidden files left out', async () => {
    const r = await zipFolder([file('mine/manifest.json', '{}'), file('mine/image/a.png', 'png'), file('mine/.DS_Store', 'x'), file('mine/image/.hidden/b.png', 'y')]);
    if ('error' in r) throw new Error(r.error);
    expect(r.name).toBe('mine');
    expect(Object.keys(unzipSync(r.bytes)).sort()).toEqual(['image/a.png', 'manifest.json']);
  });

  it('refuses an empty folder and one over the size limit, before reading a file', async () => {
    expect(await zipFolder([], 'empty')).toEqual({ error: 'empty holds no files.' });
    const big: FolderFile = { path: 'big/a.wav', size: 51 * 1048576, read: async () => { throw new Error('must not be read'); } };
    expect(await zipFolder([big], 'big')).toEqual({ error: 'big holds 51.0 MB; a dataset folder may hold at most 50 MB, as a zip may.' });
  });

  it('gives the example, unpacked into a folder, the same checks as the zip', async () => {
    const zip = new Uint8Array(readFileSync('public/examples/avmnist-example.zip'));
    const files = Object.entries(unzipSync(zip)).map(([p, b]) => file(`avmnist-example/${p}`, b));
    const r = await zipFolder(files);
    if ('error' in r) throw new Error(r.error);
    const listed = listZip(r.bytes);
    if ('error' in listed) throw new Error(listed.error);
    const check = validateUpload(listed.listing);
    expect(check.errors).toEqual([]);
    expect(check.dataset!.samples).toHaveLength(120);
  });
});
