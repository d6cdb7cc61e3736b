// The shipped upload example (public/examples/avmnist-example.zip, scripts/build-example-zip.ts)
// passes the upload checks: 10 digits, the demo's splits kept, 8 / 2 / 2 samples per digit.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { listZip } from '../../src/data/upload-zip';
import { validateUpload } from '../../src/core/upload/validate';
import { EXAMPLE_UPLOAD_ZIP, publicPath } from '../../src/data/asset-paths';

describe('the upload example', () => {
  it('is a valid dataset zip of the demo set', () => {
    const r = listZip(new Uint8Array(readFileSync(publicPath(EXAMPLE_UPLOAD_ZIP))));
    if ('error' in r) throw new Error(r.error);
    const check = validateUpload(r.listing);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.dataset!.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const c of check.dataset!.classes) expect([check.dataset!.counts.train[c], check.dataset!.counts.val[c], check.dataset!.counts.test[c]]).toEqual([8, 2, 2]);
  });
});
