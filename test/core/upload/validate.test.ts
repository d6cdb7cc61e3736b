// The upload validator over a good dataset and over every failure the format names, each bad zip
// built here with fflate; every message names the file or the CSV row.
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { validateUpload } from '../../../src/core/upload/validate';
import { checkZipEntries, entryNameProblem } from '../../../src/core/upload/zip-entries';
import { stratifiedSplit } from '../../../src/core/upload/split';
import { listZip } from '../../../src/data/upload-zip';

const MANIFEST = { name: 'toy', modalities: [{ name: 'image', kind: 'image' }, { name: 'audio', kind: 'audio' }] };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46]);

/** A dataset with `perClass` samples of classes a and b (ids a0.., b0..). */
function files(opts: { perClass?: number; labels?: string; manifest?: unknown; extra?: Record<string, Uint8Array>; drop?: string[] } = {}) {
  const n = opts.perClass ?? 10;
  const out: Record<string, Uint8Array> = {};
  const rows = ['id,label'];
  for (const c of ['a', 'b']) {
    for (let i = 0; i < n; i++) {
      rows.push(`${c}${i},${c}`);
      out[`image/${c}${i}.png`] = PNG;
      out[`audio/${c}${i}.wav`] = WAV;
    }
  }
  out['manifest.json'] = strToU8(typeof opts.manifest === 'string' ? opts.manifest : JSON.stringify(opts.manifest ?? MANIFEST));
  out['labels.csv'] = strToU8(opts.labels ?? rows.join('\n'));
  for (const d of opts.drop ?? []) delete out[d];
  return { ...out, ...opts.extra };
}

function check(f: Record<string, Uint8Array>) {
  const r = listZip(zipSync(f));
  if ('error' in r) throw new Error(r.error);
  return validateUpload(r.listing);
}

