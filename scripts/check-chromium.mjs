// Fails loudly (never skips) when the browser tests have no Chromium to run in.
import { chromiumCandidates } from './chromium.mjs';
import { existsSync } from 'node:fs';

if (!chromiumCandidates.some((p) => existsSync(p))) {
  console.error(
    'No Chromium found (looked at: ' + chromiumCandidates.join(', ') + ').\n' +
      'The browser tests need it. Install it with:  apt-get update && apt-get install -y chromium\n' +
      '(or set CHROMIUM_PATH to a Chromium binary).',
  );
  process.exit(1);
}