describe('upload validation', () => {
  it('accepts a good dataset and splits it 70/15/15 per class, seeded', () => {
    const r = check(files());
    expect(r.errors).toEqual([]);
    expect(r.dataset!.classes).toEqual(['a', 'b']);
    expect(r.dataset!.samples).toHaveLength(20);
    expect(r.dataset!.counts).toEqual({ train: { a: 7, b: 7 }, val: { a: 2, b: 2 }, test: { a: 1, b: 1 } });
    expect(r.warnings).toEqual([]);
    expect(r.dataset!.samples[0].files).toEqual({ image: 'image/a0.png', audio: 'audio/a0.wav' });
    const ids = [...Array(20).keys()].map((i) => ({ id: `x${i}`, label: 'a' }));
    expect([...stratifiedSplit(ids, 3)]).toEqual([...stratifiedSplit([...ids].reverse(), 3)]);
  });

  it('names a file that is not a zip', () => {
    expect(listZip(strToU8('hello'), 'data.zip')).toEqual({ error: expect.stringMatching(/^data\.zip is not a zip file, or it is damaged/) });
  });

  it('reports manifest problems: missing, not JSON, unknown kind, not two modalities', () => {
    expect(check(files({ drop: ['manifest.json'] })).errors).toContain('manifest.json is missing (it must sit at the top of the zip).');
    expect(check(files({ manifest: '{nope' })).errors[0]).toMatch(/^manifest\.json is not valid JSON/);
    expect(check(files({ manifest: { name: 'x', modalities: [{ name: 'image', kind: 'image' }, { name: 'audio', kind: 'video' }] } })).errors).toContain(
      'manifest.json modality 2: unknown kind "video"; allowed: image, audio.',
    );
    expect(check(files({ manifest: { name: 'x', modalities: [{ name: 'image', kind: 'image' }] } })).errors).toContain('manifest.json: exactly 2 modalities are needed, found 1.');
  });

  it('reports labels.csv problems by row: missing, duplicate ids, empty labels, bad split', () => {
    expect(check(files({ drop: ['labels.csv'] })).errors).toContain('labels.csv is missing (it must sit at the top of the zip).');
    const rows = ['id,label,split', 'a0,a,train', 'a0,a,train', 'a1,,val', 'a2,a,later'].join('\n');
    const e = check(files({ labels: rows })).errors;
    expect(e).toContain('labels.csv row 3: id a0 repeats row 2.');
    expect(e).toContain('labels.csv row 4: the label of a1 is empty.');
    expect(e).toContain('labels.csv row 5: split "later" of a2 is not one of train, val, test.');
  });

  it('reports a sample missing a modality file and a file with no row', () => {
    const e = check(files({ drop: ['audio/b3.wav'], extra: { 'image/zz.png': PNG } })).errors;
    expect(e).toContain('labels.csv row 15: sample b3 has no audio/b3.wav.');
    expect(e).toContain('image/zz.png: no row for id zz in labels.csv.');
  });

  it('reports the wrong extension for a kind and files outside the layout', () => {
    const e = check(files({ extra: { 'image/a0.gif': PNG, 'notes.txt': PNG } })).errors;
    expect(e).toContain('image/a0.gif: a image file must end in .png, .jpg, .jpeg.');
    expect(e).toContain('notes.txt: not part of the layout (<modality>/<id>.<ext> with modality image or audio).');
  });

  it('reports too few training samples per class, too few or too many classes, and warns on imbalance', () => {
    expect(check(files({ perClass: 4 })).errors).toContain('Class "a" has 3 training samples; at least 5 are needed.');
    const one = ['id,label', ...[...Array(10).keys()].map((i) => `a${i},a`)].join('\n');
    expect(check(files({ labels: one, drop: [...Array(10).keys()].flatMap((i) => [`image/b${i}.png`, `audio/b${i}.wav`]) })).errors).toContain('labels.csv: 1 class; at least 2 are needed.');
    const many: Record<string, Uint8Array> = {};
    const rows = ['id,label'];
    for (let c = 0; c < 51; c++) for (let i = 0; i < 8; i++) (rows.push(`c${c}_${i},c${c}`), (many[`image/c${c}_${i}.png`] = PNG), (many[`audio/c${c}_${i}.wav`] = WAV));
    expect(check({ ...many, 'manifest.json': strToU8(JSON.stringify(MANIFEST)), 'labels.csv': strToU8(rows.join('\n')) }).errors).toContain('labels.csv: 51 classes; at most 50 are supported.');
    const skew = files({ perClass: 30 });
    const rowsSkew = ['id,label', ...[...Array(30).keys()].map((i) => `a${i},a`), ...[...Array(7).keys()].map((i) => `b${i},b`)].join('\n');
    const dropB = [...Array(23).keys()].flatMap((i) => [`image/b${i + 7}.png`, `audio/b${i + 7}.wav`]);
    for (const d of dropB) delete skew[d];
    const r = check({ ...skew, 'labels.csv': strToU8(rowsSkew) });
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]).toMatch(/^The classes are imbalanced in training: from 5 to 21/);
  });

  it('refuses unsafe names and oversize or bomb-like zips from the directory, before inflating', () => {
    expect(entryNameProblem('../evil.png')).toBe('has ".." in its path');
    expect(entryNameProblem('/etc/passwd')).toBe('is an absolute path');
    expect(entryNameProblem('C:\\x.png')).toBe('is an absolute path');
    expect(entryNameProblem('image/a\u0001.png')).toBe('has control characters in its name');
    expect(entryNameProblem('image/a0.png')).toBeNull();
    const e = check(files({ extra: { 'image/../../x.png': PNG } })).errors;
    expect(e).toEqual(['"image/../../x.png" has ".." in its path.']);
    expect(checkZipEntries(60 * 1048576, [])).toEqual(['The zip is 60.0 MB; at most 50.0 MB is accepted.']);
    expect(checkZipEntries(1000, [{ name: 'big.bin', size: 1000, originalSize: 600 * 1048576 }])).toEqual([
      'big.bin would inflate 629146× (600.0 MB from 0.0 MB): that looks like a zip bomb.',
      'The zip\u2019s files add up to 600.0 MB once inflated; at most 500.0 MB is accepted.'.replace('\u2019', "'"),
    ]);
    // a real bomb-like zip: 5 MB of zeros compresses to a few kB
    const bomb = check(files({ extra: { 'audio/zeros.wav': new Uint8Array(5 * 1048576) } })).errors;
    expect(bomb.some((m) => /^audio\/zeros\.wav would inflate \d+×.*zip bomb\.$/.test(m))).toBe(true);
  });
});
